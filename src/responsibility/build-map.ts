/**
 * The who-owns-what map: catalog ⊕ inventory ⊕ check results. For every resource and area it
 * says who owns it, why (the trail of layers that decided), and for the customer's parts whether
 * checks have verified them.
 */
import type { Catalog } from '../catalog/load-catalog.js';
import type { Assignment, Owner } from '../catalog/schema.js';
import { describeResource } from '../engine/run-checks.js';
import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resources/index.js';
import type { CheckResult, Status } from '../model/result.js';
import { awsManagedKeyRefs, evaluateFact } from './resource-facts.js';
import type {
  AreaEvidence,
  AreaResponsibility,
  AreaStatus,
  Headline,
  ResourceResponsibility,
  ResponsibilityMap,
  TrailStep,
} from './types.js';

export type * from './types.js';

interface Resolved {
  assignment: Assignment;
  trail: TrailStep[];
  note?: string;
}

function customerHasPart(owner: Owner): boolean {
  return owner === 'customer' || owner === 'shared';
}

function statusOf(statuses: readonly Status[]): AreaStatus {
  if (statuses.includes('FAIL')) return 'failing';
  if (statuses.length > 0 && statuses.every((s) => s === 'PASS')) return 'verified';
  // No result, only UNKNOWN/ERROR, or PASS mixed with UNKNOWN: nothing proves the part is done.
  return 'unverified';
}

function evidenceOf(results: readonly CheckResult[]): AreaEvidence {
  const count = (s: Status) => results.filter((r) => r.status === s).length;
  return {
    checkIds: [...new Set(results.map((r) => r.checkId))].sort(),
    pass: count('PASS'),
    fail: count('FAIL'),
    unknown: count('UNKNOWN'),
    error: count('ERROR'),
  };
}

function describe(
  areaId: string,
  resolved: Resolved,
  results: readonly CheckResult[],
  catalog: Catalog,
): AreaResponsibility {
  const area = catalog.areaById.get(areaId);
  const a = resolved.assignment;
  const entry: AreaResponsibility = {
    area: areaId,
    title: area?.title ?? areaId,
    group: area?.group ?? 'organization',
    owner: a.owner,
    trail: resolved.trail,
    evidence: evidenceOf(results),
  };
  if (a.owner === 'provider' || a.owner === 'shared') entry.providerPart = a.providerPart;
  if (a.owner === 'shared' || a.owner === 'customer') {
    entry.customerPart = a.customerPart;
    entry.customerAction = a.customerAction;
    entry.status = statusOf(results.map((r) => r.status));
  }
  if (a.owner === 'shared') entry.defaultSatisfied = a.defaultSatisfied;
  if (a.owner === 'n/a') entry.reason = a.reason;
  if (resolved.note) entry.note = resolved.note;
  return entry;
}

function resolveResource(
  resource: Resource,
  catalog: Catalog,
  awsManaged: ReadonlySet<string>,
): Map<string, Resolved> | string {
  const service = catalog.serviceByResourceType.get(resource.type);
  if (!service) return `no catalog service covers ${resource.type}`;
  const category = catalog.categoryById.get(service.category);
  if (!category) return `service ${service.id} has unknown category ${service.category}`;
  const out = new Map<string, Resolved>();
  for (const area of catalog.areas) {
    if (area.scope !== 'resource') continue;
    const base = category.defaults[area.id];
    if (!base) return `category ${category.id} has no default for ${area.id}`;
    const resolved: Resolved = {
      assignment: base,
      trail: [{ layer: 'category', id: category.id, owner: base.owner }],
    };
    const override = service.overrides[area.id];
    if (override) {
      resolved.assignment = override;
      resolved.trail.push({ layer: 'service', id: service.id, owner: override.owner });
    }
    out.set(area.id, resolved);
  }
  for (const fact of catalog.resourceFacts) {
    if (fact.appliesTo && !fact.appliesTo.includes(resource.type)) continue;
    const outcome = evaluateFact(fact.when, resource, awsManaged);
    for (const [areaId, assignment] of Object.entries(fact.assignments)) {
      const resolved = out.get(areaId);
      if (!resolved) continue;
      if (outcome.kind === 'match') {
        resolved.assignment = assignment;
        resolved.trail.push({ layer: 'resource-fact', id: fact.id, owner: assignment.owner });
      } else if (outcome.kind === 'unknown') {
        resolved.note = `could not tell whether "${fact.id}" applies (${outcome.reason})`;
      }
    }
  }
  return out;
}

export function buildResponsibilityMap(
  inventory: Inventory,
  results: readonly CheckResult[],
  catalog: Catalog,
): ResponsibilityMap {
  const warnings: string[] = [];
  const resourceIds = new Set(inventory.resources.map((r) => r.id));
  // Results grouped by resource and area; account-scoped areas pool results from every resource.
  const byResourceArea = new Map<string, CheckResult[]>();
  const byAccountArea = new Map<string, CheckResult[]>();
  for (const result of results) {
    const area = catalog.areaById.get(result.area);
    if (!area) {
      warnings.push(
        `check ${result.checkId} reports area "${result.area}", which the catalog does not define`,
      );
      continue;
    }
    if (!resourceIds.has(result.resource.id)) {
      warnings.push(
        `check ${result.checkId} reports on ${result.resource.id}, which is not in the inventory`,
      );
      continue;
    }
    const [map, key] =
      area.scope === 'account'
        ? [byAccountArea, area.id]
        : [byResourceArea, `${result.resource.id}\u0000${area.id}`];
    map.set(key, [...(map.get(key) ?? []), result]);
  }

  const awsManaged = awsManagedKeyRefs(inventory.resources);
  const resources: ResourceResponsibility[] = [];
  for (const resource of inventory.resources) {
    const resolved = resolveResource(resource, catalog, awsManaged);
    if (typeof resolved === 'string') {
      warnings.push(`${resource.id}: ${resolved}; not mapped`);
      continue;
    }
    const service = catalog.serviceByResourceType.get(resource.type);
    if (!service) continue;
    const areas = [...resolved].map(([areaId, r]) => {
      const evidence = byResourceArea.get(`${resource.id}\u0000${areaId}`) ?? [];
      if (evidence.length > 0 && !customerHasPart(r.assignment.owner)) {
        const checks = [...new Set(evidence.map((e) => e.checkId))].join(', ');
        warnings.push(
          `${resource.id}: ${checks} gave evidence for ${areaId}, which the catalog marks ${r.assignment.owner}`,
        );
      }
      return describe(areaId, r, evidence, catalog);
    });
    resources.push({
      resource: describeResource(resource),
      service: service.id,
      category: service.category,
      areas,
    });
  }

  const account = catalog.areas
    .filter((a) => a.scope === 'account')
    .flatMap((area) => {
      const assignment = catalog.accountAreas[area.id];
      if (!assignment) return [];
      const resolved: Resolved = {
        assignment,
        trail: [{ layer: 'account', id: 'account', owner: assignment.owner }],
      };
      return [describe(area.id, resolved, byAccountArea.get(area.id) ?? [], catalog)];
    });

  const notAssessed = inventory.unmodeled.map((u) => ({ id: u.id, type: u.type }));
  return { resources, account, notAssessed, headline: headlineOf(resources, account), warnings };
}

function headlineOf(
  resources: readonly ResourceResponsibility[],
  account: readonly AreaResponsibility[],
): Headline {
  const owned = [...resources.flatMap((r) => r.areas), ...account].filter((a) => a.status !== undefined);
  const count = (s: AreaStatus) => owned.filter((a) => a.status === s).length;
  const withParts = resources.filter((r) => r.areas.some((a) => a.status !== undefined)).length;
  const [verified, failing, unverified] = [count('verified'), count('failing'), count('unverified')];
  const accountOwned = account.some((a) => a.status !== undefined);
  const where = `${withParts} resource${withParts === 1 ? '' : 's'}${accountOwned ? ' and the account' : ''}`;
  const text = `you own ${owned.length} responsibilities across ${where}: ${verified} verified, ${failing} failing, ${unverified} unverified`;
  return { owned: owned.length, resources: withParts, verified, failing, unverified, text };
}
