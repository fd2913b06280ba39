/**
 * Keeps checks honest against the catalog: every area a check claims must exist, and every
 * framework id it cites must be one the catalog knows (and therefore one that exists).
 */
import type { CheckMetadata, FrameworkRefs } from '../checks/check.js';
import type { Catalog } from './load-catalog.js';
import type { FrameworkKey } from './schema.js';

export interface CheckRefProblem {
  checkId: string;
  message: string;
}

export function findCheckRefProblems(checks: readonly CheckMetadata[], catalog: Catalog): CheckRefProblem[] {
  const problems: CheckRefProblem[] = [];
  for (const check of checks) {
    if (!catalog.areaById.has(check.area)) {
      problems.push({ checkId: check.id, message: `unknown area "${check.area}"` });
    }
    for (const [key, ids] of Object.entries(check.frameworks) as Array<
      [keyof FrameworkRefs, string[] | undefined]
    >) {
      const known = catalog.requirementIds.get(key as FrameworkKey);
      if (!known) {
        problems.push({ checkId: check.id, message: `unknown framework "${key}"` });
        continue;
      }
      for (const id of ids ?? []) {
        if (!known.has(id))
          problems.push({ checkId: check.id, message: `${key} id "${id}" is not in frameworks.json` });
      }
    }
  }
  return problems;
}
