/**
 * Which customer parts of the catalog a check can verify, and which are left to attestation.
 * Every customer-owned area of every modeled service must have a check or be marked
 * "attestation only" in the catalog; a test enforces it and `whoowns catalog coverage` shows it.
 */

import { conditionTypes } from './integrity.js';
import type { Catalog } from './load-catalog.js';
import type { Owner } from './schema.js';
import type { Service, Variant } from './service-schema.js';

/** What coverage needs to know of a check: the area it proves and the types it reads. */
export interface CoverageCheck {
  id: string;
  area: string;
  resourceTypes: readonly string[];
}

export interface CoverageCell {
  area: string;
  owner: Owner;
  /** Checks that verify this area on the row's resource types. */
  checks: string[];
  attestationOnly: boolean;
  /** A customer part of a modeled service with neither a check nor an attestation-only mark. */
  gap: boolean;
  /** Marked attestation-only although a check now exists: the mark should go. */
  stale: boolean;
}

export interface CoverageRow {
  service: string;
  serviceName: string;
  /** Set for the rows of deployment variants. */
  variant?: string;
  /** At least one of the row's resource types is in whoowns' inventory model, so checks can run. */
  modeled: boolean;
  resourceTypes: string[];
  /** Areas where the customer has a part (owner customer or shared). */
  cells: CoverageCell[];
}

export interface Coverage {
  rows: CoverageRow[];
  account: CoverageCell[];
  gaps: Array<{ service: string; variant?: string; area: string }>;
  stale: Array<{ service: string; variant?: string; area: string }>;
}

function ownersFor(catalog: Catalog, service: Service, variant?: Variant): Map<string, Owner> {
  const owners = new Map<string, Owner>();
  const category = catalog.categoryById.get(service.category);
  for (const area of catalog.areas) {
    if (area.scope !== 'resource') continue;
    let owner = category?.defaults[area.id]?.owner ?? 'n/a';
    for (const t of service.traits) owner = catalog.traits.get(t)?.assignments[area.id]?.owner ?? owner;
    owner = service.overrides[area.id]?.owner ?? owner;
    if (variant) owner = variant.overrides[area.id]?.owner ?? owner;
    owners.set(area.id, owner);
  }
  return owners;
}

/**
 * `listed` is an explicit mark on the service, variant or account block; `inherent` is the area's
 * own mark (no machine can tell, e.g. training). Only an explicit mark can go stale: a check on an
 * inherently human area adds evidence without making the attestation pointless.
 */
function cell(
  area: string,
  owner: Owner,
  checks: string[],
  marks: { listed: boolean; inherent: boolean },
  modeled: boolean,
): CoverageCell {
  const attestationOnly = marks.listed || marks.inherent;
  return {
    area,
    owner,
    checks,
    attestationOnly,
    gap: modeled && checks.length === 0 && !attestationOnly,
    stale: marks.listed && checks.length > 0,
  };
}

export function computeCoverage(
  catalog: Catalog,
  checks: readonly CoverageCheck[],
  modeledTypes: readonly string[],
): Coverage {
  const rows: CoverageRow[] = [];
  const areaMarked = (id: string) => catalog.areaById.get(id)?.attestationOnly === true;
  for (const service of catalog.services) {
    const targets: Array<Variant | undefined> = [undefined, ...service.variants];
    for (const variant of targets) {
      const narrowed = variant ? conditionTypes(variant.when) : [];
      const types = narrowed.length > 0 ? narrowed : service.resourceTypes;
      const modeled = types.some((t) => modeledTypes.includes(t));
      const owners = ownersFor(catalog, service, variant);
      const cells: CoverageCell[] = [];
      for (const [area, owner] of owners) {
        if (owner !== 'customer' && owner !== 'shared') continue;
        const ids = checks
          .filter((c) => c.area === area && c.resourceTypes.some((t) => types.includes(t)))
          .map((c) => c.id)
          .sort();
        const listed =
          service.attestationOnly.includes(area) || (variant?.attestationOnly.includes(area) ?? false);
        cells.push(cell(area, owner, ids, { listed, inherent: areaMarked(area) }, modeled));
      }
      rows.push({
        service: service.id,
        serviceName: service.name,
        ...(variant ? { variant: variant.id } : {}),
        modeled,
        resourceTypes: [...types],
        cells,
      });
    }
  }
  const account = catalog.areas
    .filter((a) => a.scope === 'account')
    .flatMap((a) => {
      const owner = catalog.accountAreas[a.id]?.owner ?? 'n/a';
      if (owner !== 'customer' && owner !== 'shared') return [];
      const ids = checks
        .filter((c) => c.area === a.id)
        .map((c) => c.id)
        .sort();
      const listed = catalog.accountAttestationOnly.includes(a.id);
      return [cell(a.id, owner, ids, { listed, inherent: areaMarked(a.id) }, true)];
    });
  const where = (row: CoverageRow, area: string) => ({
    service: row.service,
    ...(row.variant ? { variant: row.variant } : {}),
    area,
  });
  const gaps = [
    ...rows.flatMap((r) => r.cells.filter((c) => c.gap).map((c) => where(r, c.area))),
    ...account.filter((c) => c.gap).map((c) => ({ service: '(account)', area: c.area })),
  ];
  const stale = [
    ...rows.flatMap((r) => r.cells.filter((c) => c.stale).map((c) => where(r, c.area))),
    ...account.filter((c) => c.stale).map((c) => ({ service: '(account)', area: c.area })),
  ];
  return { rows, account, gaps, stale };
}
