/**
 * Who outside the account a resource policy lets in, found by evaluation rather than by pattern:
 * a stranger (an administrator of some unrelated account, outside the organization) asks for
 * every action the policy could grant, with whatever request values suit them, but without the
 * values only the customer's callers have (organization id, source ARN or account, VPC endpoint,
 * external id) and from an address in no listed range. What the stranger gets is public. Accounts
 * the policy names get the same test, and service principals are tried as called on behalf of
 * some other account (the confused deputy).
 */
import type { Inventory } from '../model/inventory.js';
import type { ActionInfo } from './action-catalog.js';
import type { PolicyDocument } from '../model/policy.js';
import { type KeyState, makeContext, type RequestContext } from './context.js';
import {
  type EvaluationInput,
  type EvaluationResult,
  evaluateRequest,
  type NamedPolicy,
} from './evaluate.js';
import { isKnownClosed, rememberClosed } from './exposure-cache.js';
import { expandPrincipal } from './compile-policy.js';
import { globMatch } from './glob.js';
import {
  candidateActions,
  type Grant,
  mergeGrants,
  namedOutsiders,
  openIdentityProviders,
} from './policy-outsiders.js';
export type { Grant } from './policy-outsiders.js';
import { type ResourcePolicyInfo, requestResource } from './resource-policies.js';
import {
  STRANGER_ACCOUNT,
  STRANGER_ARN,
  STRANGER_IDENTITY,
  strangerContext,
  strangerContexts,
} from './stranger.js';
import { resolverFor } from './template-resolver.js';
import { principalTypeOf } from './arn.js';
import { matchPrincipal, type RequestPrincipal } from './principal-match.js';
import type { TokenResolver } from './tokens.js';

interface Caller {
  /** The actions some Allow statement of the policy covers. */
  candidates: readonly ActionInfo[];
  /** Ask about this action only (lower-case key), as who-can does. */
  only?: string;
  /** Known to be outside the resource's account (the stranger is, whatever the account ids say). */
  crossAccount?: boolean;
  who: string;
  kind: Grant['kind'];
  principalArn: string;
  account?: string;
  context: RequestContext;
}

/** Stands for the template's own account when a template does not say which: it is no outsider's. */
const OWN_ACCOUNT = 'the-customer-account';
const outsiderResolvers = new WeakMap<Inventory, TokenResolver>();

/**
 * The inventory's resolver, with the template's own account id spelt as a value no outsider has:
 * a stranger is by definition not in it, so `arn:aws:iam::${AWS::AccountId}:root` or an
 * aws:SourceAccount of `${AWS::AccountId}` must keep them out rather than make the answer unknown.
 */
function outsiderResolver(inventory: Inventory): TokenResolver {
  let r = outsiderResolvers.get(inventory);
  if (!r) {
    const base = resolverFor(inventory);
    r = (t) => base?.(t) ?? (t === '{{AWS::AccountId}}' ? OWN_ACCOUNT : undefined);
    outsiderResolvers.set(inventory, r);
  }
  return r;
}

function requestPrincipalOf(caller: Caller): RequestPrincipal {
  return {
    arn: caller.principalArn,
    type: principalTypeOf(caller.principalArn),
    ...(caller.account ? { account: caller.account } : {}),
  };
}

/** Whether some Allow statement's Principal (or NotPrincipal) could take the caller in: most do not. */
function mayName(doc: PolicyDocument, caller: Caller, resolver: TokenResolver | undefined): boolean {
  const p = requestPrincipalOf(caller);
  return doc.statements.some((s) => {
    if (s.effect !== 'Allow') return false;
    if (s.notPrincipal) return true;
    const principal = expandPrincipal(s.principal, resolver);
    if (!principal) return false;
    return principal === '*' || matchPrincipal(principal, p).match !== false;
  });
}

/**
 * Whether anyone may get in only through statements whose Principal names one account or
 * identity that a deploy-time value hides (`arn:aws:iam::${Partner}:root`). IAM takes no
 * wildcard in part of a principal ARN, so such a statement names one account, never everyone:
 * the cross-account analysis asks about it instead of the public one.
 */
function onlyHiddenNamedPrincipals(
  doc: PolicyDocument,
  matched: EvaluationResult['matched'],
  caller: Caller,
  resolver: TokenResolver | undefined,
): boolean {
  const allows = matched.filter((m) => m.kind === 'resource' && m.effect === 'Allow');
  const p = requestPrincipalOf(caller);
  return (
    allows.length > 0 &&
    allows.every((m) => {
      const s = doc.statements.find((statement) => statement.index === m.index);
      const principal = s && !s.notPrincipal ? expandPrincipal(s.principal, resolver) : undefined;
      if (!principal || principal === '*') return false;
      // A whole entry from a parameter may be "*"; a part of an ARN may not.
      const hidden = Object.values(principal)
        .flat()
        .filter((entry) => entry.includes('{{unresolved:'));
      if (hidden.length === 0 || hidden.some((entry) => !entry.startsWith('arn:'))) return false;
      const hit = matchPrincipal(principal, p);
      return hit.match === 'unknown' && (hit.kind === 'account' || hit.kind === 'identity');
    })
  );
}

function tryCaller(
  inventory: Inventory,
  info: ResourcePolicyInfo,
  doc: PolicyDocument,
  caller: Caller,
): Grant | undefined {
  const resolver = outsiderResolver(inventory);
  if (!mayName(doc, caller, resolver)) return undefined;
  const grant: Grant = {
    who: caller.who,
    kind: caller.kind,
    allowed: [],
    maybe: [],
    dependsOn: [],
    reasons: [],
    ...(caller.account ? { account: caller.account } : {}),
  };
  // One reason per statement: the same statement lets in every action it covers.
  const reasons = new Map<string, string>();
  const depends = new Set<string>();
  const policy: NamedPolicy = { name: `${info.label} of ${info.resource.name}`, document: doc };
  const actions = caller.only ? caller.candidates.filter((a) => a.key === caller.only) : caller.candidates;
  for (const action of actions) {
    const input: EvaluationInput = {
      identityPolicies: [STRANGER_IDENTITY],
      resourcePolicy: policy,
      resourcePolicyRequired: info.required,
      resolver,
      explain: false,
      request: {
        action: action.name,
        resource: requestResource(info, action.resourceTypes),
        principalArn: caller.principalArn,
        ...(caller.account ? { principalAccount: caller.account } : {}),
        resourceAccount: info.account,
        ...(caller.crossAccount ? { crossAccount: true } : {}),
        context: caller.context,
      },
    };
    // Most actions are denied: explain only the ones that get through.
    const quick = evaluateRequest(input).decision;
    if (quick !== 'Allowed' && quick !== 'Unknown') continue;
    const result: EvaluationResult = evaluateRequest({ ...input, explain: true });
    if (
      caller.kind === 'public' &&
      result.decision === 'Unknown' &&
      onlyHiddenNamedPrincipals(doc, result.matched, caller, resolver)
    )
      continue;
    if (result.decision === 'Allowed') grant.allowed.push(action.name);
    else if (result.decision === 'Unknown') grant.maybe.push(action.name);
    else continue;
    for (const m of result.matched) {
      if (m.kind === 'resource' && m.effect === 'Allow' && !reasons.has(`${m.index}`))
        reasons.set(`${m.index}`, m.reason);
    }
    for (const d of result.dependsOn) depends.add(d);
  }
  if (!grant.allowed.length && !grant.maybe.length) return undefined;
  grant.reasons = [...reasons.values()];
  grant.dependsOn = [...depends];
  return grant;
}

export interface Exposure {
  /** Null: the policy is unknown (with the reason); an empty list: nobody outside gets in. */
  public: Grant[];
  outside: Grant[];
  unknownPolicy?: string;
}

export interface Zone {
  /** Whether an account belongs to the customer's zone of trust: true, false or 'unknown'. */
  contains(account: string): boolean | 'unknown';
  orgId?: string;
}

export function analyzeExposure(
  inventory: Inventory,
  info: ResourcePolicyInfo,
  zone: Zone,
  onlyAction?: string,
): Exposure {
  const only = onlyAction?.toLowerCase();
  if (!info.policy.known) return { public: [], outside: [], unknownPolicy: info.policy.reason };
  const doc = info.policy.value;
  const candidates = doc ? candidateActions(doc, info.service) : [];
  // A policy that allows nothing (a TLS-only Deny, say) lets nobody in.
  if (!doc || candidates.length === 0) return { public: [], outside: [] };
  if (!only && isKnownClosed(inventory, info, doc)) return { public: [], outside: [] };
  const exposure = analyzeAllowingPolicy(inventory, info, zone, doc, candidates, only);
  if (!only && exposure.public.length === 0 && exposure.outside.length === 0)
    rememberClosed(inventory, info, doc);
  return exposure;
}

function analyzeAllowingPolicy(
  inventory: Inventory,
  info: ResourcePolicyInfo,
  zone: Zone,
  doc: PolicyDocument,
  candidates: readonly ActionInfo[],
  only: string | undefined,
): Exposure {
  const strangers: Caller[] = strangerContexts(info.facts).map((context) => ({
    candidates,
    who: 'anyone',
    kind: 'public',
    principalArn: STRANGER_ARN,
    account: STRANGER_ACCOUNT,
    crossAccount: true,
    context,
  }));
  for (const provider of openIdentityProviders(doc)) {
    strangers.push({
      candidates,
      who: `anyone signed in to ${provider}`,
      kind: 'public',
      principalArn: provider,
      context: strangerContext(info.facts),
    });
  }
  const pub = mergeGrants(
    strangers.map((c) => tryCaller(inventory, info, doc, { ...c, ...(only ? { only } : {}) })),
  );
  const outside: Grant[] = [];
  const { accounts, services } = namedOutsiders(doc);
  for (const [account, arn] of accounts) {
    const own = globMatch(account, info.account, { ignoreCase: false, wildcards: false, variables: false });
    if (own === true) continue;
    const inZone = own === 'unknown' ? 'unknown' : zone.contains(account);
    if (inZone === true) continue;
    // A named partner holds whatever the customer gave it (an external id, its own addresses and
    // sources); what it cannot have is the customer's organization.
    const org: KeyState = inZone === 'unknown' ? 'unknown' : 'absent';
    const orgKeys = { 'aws:PrincipalOrgID': { state: org }, 'aws:PrincipalOrgPaths': { state: org } };
    const g = tryCaller(inventory, info, doc, {
      ...(only ? { only } : {}),
      candidates,
      who: `account ${account}`,
      kind: 'account',
      principalArn: arn,
      account,
      // Asked as an outsider; whether it really is one is settled below.
      crossAccount: true,
      context: makeContext({ ...info.facts, ...orgKeys }, () => 'chosen'),
    });
    if (!g) continue;
    if (inZone === 'unknown') {
      g.maybe.push(...g.allowed);
      g.allowed = [];
      g.dependsOn.push(
        own === 'unknown'
          ? `whether ${account} is this account`
          : `whether account ${account} is in your organization`,
      );
    }
    outside.push(g);
  }
  // A service acts for whoever owns the resource that calls it: here, the stranger.
  const viaService = strangerContexts(info.facts)[1] ?? strangerContext(info.facts);
  // Services assume roles only for the role's own account: a trust in a service is no confused deputy.
  for (const service of info.service === 'sts' ? [] : services) {
    const g = tryCaller(inventory, info, doc, {
      ...(only ? { only } : {}),
      candidates,
      who: `${service} acting for any account`,
      kind: 'service',
      principalArn: service,
      context: viaService,
    });
    if (g) outside.push(g);
  }
  return { public: pub, outside };
}
