/**
 * Our policy evaluator, following AWS's documented evaluation logic: an explicit Deny in any
 * policy wins; otherwise RCPs and SCPs (when given) must allow; then, within one account, an
 * Allow in the resource policy or in the identity policies suffices (boundaries and session
 * policies cap identity grants, and grants naming a role rather than a session); across accounts
 * both sides must allow. Every input may be partly unknown, and then so is the decision.
 */
import { makeContext, type RequestContext } from './context.js';
import type { Decision, EvaluationInput, EvaluationRequest, EvaluationResult } from './evaluation-types.js';
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
import { isIam, principalOf, Request } from './request.js';
import { expandTokens } from './tokens.js';
import { type Tri, triAnd, triOr } from './tri.js';

export type * from './evaluation-types.js';

function toContext(c: EvaluationRequest['context']): RequestContext {
  if (c && 'values' in c && c.values instanceof Map) return c as RequestContext;
  return makeContext((c ?? {}) as Record<string, string | readonly string[]>);
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
const NO_GRANTS: { direct: Tri; any: Tri } = { direct: false, any: false };

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
  const resource =
    input.resolver && r.resource.includes('{{') ? expandTokens(r.resource, input.resolver) : r.resource;
  // One object serves as both the condition context and the set request: the hot path allocates little.
  const req = new Request(
    toContext(r.context),
    r,
    principal,
    actionIds.get(r.action),
    resourceIds.get(resource),
    input.resolver,
  );
  const hits: Hit[] = [];
  const iam = isIam(principal);
  const explain = input.explain !== false;

  const identity = iam
    ? evaluateSet(input.identityPolicies ?? [], 'identity', req, hits)
    : { allow: false, deny: false };
  const boundary =
    iam && input.permissionsBoundary ? evaluateSet(input.permissionsBoundary, 'boundary', req, hits) : NO_SET;
  const session =
    iam && input.sessionPolicies?.length ? evaluateSet(input.sessionPolicies, 'session', req, hits) : NO_SET;
  const resourceFrom = hits.length;
  const resourceSet = input.resourcePolicy
    ? evaluateSet(input.resourcePolicy, 'resource', req, hits)
    : undefined;
  // SCPs limit IAM principals of member accounts, never service principals or anonymous callers.
  const scp = iam && input.scps ? levelsAllow(input.scps, 'scp', req, hits) : NO_SET;
  const rcp = input.rcps ? levelsAllow(input.rcps, 'rcp', req, hits) : NO_SET;

  let explicitDeny = triOr(
    triOr(identity.deny, boundary.deny),
    triOr(session.deny, triOr(scp.deny, rcp.deny)),
  );
  if (resourceSet) explicitDeny = triOr(explicitDeny, resourceSet.deny);

  const caps = triAnd(boundary.allow, session.allow);
  const idChain = principal.type === 'root' ? true : triAnd(identity.allow, caps);
  const grants = resourceSet ? resourceGrants(hits, resourceFrom, principal, caps) : NO_GRANTS;
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
    resolver: input.resolver,
    iam,
    crossAccount: same !== true,
    hasResourcePolicy: resourceSet !== undefined,
    scpsGiven: input.scps !== undefined,
    boundaryBlocks: input.permissionsBoundary !== undefined && boundary.allow !== true,
  });
}
