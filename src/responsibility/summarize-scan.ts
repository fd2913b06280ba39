/**
 * The scan report's who-owns-what summary, straight from the catalog's resolution and the check
 * results, without building the full map: the same answer as
 * `summarizeOwnership(inventories.map(buildResponsibilityMap))` when no whoowns.yaml applies
 * (summarize-scan.test.ts holds them equal on every corpus template), without the thirty area
 * entries per resource that only `whoowns responsibilities` shows.
 */
import type { Catalog } from '../catalog/load-catalog.js';
import type { Owner } from '../catalog/schema.js';
import { describeResource } from '../engine/run-checks.js';
import type { Inventory } from '../model/inventory.js';
import type { CheckResult } from '../model/result.js';
import { groupResults } from './group-results.js';
import { type Resolved, resolveResource } from './resolve.js';
import { awsManagedKeyRefs } from './resource-facts.js';
import { customerStatus, evidenceOf } from './status.js';
import {
  assembleSummary,
  type CustomerArea,
  type OwnershipSummary,
  ownershipOf,
  type ResourceOwnership,
} from './summarize.js';

type CustomerOwner = CustomerArea['owner'];

function isCustomerOwner(owner: Owner): owner is CustomerOwner {
  return owner === 'customer' || owner === 'shared';
}

function customerArea(area: string, owner: CustomerOwner, evidence: readonly CheckResult[]): CustomerArea {
  // No whoowns.yaml here, so nothing is attested.
  const found = evidenceOf(evidence);
  return { area, owner, status: customerStatus(found, false), checks: found.checkIds };
}

/** A service's areas before any resource-level layer or evidence, in catalog order. */
interface ServiceBase {
  provider: string[];
  customer: readonly CustomerArea[];
  /** Position in `customer` of each customer area. */
  customerIndex: ReadonlyMap<string, number>;
}

const bases = new WeakMap<ReadonlyMap<string, Resolved>, ServiceBase>();

function serviceBase(serviceAreas: ReadonlyMap<string, Resolved>): ServiceBase {
  let base = bases.get(serviceAreas);
  if (!base) {
    const provider: string[] = [];
    const customer: CustomerArea[] = [];
    const customerIndex = new Map<string, number>();
    for (const [id, r] of serviceAreas) {
      const owner = r.assignment.owner;
      if (owner === 'provider') provider.push(id);
      else if (isCustomerOwner(owner)) {
        customerIndex.set(id, customer.length);
        customer.push(Object.freeze(customerArea(id, owner, [])));
      }
    }
    // The provider list is shared by every resource of the service (frozen); the customer list is
    // copied per resource and patched (not frozen: copying a frozen array is V8's slow path).
    base = { provider: Object.freeze(provider) as string[], customer, customerIndex };
    bases.set(serviceAreas, base);
  }
  return base;
}

/** Lists a resource's areas from scratch: for the resources a variant or fact changed. */
function listAreas(
  areas: ReadonlyMap<string, Resolved>,
  results: ReadonlyMap<string, CheckResult[]> | undefined,
): { provider: string[]; customer: CustomerArea[] } {
  const provider: string[] = [];
  const customer: CustomerArea[] = [];
  for (const [id, r] of areas) {
    const owner = r.assignment.owner;
    if (owner === 'provider') provider.push(id);
    else if (isCustomerOwner(owner)) customer.push(customerArea(id, owner, results?.get(id) ?? []));
  }
  return { provider, customer };
}

function summarizeResources(inventory: Inventory, results: readonly CheckResult[], catalog: Catalog) {
  const { byResource, byAccountArea } = groupResults(inventory, results, catalog);
  const awsManaged = awsManagedKeyRefs(inventory.resources);
  const resources: ResourceOwnership[] = [];
  for (const resource of inventory.resources) {
    const resolved = resolveResource(resource, catalog, awsManaged);
    if (typeof resolved === 'string') continue;
    const found = byResource.get(resource.id);
    const { id: service, category } = resolved.service;
    if (resolved.edited.size > 0) {
      const { provider, customer } = listAreas(resolved.areas, found);
      resources.push(ownershipOf(describeResource(resource), service, category, provider, customer));
      continue;
    }
    const base = serviceBase(resolved.serviceAreas);
    const customer = base.customer.slice();
    found?.forEach((evidence, areaId) => {
      const at = base.customerIndex.get(areaId);
      const entry = at === undefined ? undefined : customer[at];
      if (at !== undefined && entry) customer[at] = customerArea(areaId, entry.owner, evidence);
    });
    resources.push(ownershipOf(describeResource(resource), service, category, base.provider, customer));
  }
  const account: CustomerArea[] = [];
  for (const area of catalog.areas) {
    if (area.scope !== 'account') continue;
    const owner = catalog.accountAreas[area.id]?.owner;
    if (owner && isCustomerOwner(owner))
      account.push(customerArea(area.id, owner, byAccountArea.get(area.id) ?? []));
  }
  return { resources, account };
}

export function summarizeScan(
  sources: ReadonlyArray<{ inventory: Inventory; results: readonly CheckResult[] }>,
  catalog: Catalog,
): OwnershipSummary {
  const parts = sources.map(({ inventory, results }) => summarizeResources(inventory, results, catalog));
  return assembleSummary(
    parts.flatMap((p) => p.resources),
    parts.map((p) => p.account),
  );
}
