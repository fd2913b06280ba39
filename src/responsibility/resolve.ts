/**
 * Resolves who owns each resource-scoped area of one resource, most general layer first:
 * category default → service traits → service overrides → deployment variants → resource facts.
 * Every layer that decides is kept in the trail, so `--explain` can show why.
 */
import type { Catalog } from '../catalog/load-catalog.js';
import type { Assignment } from '../catalog/schema.js';
import type { Service } from '../catalog/service-schema.js';
import { type ConditionSubject, evaluateCondition } from './resource-facts.js';
import type { TrailStep } from './types.js';

export interface Resolved {
  assignment: Assignment;
  trail: TrailStep[];
  /** No check can verify this area for the resource (service or variant says "attestation only"). */
  attestationOnly: boolean;
  note?: string;
}

export interface ResolvedResource {
  service: Service;
  variants: string[];
  areas: ReadonlyMap<string, Resolved>;
  /** The service-level map that `areas` started from (shared by every resource of the service). */
  serviceAreas: ReadonlyMap<string, Resolved>;
  /** Areas a variant or fact changed for this resource: the only ones that differ from `serviceAreas`. */
  edited: ReadonlySet<string>;
  /** Conditions the resource's data could not decide. */
  notes: string[];
}

function apply(resolved: Resolved, assignment: Assignment, step: TrailStep): void {
  resolved.assignment = assignment;
  resolved.trail.push(step);
}

/**
 * The service-level resolution (category, traits, overrides) is the same for every resource of a
 * service, so it is computed once per catalog and service and shared; variants and facts then
 * copy only the entries they change.
 */
const serviceLevelCache = new WeakMap<Catalog, Map<string, ReadonlyMap<string, Resolved> | string>>();

function resolveServiceLevel(service: Service, catalog: Catalog): ReadonlyMap<string, Resolved> | string {
  let perCatalog = serviceLevelCache.get(catalog);
  if (!perCatalog) {
    perCatalog = new Map();
    serviceLevelCache.set(catalog, perCatalog);
  }
  const cached = perCatalog.get(service.id);
  if (cached) return cached;
  const category = catalog.categoryById.get(service.category);
  if (!category) return `service ${service.id} has unknown category ${service.category}`;
  const areas = new Map<string, Resolved>();
  for (const area of catalog.areas) {
    if (area.scope !== 'resource') continue;
    const base = category.defaults[area.id];
    if (!base) return `category ${category.id} has no default for ${area.id}`;
    const resolved: Resolved = {
      assignment: base,
      trail: [{ layer: 'category', id: category.id, owner: base.owner }],
      attestationOnly: area.attestationOnly === true || service.attestationOnly.includes(area.id),
    };
    for (const traitId of service.traits) {
      const trait = catalog.traits.get(traitId)?.assignments[area.id];
      if (trait) apply(resolved, trait, { layer: 'trait', id: traitId, owner: trait.owner });
    }
    const override = service.overrides[area.id];
    if (override) apply(resolved, override, { layer: 'service', id: service.id, owner: override.owner });
    areas.set(area.id, resolved);
  }
  perCatalog.set(service.id, areas);
  return areas;
}

const NO_EDITS: ReadonlySet<string> = new Set();

/** Returns a string when the catalog cannot resolve the resource (a catalog gap, reported as a warning). */
export function resolveResource(
  subject: ConditionSubject,
  catalog: Catalog,
  awsManaged: ReadonlySet<string>,
): ResolvedResource | string {
  const service = catalog.serviceByResourceType.get(subject.type);
  if (!service) return `no catalog service covers ${subject.type}`;
  const shared = resolveServiceLevel(service, catalog);
  if (typeof shared === 'string') return shared;
  // Copy-on-write, twice: the map is copied on the first edit, and each entry when it is edited,
  // so most resources (no variant, no fact) share the service's map outright.
  let areas: ReadonlyMap<string, Resolved> = shared;
  let own: Set<string> | undefined;
  const edit = (areaId: string): Resolved | undefined => {
    const r = areas.get(areaId);
    if (!r || own?.has(areaId)) return r;
    if (areas === shared) areas = new Map(shared);
    own ??= new Set();
    const copy: Resolved = { ...r, trail: [...r.trail] };
    (areas as Map<string, Resolved>).set(areaId, copy);
    own.add(areaId);
    return copy;
  };

  const notes: string[] = [];
  const variants: string[] = [];
  for (const variant of service.variants) {
    const outcome = evaluateCondition(variant.when, subject, awsManaged);
    if (outcome.kind === 'unknown') {
      notes.push(`could not tell whether variant "${variant.id}" applies (${outcome.reason})`);
      for (const areaId of Object.keys(variant.overrides)) {
        const r = edit(areaId);
        if (r) r.note = `depends on variant "${variant.id}", which could not be decided`;
      }
      continue;
    }
    if (outcome.kind !== 'match') continue;
    variants.push(variant.id);
    for (const [areaId, assignment] of Object.entries(variant.overrides)) {
      const r = edit(areaId);
      if (r) apply(r, assignment, { layer: 'variant', id: variant.id, owner: assignment.owner });
    }
    for (const areaId of variant.attestationOnly) {
      const r = edit(areaId);
      if (r) r.attestationOnly = true;
    }
  }

  for (const fact of catalog.resourceFacts) {
    if (fact.appliesTo && !fact.appliesTo.includes(subject.type)) continue;
    const outcome = evaluateCondition(fact.when, subject, awsManaged);
    if (outcome.kind === 'no-match') continue;
    for (const [areaId, assignment] of Object.entries(fact.assignments)) {
      if (!areas.has(areaId)) continue;
      const r = edit(areaId);
      if (!r) continue;
      if (outcome.kind === 'match')
        apply(r, assignment, { layer: 'resource-fact', id: fact.id, owner: assignment.owner });
      else if (outcome.kind === 'unknown')
        r.note = `could not tell whether "${fact.id}" applies (${outcome.reason})`;
    }
  }
  return { service, variants, areas, serviceAreas: shared, edited: own ?? NO_EDITS, notes };
}
