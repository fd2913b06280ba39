/**
 * Resources of one kind often carry the same policy: every default key policy, every role trusting
 * lambda.amazonaws.com. When no statement names a resource, what such a policy lets in does not
 * depend on the resource it sits on, so a policy found to let nobody in is remembered per
 * inventory and the next identical one is settled without evaluation. Grants are not shared:
 * their wording names the resource.
 */
import type { Inventory } from '../model/inventory.js';
import type { PolicyDocument } from '../model/policy.js';
import type { ResourcePolicyInfo } from './resource-policies.js';

const closedPolicies = new WeakMap<Inventory, Set<string>>();

/** What the analysis of `doc` depends on besides the resource, or undefined when it names one. */
function keyOf(info: ResourcePolicyInfo, doc: PolicyDocument): string | undefined {
  for (const s of doc.statements) {
    if (s.notResource || s.resource?.some((pattern) => pattern !== '*')) return undefined;
  }
  return JSON.stringify([info.service, info.account, info.required, info.facts, doc.statements]);
}

export function isKnownClosed(inventory: Inventory, info: ResourcePolicyInfo, doc: PolicyDocument): boolean {
  const key = keyOf(info, doc);
  return key !== undefined && closedPolicies.get(inventory)?.has(key) === true;
}

export function rememberClosed(inventory: Inventory, info: ResourcePolicyInfo, doc: PolicyDocument): void {
  const key = keyOf(info, doc);
  if (key === undefined) return;
  let known = closedPolicies.get(inventory);
  if (!known) {
    known = new Set();
    closedPolicies.set(inventory, known);
  }
  known.add(key);
}
