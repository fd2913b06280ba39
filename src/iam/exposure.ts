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
import type { PolicyDocument, Principal } from '../model/policy.js';
import { actionsOf } from './action-catalog.js';
import { accountOf } from './arn.js';
import { type KeyState, makeContext, type RequestContext } from './context.js';
import { type EvaluationResult, evaluateRequest, type NamedPolicy } from './evaluate.js';
import { globMatch } from './glob.js';
import { type ResourcePolicyInfo, requestResource } from './resource-policies.js';
import {
  STRANGER_ACCOUNT,
  STRANGER_ARN,
  STRANGER_IDENTITY,
  strangerContext,
  strangerContexts,
} from './stranger.js';
import { resolverFor } from './template-resolver.js';

export interface Grant {
  /** Who gets in, in words: "anyone", "account 111122223333", "sns.amazonaws.com on behalf of any account". */
  who: string;
  kind: 'public' | 'account' | 'service';
  account?: string;
  allowed: string[];
  /** Actions allowed or not depending on `dependsOn`. */
  maybe: string[];
  dependsOn: string[];
  /** The statements that let them in. */
  reasons: string[];
}

function candidateActions(doc: PolicyDocument, service: string) {
  const allows = doc.statements.filter((s) => s.effect === 'Allow');
  const covers = (patterns: readonly string[], name: string) =>
    patterns.some(
      (p) => globMatch(p, name, { ignoreCase: true, wildcards: true, variables: false }) !== false,
    );
  return actionsOf(service).filter((a) =>
    allows.some((s) =>
      s.action ? covers(s.action, a.name) : s.notAction ? !covers(s.notAction, a.name) : false,
    ),
  );
}

interface Caller {
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

function tryCaller(
  inventory: Inventory,
  info: ResourcePolicyInfo,
  doc: PolicyDocument,
  caller: Caller,
): Grant | undefined {
  const resolver = resolverFor(inventory);
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
  const actions = caller.only ? candidateActions(doc, info.service).filter((a) => a.key === caller.only) : candidateActions(doc, info.service);
  for (const action of actions) {
    const result: EvaluationResult = evaluateRequest({
      identityPolicies: [STRANGER_IDENTITY],
      resourcePolicy: policy,
      resourcePolicyRequired: info.required,
      ...(resolver ? { resolver } : {}),
      request: {
        action: action.name,
        resource: requestResource(info, action.resourceTypes),
        principalArn: caller.principalArn,
        ...(caller.account ? { principalAccount: caller.account } : {}),
        resourceAccount: info.account,
        ...(caller.crossAccount ? { crossAccount: true } : {}),
        context: caller.context,
      },
    });
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

/**
 * Web identity providers whose tokens anyone can get (an OIDC provider such as GitHub's, Google,
 * Cognito identity pools): a trust without conditions on the token admits them all. SAML
 * providers are the customer's own identity provider and are not tried.
 */
function openIdentityProviders(doc: PolicyDocument): string[] {
  const open = [
    'cognito-identity.amazonaws.com',
    'accounts.google.com',
    'graph.facebook.com',
    'www.amazon.com',
  ];
  const out = new Set<string>();
  for (const s of doc.statements) {
    if (s.effect !== 'Allow' || !s.principal || s.principal === '*') continue;
    for (const [type, entries] of Object.entries(s.principal)) {
      if (type.toLowerCase() !== 'federated') continue;
      for (const e of entries)
        if (open.includes(e.toLowerCase()) || e.includes(':oidc-provider/')) out.add(e);
    }
  }
  return [...out];
}

/** One grant per "who", merging what several probes of the same caller found. */
function mergeGrants(found: ReadonlyArray<Grant | undefined>): Grant[] {
  const byWho = new Map<string, Grant>();
  for (const g of found) {
    if (!g) continue;
    const prev = byWho.get(g.who);
    if (!prev) {
      byWho.set(g.who, g);
      continue;
    }
    const allowed = new Set([...prev.allowed, ...g.allowed]);
    prev.allowed = [...allowed];
    prev.maybe = [...new Set([...prev.maybe, ...g.maybe])].filter((a) => !allowed.has(a));
    prev.dependsOn = [...new Set([...prev.dependsOn, ...g.dependsOn])];
    prev.reasons = [...new Set([...prev.reasons, ...g.reasons])];
  }
  return [...byWho.values()];
}

/** Accounts and services a policy's Allow statements name, besides `*`. */
function namedOutsiders(doc: PolicyDocument): { accounts: Map<string, string>; services: Set<string> } {
  const accounts = new Map<string, string>();
  const services = new Set<string>();
  const visit = (p: Principal | undefined) => {
    if (!p || p === '*') return;
    for (const [type, entries] of Object.entries(p)) {
      for (const e of entries) {
        if (type.toLowerCase() === 'service' && e !== '*') services.add(e);
        if (type.toLowerCase() !== 'aws' || e === '*') continue;
        const account = accountOf(e);
        if (account && !accounts.has(account))
          accounts.set(
            account,
            e.includes(':role/') || e.includes(':user/') ? e : `arn:aws:iam::${account}:role/whoowns-probe`,
          );
      }
    }
  };
  for (const s of doc.statements) if (s.effect === 'Allow') visit(s.principal);
  return { accounts, services };
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
  if (!doc) return { public: [], outside: [] };
  const strangers: Caller[] = strangerContexts(info.facts).map((context) => ({
    who: 'anyone',
    kind: 'public',
    principalArn: STRANGER_ARN,
    account: STRANGER_ACCOUNT,
    crossAccount: true,
    context,
  }));
  for (const provider of openIdentityProviders(doc)) {
    strangers.push({
      who: `anyone signed in to ${provider}`,
      kind: 'public',
      principalArn: provider,
      context: strangerContext(info.facts),
    });
  }
  const pub = mergeGrants(strangers.map((c) => tryCaller(inventory, info, doc, { ...c, ...(only ? { only } : {}) })));
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
  for (const service of services) {
    const g = tryCaller(inventory, info, doc, {
      ...(only ? { only } : {}),
      who: `${service} acting for any account`,
      kind: 'service',
      principalArn: service,
      context: viaService,
    });
    if (g) outside.push(g);
  }
  return { public: pub, outside };
}
