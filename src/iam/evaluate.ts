/**
 * Our policy evaluator, following AWS's documented evaluation logic: an explicit Deny in any
 * policy wins; otherwise RCPs and SCPs (when given) must allow; then, within one account, an
 * Allow in the resource policy or in the identity policies suffices (boundaries and session
 * policies cap identity grants, and grants naming a role rather than a session); across accounts
 * both sides must allow. Every input may be partly unknown, and then so is the decision.
 */
import { nameOfArn, principalTypeOf, roleOfSession } from './arn.js';
import { makeContext, type RequestContext } from './context.js';
import { explainResult } from './explain.js';
import { globMatch } from './glob.js';
import { actionIds, resourceIds } from './intern.js';
import {
  evaluateSet,
  type Hit,
  type NamedPolicy,
  type PolicyKind,
  type SetOutcome,
  type SetRequest,
} from './policy-set.js';
import type { RequestPrincipal } from './principal-match.js';
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
  /**
   * Whether the caller is in another account than the resource, when the caller knows better than
   * the account ids can tell (a template's own account id is a token, yet a stranger is not in it).
   */
  crossAccount?: boolean;
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
  readonly decision: Decision;
  readonly matched: readonly MatchedStatement[];
  /** What an Unknown decision depends on. */
  readonly dependsOn: readonly string[];
  readonly notes: readonly string[];
  /** The action is not in the AWS Service Authorization Reference. */
  unknownAction?: boolean;
}

function toContext(c: EvaluationRequest['context']): RequestContext {
  if (c && 'values' in c && c.values instanceof Map) return c as RequestContext;
  return makeContext((c ?? {}) as Record<string, string | readonly string[]>);
}

const principals = new Map<string, RequestPrincipal>();

/** Parsed once per distinct caller: the benchmark asks millions of questions of a thousand principals. */
function principalOf(r: EvaluationRequest): RequestPrincipal {
  let p = principals.get(r.principalArn);
  if (!p || p.account !== r.principalAccount) {
    const type = principalTypeOf(r.principalArn);
    const roleArn = type === 'session' ? roleOfSession(r.principalArn) : undefined;
    p = {
      arn: r.principalArn,
      type,
      ...(r.principalAccount ? { account: r.principalAccount } : {}),
      ...(roleArn ? { roleArn } : {}),
    };
    if (principals.size > 100_000) principals.clear();
    principals.set(r.principalArn, p);
  }
  return p;
}

function isIam(p: RequestPrincipal): boolean {
  return p.type !== 'service' && p.type !== 'anonymous' && p.type !== 'federated';
}

/** Keys AWS fills from the request itself; asked for only when a condition or variable needs one. */
function implied(r: EvaluationRequest, p: RequestPrincipal): (k: string) => readonly string[] | undefined {
  const iam = isIam(p);
  return (k) => {
    switch (k) {
      case 'aws:principalarn':
        return iam ? [p.roleArn ?? p.arn] : undefined;
      case 'aws:principalaccount':
      case 'kms:calleraccount':
        return iam && p.account ? [p.account] : undefined;
      case 'aws:resourceaccount': {
        const account = r.resourceAccount ?? p.account;
        return account ? [account] : undefined;
      }
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
function levelsAllow(
  levels: ReadonlyArray<readonly NamedPolicy[]>,
  kind: PolicyKind,
  req: SetRequest,
  hits: Hit[],
): SetOutcome {
  let allow: Tri = true;
  let deny: Tri = false;
  for (const level of levels) {
    const out = evaluateSet(level, kind, req, hits);
    allow = triAnd(allow, out.allow);
    deny = triOr(deny, out.deny);
  }
  return { allow, deny };
}

function sameAccount(r: EvaluationRequest): Tri {
  if (r.crossAccount !== undefined) return !r.crossAccount;
  if (!r.resourceAccount || !r.principalAccount || r.resourceAccount === r.principalAccount) return true;
  return globMatch(r.resourceAccount, r.principalAccount, {
    ignoreCase: false,
    wildcards: false,
    variables: false,
  });
}

const NO_SET: SetOutcome = { allow: true, deny: false };

const bare = (decision: Decision): EvaluationResult =>
  Object.freeze({
    decision,
    matched: Object.freeze([]),
    dependsOn: Object.freeze([]),
    notes: Object.freeze([]),
  });

/** Shared, frozen answers for `explain: false`, so a bulk run allocates no result per request. */
const BARE: Record<Decision, EvaluationResult> = {
  Allowed: bare('Allowed'),
  ExplicitDeny: bare('ExplicitDeny'),
  ImplicitDeny: bare('ImplicitDeny'),
  Unknown: bare('Unknown'),
};

/** Whether the resource policy allows on its own (direct) or by delegating to the account (any). */
function resourceGrants(
  hits: readonly Hit[],
  from: number,
  p: RequestPrincipal,
  caps: Tri,
): { direct: Tri; any: Tri } {
  let direct: Tri = false;
  let any: Tri = false;
  for (let i = from; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (h.kind !== 'resource' || h.effect !== 'Allow') continue;
    any = triOr(any, h.applies);
    if (h.grant === 'account') continue;
    // A grant naming a user or session stands alone; one naming a role is still capped by its boundary and session policies.
    const alone =
      !isIam(p) || p.type === 'user' || h.grant === 'session' ? h.applies : triAnd(h.applies, caps);
    direct = triOr(direct, alone);
  }
  return { direct, any };
}

export function evaluateRequest(input: EvaluationInput): EvaluationResult {
  const r = input.request;
  const principal = principalOf(r);
  const base = toContext(r.context);
  const ctx: RequestContext = {
    values: base.values,
    states: base.states,
    otherwise: base.otherwise,
    implied: implied(r, principal),
  };
  const req: SetRequest = {
    action: actionIds.get(r.action),
    resource: resourceIds.get(r.resource),
    principal,
    ctx,
    resolver: input.resolver,
  };
  const hits: Hit[] = [];
  const iam = isIam(principal);
  const explain = input.explain !== false;

  const identity = iam
    ? evaluateSet(input.identityPolicies ?? [], 'identity', req, hits)
    : { allow: false, deny: false };
  const boundary =
    iam && input.permissionsBoundary
      ? evaluateSet([input.permissionsBoundary], 'boundary', req, hits)
      : NO_SET;
  const session =
    iam && input.sessionPolicies?.length ? evaluateSet(input.sessionPolicies, 'session', req, hits) : NO_SET;
  const resourceFrom = hits.length;
  const resource = input.resourcePolicy
    ? evaluateSet([input.resourcePolicy], 'resource', req, hits)
    : undefined;
  // SCPs limit IAM principals of member accounts, never service principals or anonymous callers.
  const scp = iam && input.scps ? levelsAllow(input.scps, 'scp', req, hits) : NO_SET;
  const rcp = input.rcps ? levelsAllow(input.rcps, 'rcp', req, hits) : NO_SET;

  let explicitDeny = triOr(
    triOr(identity.deny, boundary.deny),
    triOr(session.deny, triOr(scp.deny, rcp.deny)),
  );
  if (resource) explicitDeny = triOr(explicitDeny, resource.deny);

  const caps = triAnd(boundary.allow, session.allow);
  const idChain = principal.type === 'root' ? true : triAnd(identity.allow, caps);
  const grants = resource
    ? resourceGrants(hits, resourceFrom, principal, caps)
    : { direct: false as Tri, any: false as Tri };
  let allow: Tri;
  const same = iam ? sameAccount(r) : true;
  if (!iam) allow = grants.direct;
  else {
    const within = input.resourcePolicyRequired
      ? triOr(grants.direct, triAnd(grants.any, idChain))
      : triOr(idChain, grants.direct);
    const across = triAnd(grants.any, idChain);
    allow = same === true ? within : same === false ? across : within === across ? within : 'unknown';
  }
  allow = triAnd(allow, triAnd(scp.allow, rcp.allow));

  const decision: Decision =
    explicitDeny === true
      ? 'ExplicitDeny'
      : allow === false
        ? 'ImplicitDeny'
        : allow === true && explicitDeny === false
          ? 'Allowed'
          : 'Unknown';
  if (!explain) return BARE[decision];
  return explainResult(decision, hits, r, {
    iam,
    crossAccount: same !== true,
    hasResourcePolicy: resource !== undefined,
    scpsGiven: input.scps !== undefined,
    boundaryBlocks: input.permissionsBoundary !== undefined && boundary.allow !== true,
  });
}
