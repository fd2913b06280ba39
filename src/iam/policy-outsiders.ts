/** Reading a resource policy for the exposure analysis: whom it names, and what it could grant. */
import type { PolicyDocument, Principal } from '../model/policy.js';
import { type ActionInfo, actionsOf } from './action-catalog.js';
import { compilePolicy } from './compile-policy.js';
import { actionIds } from './intern.js';
import { accountOf } from './arn.js';

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

const candidatesByActions = new Map<string, ActionInfo[]>();

/** The service's actions that some Allow statement of the policy covers. */
export function candidateActions(doc: PolicyDocument, service: string): ActionInfo[] {
  const allowStatements = doc.statements.filter((s) => s.effect === 'Allow');
  if (allowStatements.length === 0) return [];
  // Policies of one kind (default key policies, service trusts) repeat the same action lists, and
  // the answer depends on those lists alone: filter the service's actions once per distinct set.
  const key = JSON.stringify([service, allowStatements.map((s) => [s.action ?? null, s.notAction ?? null])]);
  let found = candidatesByActions.get(key);
  if (!found) {
    const allows = compilePolicy(doc).statements.filter((s) => s.effect === 'Allow');
    found = actionsOf(service).filter((a) => {
      const id = actionIds.get(a.name);
      return allows.some((s) => s.actionTest(id) !== false);
    });
    candidatesByActions.set(key, found);
  }
  return found;
}

/**
 * Web identity providers whose tokens anyone can get (an OIDC provider such as GitHub's, Google,
 * Cognito identity pools): a trust without conditions on the token admits them all. SAML
 * providers are the customer's own identity provider and are not tried.
 */
export function openIdentityProviders(doc: PolicyDocument): string[] {
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
export function mergeGrants(found: ReadonlyArray<Grant | undefined>): Grant[] {
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
export function namedOutsiders(doc: PolicyDocument): {
  accounts: Map<string, string>;
  services: Set<string>;
} {
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
