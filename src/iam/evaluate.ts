/**
 * Our policy evaluator, following AWS's documented evaluation logic: an explicit Deny in any
 * policy wins; otherwise RCPs and SCPs (when given) must allow; then, within one account, an
 * Allow in the resource policy or in the identity policies suffices (boundaries and session
 * policies cap identity grants, and grants naming a role rather than a session); across accounts
 * both sides must allow. Every input may be partly unknown, and then so is the decision.
 */
import { lookupAction } from './action-catalog.js';
import { nameOfArn, principalTypeOf, roleOfSession } from './arn.js';
import { makeContext, type RequestContext } from './context.js';
import { describeHit } from './explain.js';
import { type Hit, type NamedPolicy, type PolicyKind, type SetRequest, evaluateSet } from './policy-set.js';
import type { RequestPrincipal } from './principal-match.js';
import { globMatch } from './glob.js';
import type { TokenResolver } from './tokens.js';
import { type Tri, triAnd, triOr } from './tri.js';

export type { NamedPolicy, PolicyKind } from './policy-set.js';

export interface EvaluationRequest {
  /** `s3:GetObject`. */
  action: string;
  /** The resource ARN, or `*` for "every resource". */
  resource: string;
  /** A user, role or session ARN, a service principal (`lambda.amazonaws.com`), or `*` for anonymous. */
  principalArn: string;
  principalAccount?: string;
  /** The resource's account; absent means the principal's own. */
  resourceAccount?: string;
  /** Condition keys; a plain map is taken with AWS semantics (keys not given are absent). */
  context?: RequestContext | Readonly<Record<string, string | readonly string[]>>;
}

export interface EvaluationInput {
  identityPolicies?: readonly NamedPolicy[];
  /** Absent: the principal has no permissions boundary. */
  permissionsBoundary?: NamedPolicy;
  /** SCPs per level (root, OUs, account): each level must allow. Absent: no organization, or not readable. */
  scps?: ReadonlyArray<readonly NamedPolicy[]>;
  /** RCPs per level, like SCPs, for the resource's account. */
  rcps?: ReadonlyArray<readonly NamedPolicy[]>;
  resourcePolicy?: NamedPolicy;
  /** The resource policy must itself allow (KMS key policies, role trust policies). */
  resourcePolicyRequired?: boolean;
  sessionPolicies?: readonly NamedPolicy[];
  request: EvaluationRequest;
  resolver?: TokenResolver;
  /** Build reasons and notes (default true); the benchmark turns it off. */
  explain?: boolean;
}

export type Decision = 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny' | 'Unknown';

export interface MatchedStatement {
  policy: string;
  kind: PolicyKind;
  effect: 'Allow' | 'Deny';
  sid?: string;
  index?: number;
  /** False when the statement may apply, depending on `dependsOn`. */
  certain: boolean;
  reason: string;
  dependsOn?: readonly string[];
}

export interface EvaluationResult {
  decision: Decision;
  matched: MatchedStatement[];
  /** What an Unknown decision depends on. */
  dependsOn: string[];
  notes: string[];
  /** The action is not in the AWS Service Authorization Reference. */
  unknownAction?: boolean;
}

function toContext(c: EvaluationRequest['context']): RequestContext {
  if (c && 'values' in c && c.values instanceof Map) return c as RequestContext;
  return makeContext((c ?? {}) as Record<string, string | readonly string[]>);
}

function principalOf(r: EvaluationRequest): RequestPrincipal {
  const type = principalTypeOf(r.principalArn);
  const roleArn = type === 'session' ? roleOfSession(r.principalArn) : undefined;
  return { arn: r.principalArn, type, ...(r.principalAccount ? { account: r.principalAccount } : {}), ...(roleArn ? { roleArn } : {}) };
}

/** Keys AWS fills from the request itself; asked for only when a condition or variable needs one. */
function implied(r: EvaluationRequest, p: RequestPrincipal): (k: string) => readonly string[] | undefined {
  const iam = p.type !== 'service' && p.type !== 'anonymous' && p.type !== 'federated';
  return (k) => {
    switch (k) {
      case 'aws:principalarn':
        return iam ? [p.roleArn ?? p.arn] : undefined;
      case 'aws:principalaccount':
      case 'kms:calleraccount':
        return iam && p.account ? [p.account] : undefined;
      case 'aws:resourceaccount':
        return r.resourceAccount ?? p.account ? [r.resourceAccount ?? p.account ?? ''] : undefined;
      case 'aws:username': {
        const name = p.type === 'user' ? nameOfArn(p.arn) : undefined;
        return name ? [name] : undefined;
      }
      case 'aws:principalisawsservice':
        return [p.type === 'service' ? 'true' : 'false'];
      case 'aws:principalservicename':
        return p.type === 'service' ? [p.arn] : undefined;
      default:
        return undefined;
    }
  };
}

/** Every level of an organization policy hierarchy must allow. */
function levelsAllow(levels: ReadonlyArray<readonly NamedPolicy[]>, kind: PolicyKind, req: SetRequest, hits: Hit[]) {
  let allow: Tri = true;
  let deny: Tri = false;
  for (const level of levels) {
    const out = evaluateSet(level, kind, req);
    allow = triAnd(allow, out.allow);
    deny = triOr(deny, out.deny);
    hits.push(...out.hits);
  }
  return { allow, deny };
}

function sameAccount(r: EvaluationRequest): Tri {
  if (!r.resourceAccount || !r.principalAccount) return true;
  return globMatch(r.resourceAccount, r.principalAccount, { ignoreCase: false, wildcards: false, variables: false });
}

export function evaluateRequest(input: EvaluationInput): EvaluationResult {
  const r = input.request;
  const principal = principalOf(r);
  const base = toContext(r.context);
  const ctx: RequestContext = { ...base, implied: implied(r, principal) };
  const req: SetRequest = { actionKey: r.action.toLowerCase(), resource: r.resource, principal, ctx, ...(input.resolver ? { resolver: input.resolver } : {}) };
  const hits: Hit[] = [];
  const notes: string[] = [];
  const iamPrincipal = principal.type !== 'service' && principal.type !== 'anonymous' && principal.type !== 'federated';

  const identity = evaluateSet(iamPrincipal ? (input.identityPolicies ?? []) : [], 'identity', req);
  hits.push(...identity.hits);
  const boundary = iamPrincipal && input.permissionsBoundary ? evaluateSet([input.permissionsBoundary], 'boundary', req) : undefined;
  if (boundary) hits.push(...boundary.hits);
  const session = iamPrincipal && input.sessionPolicies?.length ? evaluateSet(input.sessionPolicies, 'session', req) : undefined;
  if (session) hits.push(...session.hits);
  const resource = input.resourcePolicy ? evaluateSet([input.resourcePolicy], 'resource', req) : undefined;
  if (resource) hits.push(...resource.hits);
  // SCPs limit IAM principals of member accounts, never service principals or anonymous callers.
  const scp = iamPrincipal && input.scps ? levelsAllow(input.scps, 'scp', req, hits) : undefined;
  const rcp = input.rcps ? levelsAllow(input.rcps, 'rcp', req, hits) : undefined;

  const explicitDeny = [identity, boundary, session, resource, scp, rcp].reduce<Tri>((d, s) => (s ? triOr(d, s.deny) : d), false);

  const caps = triAnd(boundary?.allow ?? true, session?.allow ?? true);
  const idChain = principal.type === 'root' ? true : triAnd(identity.allow, caps);
  let direct: Tri = false;
  let viaAccount: Tri = false;
  for (const h of resource?.hits ?? []) {
    if (h.effect !== 'Allow') continue;
    viaAccount = triOr(viaAccount, h.applies);
    if (h.grant === 'account') continue;
    // A grant naming a user or session stands alone; one naming a role is still capped by its boundary and session policies.
    const alone = !iamPrincipal || principal.type === 'user' || h.grant === 'session' ? h.applies : triAnd(h.applies, caps);
    direct = triOr(direct, alone);
  }
  let allow: Tri;
  if (!iamPrincipal) allow = direct;
  else {
    const same = sameAccount(r);
    const within = input.resourcePolicyRequired ? triOr(direct, triAnd(viaAccount, idChain)) : triOr(idChain, direct);
    const across = triAnd(viaAccount, idChain);
    allow = same === true ? within : same === false ? across : within === across ? within : 'unknown';
    if (input.explain !== false && same !== true && !resource) notes.push('cross-account: the resource has no policy that lets the caller in');
  }
  allow = triAnd(allow, triAnd(scp?.allow ?? true, rcp?.allow ?? true));

  const decision = explicitDeny === true ? 'ExplicitDeny' : allow === false ? 'ImplicitDeny' : allow === true && explicitDeny === false ? 'Allowed' : 'Unknown';
  const result: EvaluationResult = { decision, matched: [], dependsOn: [], notes };
  if (!lookupAction(r.action)) result.unknownAction = true;
  if (input.explain === false) return result;
  const dependsOn = new Set<string>();
  for (const h of hits) {
    if (h.applies === false) continue;
    result.matched.push(describeHit(h, r));
    if (h.applies === 'unknown') for (const d of h.dependsOn) dependsOn.add(d);
  }
  if (decision === 'Unknown') result.dependsOn = [...dependsOn];
  if (iamPrincipal && !input.scps) notes.push('SCPs not evaluated (no organization given, or not readable)');
  if (boundary && boundary.allow !== true) notes.push('the permissions boundary does not allow this action');
  if (result.unknownAction) notes.push(`${r.action} is not in the AWS Service Authorization Reference`);
  return result;
}

