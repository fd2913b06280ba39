import type { Inventory } from '../model/inventory.js';
import type { Resource, ResourceOfType, ResourceType } from '../model/resources/index.js';
import { type Check, createCheckContext, type Verdict } from './check.js';

/** A template-like inventory holding exactly these resources, for hand-built check tests. */
export function inventoryOf(resources: readonly Resource[]): Inventory {
  return {
    source: { kind: 'cloudformation', location: 't.yaml' },
    resources: [...resources],
    unmodeled: [],
    notCreated: [],
    problems: [],
  };
}

/** Evaluates one check on one resource (others join the inventory for cross-resource checks). */
export function runCheck<T extends ResourceType>(
  check: Check<T>,
  resource: ResourceOfType<T>,
  others: readonly Resource[] = [],
  now?: Date,
): Verdict[] {
  const inventory = inventoryOf([resource, ...others]);
  const out = check.evaluate(resource, createCheckContext(inventory, undefined, now));
  return Array.isArray(out) ? out : [out];
}
