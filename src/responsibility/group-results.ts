/** Check results sorted by where they count: per resource and area, or pooled per account area. */
import type { Catalog } from '../catalog/load-catalog.js';
import type { Inventory } from '../model/inventory.js';
import type { CheckResult } from '../model/result.js';

export interface GroupedResults {
  byResource: Map<string, Map<string, CheckResult[]>>;
  /** Account-scoped areas pool the results of every resource. */
  byAccountArea: Map<string, CheckResult[]>;
  /** Results the catalog or the inventory cannot place, in words for whoever curates the catalog. */
  warnings: string[];
}

export function groupResults(
  inventory: Inventory,
  results: readonly CheckResult[],
  catalog: Catalog,
): GroupedResults {
  const warnings: string[] = [];
  const resourceIds = new Set(inventory.resources.map((r) => r.id));
  const byResource = new Map<string, Map<string, CheckResult[]>>();
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
    let map = byAccountArea;
    if (area.scope !== 'account') {
      let own = byResource.get(result.resource.id);
      if (!own) {
        own = new Map<string, CheckResult[]>();
        byResource.set(result.resource.id, own);
      }
      map = own;
    }
    const list = map.get(area.id);
    if (list) list.push(result);
    else map.set(area.id, [result]);
  }
  return { byResource, byAccountArea, warnings };
}
