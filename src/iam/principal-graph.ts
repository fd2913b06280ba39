/**
 * "Can become" edges between the principals of an inventory: P can assume role R when P's own
 * policies allow sts:AssumeRole on R and R's trust policy lets P in. who-can follows them, so a
 * user who can assume an allowed role is listed too.
 */
import type { Inventory } from '../model/inventory.js';
import { evaluateFor } from './analysis.js';
import type { Decision } from './evaluate.js';
import { type AnalyzedPrincipal, principalIndex } from './principals.js';

export interface AssumeEdge {
  from: AnalyzedPrincipal;
  to: AnalyzedPrincipal;
  decision: Extract<Decision, 'Allowed' | 'Unknown'>;
}

const edges = new WeakMap<Inventory, Map<string, AssumeEdge[]>>();

/** Principals of the inventory that can assume `role` (directly). */
export function assumersOf(inventory: Inventory, role: AnalyzedPrincipal): AssumeEdge[] {
  let byRole = edges.get(inventory);
  if (!byRole) {
    byRole = new Map();
    edges.set(inventory, byRole);
  }
  const cached = byRole.get(role.arn);
  if (cached) return cached;
  const out: AssumeEdge[] = [];
  const trust = role.resource.type === 'AWS::IAM::Role' ? role.resource.assumeRolePolicy : undefined;
  if (trust?.known) {
    for (const p of principalIndex(inventory).principals) {
      if (p === role) continue;
      const r = evaluateFor(inventory, p, {
        action: 'sts:AssumeRole',
        resource: role.arn,
        resourcePolicy: { name: `trust policy of ${role.resource.name}`, document: trust.value },
        resourcePolicyRequired: true,
        resourceAccount: role.account,
        explain: false,
      });
      if (r.decision === 'Allowed' || r.decision === 'Unknown')
        out.push({ from: p, to: role, decision: r.decision });
    }
  }
  byRole.set(role.arn, out);
  return out;
}

/** Everyone who can reach `role` through one or more assume-role hops, with the path taken. */
export function reachersOf(
  inventory: Inventory,
  role: AnalyzedPrincipal,
  maxHops = 3,
): Array<{ who: AnalyzedPrincipal; path: AnalyzedPrincipal[]; certain: boolean }> {
  const out: Array<{ who: AnalyzedPrincipal; path: AnalyzedPrincipal[]; certain: boolean }> = [];
  const seen = new Set<AnalyzedPrincipal>([role]);
  let frontier: Array<{ at: AnalyzedPrincipal; path: AnalyzedPrincipal[]; certain: boolean }> = [
    { at: role, path: [role], certain: true },
  ];
  for (let hop = 0; hop < maxHops && frontier.length; hop++) {
    const next: typeof frontier = [];
    for (const f of frontier) {
      for (const e of assumersOf(inventory, f.at)) {
        if (seen.has(e.from)) continue;
        seen.add(e.from);
        const item = {
          who: e.from,
          path: [e.from, ...f.path],
          certain: f.certain && e.decision === 'Allowed',
        };
        out.push(item);
        next.push({ at: e.from, path: item.path, certain: item.certain });
      }
    }
    frontier = next;
  }
  return out;
}
