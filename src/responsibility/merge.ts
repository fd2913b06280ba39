/**
 * Several templates or accounts make several maps; reports and exports want one. Resources are
 * listed side by side; an account-wide area appears once, with the worst status any map gave it.
 */
import { headlineOf } from './status.js';
import type { AreaResponsibility, AreaStatus, ResponsibilityMap } from './types.js';

const RANK: Record<AreaStatus, number> = {
  failing: 5,
  unverified: 4,
  attested: 3,
  verified: 2,
  inherited: 1,
  'n/a': 0,
};

function mergeAccount(a: AreaResponsibility, b: AreaResponsibility): AreaResponsibility {
  const worse = RANK[b.status] > RANK[a.status] ? b : a;
  return {
    ...worse,
    evidence: {
      checkIds: [...new Set([...a.evidence.checkIds, ...b.evidence.checkIds])].sort(),
      pass: a.evidence.pass + b.evidence.pass,
      fail: a.evidence.fail + b.evidence.fail,
      unknown: a.evidence.unknown + b.evidence.unknown,
      error: a.evidence.error + b.evidence.error,
    },
  };
}

export function mergeMaps(maps: readonly ResponsibilityMap[]): ResponsibilityMap {
  const account = new Map<string, AreaResponsibility>();
  for (const map of maps) {
    for (const area of map.account) {
      const seen = account.get(area.area);
      account.set(area.area, seen ? mergeAccount(seen, area) : area);
    }
  }
  const resources = maps.flatMap((m) => m.resources);
  const merged = [...account.values()];
  return {
    resources,
    account: merged,
    notAssessed: maps.flatMap((m) => m.notAssessed),
    headline: headlineOf(resources, merged),
    warnings: [...new Set(maps.flatMap((m) => m.warnings))],
  };
}
