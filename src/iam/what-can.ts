/**
 * `whoowns iam what-can <principal> [--service s3]`: the actions a principal may take and on which
 * resources, with the statements behind each. Resources are the patterns its own Allow statements
 * name (a grant on `arn:aws:s3:::data/*` is reported on that pattern; a narrower Deny inside it is
 * shown only when it covers the pattern) plus resources of the inventory whose policies name it.
 */
import type { Inventory } from '../model/inventory.js';
import type { PolicyStatement } from '../model/policy.js';
import { type ActionInfo, actionsOf, expandAction, serviceKeys } from './action-catalog.js';
import { evaluateFor } from './analysis.js';
import { EVERY_RESOURCE } from './compile-policy.js';
import type { Decision, MatchedStatement } from './evaluate.js';
import { globMatch } from './glob.js';
import { type AnalyzedPrincipal, principalIndex } from './principals.js';
import { requestResource, resourcePolicyOf } from './resource-policies.js';
import { logicalIdOf } from './tokens.js';

export interface WhatCanGrant {
  action: string;
  accessLevel: string;
  resource: string;
  decision: Extract<Decision, 'Allowed' | 'Unknown'>;
  matched: readonly MatchedStatement[];
  dependsOn: readonly string[];
  /** Set when a resource policy, not the principal's own policies, grants it. */
  via?: string;
}

export interface WhatCanAnswer {
  principal: { id: string; kind: string; name: string; arn: string };
  location: string;
  services: string[];
  grants: WhatCanGrant[];
  unknownPolicies: string[];
}

export function findPrincipal(inventory: Inventory, arg: string): AnalyzedPrincipal | undefined {
  const id = logicalIdOf(arg) ?? arg;
  return principalIndex(inventory).principals.find(
    (p) => p.arn === arg || p.resource.id === id || p.resource.name === arg,
  );
}

const covers = (patterns: readonly string[], name: string) =>
  patterns.some((p) => globMatch(p, name, { ignoreCase: true, wildcards: true, variables: false }) !== false);

function statementCovers(s: PolicyStatement, a: ActionInfo): boolean {
  return s.action ? covers(s.action, a.name) : s.notAction ? !covers(s.notAction, a.name) : false;
}

function allows(p: AnalyzedPrincipal): PolicyStatement[] {
  return p.identityPolicies.flatMap(
    (policy) => policy.document?.statements.filter((s) => s.effect === 'Allow') ?? [],
  );
}

/** Services the principal's Allow statements reach; all of them for `*` or NotAction. */
function servicesOf(p: AnalyzedPrincipal): string[] {
  const out = new Set<string>();
  for (const s of allows(p)) {
    if (!s.action) return [...serviceKeys()];
    for (const pattern of s.action) for (const a of expandAction(pattern).actions) out.add(a.service);
  }
  return [...out].sort();
}

export function whatCan(
  inventory: Inventory,
  p: AnalyzedPrincipal,
  services?: readonly string[],
): WhatCanAnswer {
  const chosen = services?.length ? [...services] : servicesOf(p);
  const grants: WhatCanGrant[] = [];
  const statements = allows(p);
  const record = (
    a: ActionInfo,
    resource: string,
    extra: Parameters<typeof evaluateFor>[2] = { action: '', resource: '' },
    via?: string,
  ) => {
    const quick = evaluateFor(inventory, p, { ...extra, action: a.name, resource, explain: false });
    if (quick.decision !== 'Allowed' && quick.decision !== 'Unknown') return;
    const r = evaluateFor(inventory, p, { ...extra, action: a.name, resource });
    grants.push({
      action: a.name,
      accessLevel: a.accessLevel,
      resource,
      decision: quick.decision,
      matched: r.matched,
      dependsOn: r.dependsOn,
      ...(via ? { via } : {}),
    });
  };
  for (const service of chosen) {
    for (const a of actionsOf(service)) {
      const resources = new Set<string>();
      for (const s of statements) {
        if (!statementCovers(s, a)) continue;
        for (const r of s.resource ?? [EVERY_RESOURCE]) resources.add(r);
      }
      for (const r of resources) record(a, r);
    }
  }
  // Resource policies in the inventory that name the principal grant on their own.
  for (const resource of inventory.resources) {
    const info = resourcePolicyOf(inventory, resource);
    if (
      !info?.policy.known ||
      !info.policy.value ||
      !chosen.includes(info.service) ||
      resource === p.resource
    )
      continue;
    const doc = info.policy.value;
    const named = doc.statements.filter((s) => s.effect === 'Allow' && s.principal !== undefined);
    for (const a of actionsOf(info.service)) {
      if (!named.some((s) => statementCovers(s, a))) continue;
      const already = grants.some((g) => g.action === a.name && g.resource === EVERY_RESOURCE);
      if (already) continue;
      record(
        a,
        requestResource(info, a.resourceTypes),
        {
          action: '',
          resource: '',
          resourcePolicy: { name: `${info.label} of ${resource.name}`, document: doc },
          resourcePolicyRequired: info.required,
          resourceAccount: info.account,
        },
        `${info.label} of ${resource.name}`,
      );
    }
  }
  return {
    principal: { id: p.resource.id, kind: p.kind, name: p.resource.name, arn: p.arn },
    location: inventory.source.location,
    services: chosen,
    grants,
    unknownPolicies: p.identityPolicies
      .filter((x) => !x.document)
      .map((x) => `${x.name} (${x.unknownReason ?? 'unknown'})`),
  };
}
