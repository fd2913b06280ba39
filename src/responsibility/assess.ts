/**
 * The whole responsibility pipeline for one or more inventories: run the checks, build a map per
 * inventory, merge them, then apply the user's whoowns.yaml once (so an entry that matches in
 * any inventory counts as matched).
 */
import type { Catalog } from '../catalog/load-catalog.js';
import type { Check } from '../checks/check.js';
import type { UserConfig } from '../config/schema.js';
import { runChecks } from '../engine/run-checks.js';
import type { Inventory } from '../model/inventory.js';
import type { CheckResult } from '../model/result.js';
import { applyUserConfig } from './apply-user-config.js';
import { buildResponsibilityMap } from './build-map.js';
import { mergeMaps } from './merge.js';
import type { ResponsibilityMap } from './types.js';

export interface Assessment {
  map: ResponsibilityMap;
  results: CheckResult[];
}

export function assessResponsibilities(
  inventories: readonly Inventory[],
  checks: readonly Check[],
  catalog: Catalog,
  userConfig?: UserConfig,
): Assessment {
  const results: CheckResult[] = [];
  const maps: ResponsibilityMap[] = [];
  for (const inventory of inventories) {
    const found = runChecks(inventory, checks);
    results.push(...found);
    maps.push(buildResponsibilityMap(inventory, found, catalog));
  }
  const merged = mergeMaps(maps);
  return { map: userConfig ? applyUserConfig(merged, userConfig, catalog) : merged, results };
}
