/**
 * The who-owns-what map: catalog ⊕ inventory ⊕ check results (⊕ the user's whoowns.yaml, see
 * apply-user-config.ts). For every resource and area it says who owns it, why (the trail of
 * layers that decided), and for the customer's parts whether checks have verified them.
 */
import type { Catalog } from '../catalog/load-catalog.js';
import type { UserConfig } from '../config/schema.js';
import { describeResource } from '../engine/run-checks.js';
import type { Inventory, UnmodeledResource } from '../model/inventory.js';
import type { CheckResult, ResultResource } from '../model/result.js';
import { applyUserConfig } from './apply-user-config.js';
import { groupResults } from './group-results.js';
import { type Resolved, resolveResource } from './resolve.js';
import { awsManagedKeyRefs } from './resource-facts.js';
import { customerHasPart, evidenceOf, headlineOf, statusFor } from './status.js';
import type { AreaResponsibility, ResourceResponsibility, ResponsibilityMap } from './types.js';

export type * from './types.js';

const NO_RESULTS: readonly CheckResult[] = [];

export interface BuildOptions {
  /** The user's whoowns.yaml, already loaded and validated (expiry was decided when it was read). */
  userConfig?: UserConfig;
}

/** Built once per catalog: every provider-owned area of every resource points at the same object. */
const inheritedFromCache = new WeakMap<Catalog, NonNullable<AreaResponsibility['inheritedFrom']>>();
function inheritedFrom(catalog: Catalog): NonNullable<AreaResponsibility['inheritedFrom']> {
  let value = inheritedFromCache.get(catalog);
  if (!value) {
    value = { party: catalog.provider.name, attestations: catalog.provider.attestations.map((x) => x.id) };
    inheritedFromCache.set(catalog, value);
  }
  return value;
}

function describe(
  areaId: string,
  resolved: Resolved,
  results: readonly CheckResult[],
  catalog: Catalog,
): AreaResponsibility {
  const area = catalog.areaById.get(areaId);
  const a = resolved.assignment;
  const evidence = evidenceOf(results);
  const entry: AreaResponsibility = {
    area: areaId,
    title: area?.title ?? areaId,
    group: area?.group ?? 'organization',
    owner: a.owner,
    status: statusFor(a.owner, evidence, false),
    trail: resolved.trail,
    evidence,
  };
  if (a.owner === 'provider' || a.owner === 'shared') entry.providerPart = a.providerPart;
  if (a.owner === 'provider') entry.inheritedFrom = inheritedFrom(catalog);
  if (a.owner === 'shared' || a.owner === 'customer') {
    entry.customerPart = a.customerPart;
    entry.customerAction = a.customerAction;
    if (resolved.attestationOnly) entry.attestationOnly = true;
  }
  if (a.owner === 'shared') entry.defaultSatisfied = a.defaultSatisfied;
  if (a.owner === 'n/a') entry.reason = a.reason;
  if (resolved.note) entry.note = resolved.note;
  return entry;
}

const NOT_ASSESSED_NOTE = 'not assessed by any check';

function entryFor(
  areaId: string,
  resolved: Resolved,
  evidence: readonly CheckResult[],
  catalog: Catalog,
  assessed: boolean,
): AreaResponsibility {
  const entry = describe(areaId, resolved, evidence, catalog);
  if (!assessed && entry.customerPart) entry.note = entry.note ?? NOT_ASSESSED_NOTE;
  return entry;
}

interface BaseEntries {
  entries: readonly AreaResponsibility[];
  indexOf: ReadonlyMap<string, number>;
}

/**
 * The areas of a resource that neither evidence nor a resource-level layer touched, in catalog
 * order: built once per service, copied per resource, then patched where the resource differs.
 * Every resource of the service shares these entries (150,000 areas on a 5,000-resource template),
 * so they are frozen; consumers that change entries (applyUserConfig) copy them first.
 */
const baseEntriesCache = new WeakMap<
  ReadonlyMap<string, Resolved>,
  { assessed?: BaseEntries; unassessed?: BaseEntries }
>();

function baseEntriesFor(
  serviceAreas: ReadonlyMap<string, Resolved>,
  catalog: Catalog,
  assessed: boolean,
): BaseEntries {
  let memo = baseEntriesCache.get(serviceAreas);
  if (!memo) {
    memo = {};
    baseEntriesCache.set(serviceAreas, memo);
  }
  const key = assessed ? 'assessed' : 'unassessed';
  let base = memo[key];
  if (!base) {
    const ids = [...serviceAreas.keys()];
    base = {
      entries: ids.map((id) =>
        Object.freeze(entryFor(id, serviceAreas.get(id) as Resolved, NO_RESULTS, catalog, assessed)),
      ),
      indexOf: new Map(ids.map((id, i) => [id, i])),
    };
    memo[key] = base;
  }
  return base;
}

function describeUnmodeled(u: UnmodeledResource): ResultResource {
  return { id: u.id, type: u.type, name: u.id, source: u.source };
}

export function buildResponsibilityMap(
  inventory: Inventory,
  results: readonly CheckResult[],
  catalog: Catalog,
  options: BuildOptions = {},
): ResponsibilityMap {
  const { byResource, byAccountArea, warnings } = groupResults(inventory, results, catalog);

  const awsManaged = awsManagedKeyRefs(inventory.resources);
  const resources: ResourceResponsibility[] = [];
  const subjects = [
    ...inventory.resources.map((r) => ({ subject: r, resource: describeResource(r), assessed: true })),
    ...inventory.unmodeled.map((u) => ({ subject: u, resource: describeUnmodeled(u), assessed: false })),
  ];
  const notAssessed: Array<{ id: string; type: string }> = [];
  for (const { subject, resource, assessed } of subjects) {
    const resolved = resolveResource(subject, catalog, awsManaged);
    if (typeof resolved === 'string') {
      if (assessed) warnings.push(`${resource.id}: ${resolved}; not mapped`);
      else notAssessed.push({ id: subject.id, type: subject.type });
      continue;
    }
    for (const note of resolved.notes) warnings.push(`${resource.id}: ${note}`);
    const resultsByArea = byResource.get(resource.id);
    const base = baseEntriesFor(resolved.serviceAreas, catalog, assessed);
    const areas = base.entries.slice();
    const patch = (areaId: string, evidence: readonly CheckResult[]) => {
      const at = base.indexOf.get(areaId);
      const r = resolved.areas.get(areaId);
      if (at !== undefined && r) areas[at] = entryFor(areaId, r, evidence, catalog, assessed);
    };
    for (const areaId of resolved.edited) patch(areaId, resultsByArea?.get(areaId) ?? NO_RESULTS);
    if (resultsByArea) {
      let misplaced: Array<[number, string]> | undefined;
      for (const [areaId, evidence] of resultsByArea) {
        const owner = resolved.areas.get(areaId)?.assignment.owner;
        if (owner && !customerHasPart(owner)) {
          const checks = [...new Set(evidence.map((e) => e.checkId))].join(', ');
          (misplaced ??= []).push([
            base.indexOf.get(areaId) ?? Number.MAX_SAFE_INTEGER,
            `${resource.id}: ${checks} gave evidence for ${areaId}, which the catalog marks ${owner}`,
          ]);
        }
        patch(areaId, evidence);
      }
      // In catalog order, so warnings read the same whatever order the checks ran in.
      if (misplaced) for (const [, warning] of misplaced.sort((a, b) => a[0] - b[0])) warnings.push(warning);
    }
    resources.push({
      resource,
      service: resolved.service.id,
      serviceName: resolved.service.name,
      category: resolved.service.category,
      variants: resolved.variants,
      assessed,
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
        attestationOnly: area.attestationOnly === true || catalog.accountAttestationOnly.includes(area.id),
      };
      return [describe(area.id, resolved, byAccountArea.get(area.id) ?? [], catalog)];
    });

  const map: ResponsibilityMap = {
    resources,
    account,
    notAssessed,
    headline: headlineOf(resources, account),
    warnings,
  };
  return options.userConfig ? applyUserConfig(map, options.userConfig, catalog) : map;
}
