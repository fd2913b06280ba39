/**
 * Evaluates one kind of policy (identity, resource, boundary, SCP, RCP, session) for a request:
 * whether some Allow and some Deny statement apply, each true, false or 'unknown', with the
 * statements that did (or may have) applied.
 */
import type { Effect, PolicyDocument } from '../model/policy.js';
import { type CompiledStatement, compilePolicy } from './compile-policy.js';
import { evaluateConditions } from './conditions.js';
import type { RequestContext } from './context.js';
import type { Interned } from './intern.js';
import { type GrantKind, matchPrincipal, type RequestPrincipal } from './principal-match.js';
import type { TokenResolver } from './tokens.js';
import { type Tri, triAnd, triNot, triOr } from './tri.js';

export type PolicyKind = 'identity' | 'resource' | 'boundary' | 'scp' | 'rcp' | 'session';

/** A policy as the evaluator takes it. A null document is one we cannot read. */
export interface NamedPolicy {
  name: string;
  document: PolicyDocument | null;
  /** Why the document is unknown (an unresolved ARN, an AWS managed policy we do not carry). */
  unknownReason?: string;
  /** Whether an unknown document might deny (customer policies might; AWS managed grant policies do not). */
  mayDeny?: boolean;
  /** Set for an AWS managed policy, by its name. */
  awsManaged?: string;
}

export interface Hit {
  policy: NamedPolicy;
  kind: PolicyKind;
  statement?: CompiledStatement;
  effect: Effect;
  applies: Tri;
  grant?: GrantKind;
  dependsOn: readonly string[];
}

export interface SetOutcome {
  allow: Tri;
  deny: Tri;
}

export interface SetRequest {
  action: Interned;
  resource: Interned;
  principal: RequestPrincipal;
  ctx: RequestContext;
  resolver?: TokenResolver;
}

const NONE: readonly string[] = [];
const withPrincipal = new Set<PolicyKind>(['resource', 'rcp']);

function statementApplies(
  s: CompiledStatement,
  policy: NamedPolicy,
  kind: PolicyKind,
  req: SetRequest,
): Hit | undefined {
  const action = s.actionTest(req.action);
  if (action === false) return undefined;
  const resource = s.resourceTest(req.resource, req.ctx);
  if (resource === false) return undefined;
  let applies = triAnd(action, resource);
  let grant: GrantKind | undefined;
  if (withPrincipal.has(kind)) {
    if (s.principal) {
      const hit = matchPrincipal(s.principal, req.principal);
      if (hit.match === false) return undefined;
      applies = triAnd(applies, hit.match);
      grant = hit.kind;
    } else if (s.notPrincipal) {
      const hit = matchPrincipal(s.notPrincipal, req.principal, true);
      const m = triNot(hit.match);
      if (m === false) return undefined;
      applies = triAnd(applies, m);
      grant = 'everyone';
    } else if (kind === 'resource') {
      // A resource policy statement without a principal grants nobody anything.
      return undefined;
    }
  }
  let dependsOn = NONE;
  if (s.condition) {
    const c = evaluateConditions(s.condition, req.ctx, s.effect, s.variables);
    if (c.result === false) return undefined;
    applies = triAnd(applies, c.result);
    dependsOn = c.dependsOn;
  }
  if (applies === 'unknown' && dependsOn.length === 0) dependsOn = ['a value known only at deploy time'];
  return grant
    ? { policy, kind, statement: s, effect: s.effect, applies, dependsOn, grant }
    : { policy, kind, statement: s, effect: s.effect, applies, dependsOn };
}

function addPolicy(
  policy: NamedPolicy,
  kind: PolicyKind,
  req: SetRequest,
  hits: Hit[],
  out: SetOutcome,
): void {
  if (!policy.document) {
    const why = `${policy.name}: ${policy.unknownReason ?? 'document unknown'}`;
    out.allow = triOr(out.allow, 'unknown');
    hits.push({ policy, kind, effect: 'Allow', applies: 'unknown', dependsOn: [why] });
    if (policy.mayDeny) {
      out.deny = triOr(out.deny, 'unknown');
      hits.push({ policy, kind, effect: 'Deny', applies: 'unknown', dependsOn: [why] });
    }
    return;
  }
  const statements = compilePolicy(policy.document, req.resolver).statements;
  for (let i = 0; i < statements.length; i++) {
    const hit = statementApplies(statements[i] as CompiledStatement, policy, kind, req);
    if (!hit) continue;
    hits.push(hit);
    if (hit.effect === 'Deny') out.deny = triOr(out.deny, hit.applies);
    else out.allow = triOr(out.allow, hit.applies);
  }
}

/**
 * Appends the statements that (may) apply to `hits`; returns whether some Allow and some Deny
 * apply. A single policy (boundary, resource policy) is taken as is, to spare an array per request.
 */
export function evaluateSet(
  policies: readonly NamedPolicy[] | NamedPolicy,
  kind: PolicyKind,
  req: SetRequest,
  hits: Hit[],
): SetOutcome {
  const out: SetOutcome = { allow: false, deny: false };
  if ('document' in policies) addPolicy(policies, kind, req, hits, out);
  else for (const policy of policies) addPolicy(policy, kind, req, hits, out);
  return out;
}
