import type { Owner } from '../catalog/schema.js';
import { isCustomerStatus } from './status.js';
import type { ResultResource } from '../model/result.js';
import type { AreaResponsibility, CustomerStatus, ResponsibilityMap } from './types.js';

/** One area the customer has a part in, as the scan report lists it. */
export interface CustomerArea {
  area: string;
  owner: Extract<Owner, 'customer' | 'shared'>;
  status: CustomerStatus;
  /** Checks whose results decided the status. */
  checks: string[];
}

export interface ResourceOwnership {
  resourceId: string;
  type: string;
  name: string;
  file?: string;
  service: string;
  category: string;
  /** What AWS carries alone for this resource (area ids). */
  providerAreas: string[];
  customerAreas: CustomerArea[];
}

export interface OwnershipSummary {
  text: string;
  owned: number;
  verified: number;
  failing: number;
  unverified: number;
  attested: number;
  resources: ResourceOwnership[];
  account: CustomerArea[];
}

function customerAreas(areas: readonly AreaResponsibility[]): CustomerArea[] {
  const out: CustomerArea[] = [];
  for (const a of areas) {
    if ((a.owner !== 'customer' && a.owner !== 'shared') || !isCustomerStatus(a.status)) continue;
    out.push({ area: a.area, owner: a.owner, status: a.status, checks: a.evidence.checkIds });
  }
  return out;
}

function providerAreas(areas: readonly AreaResponsibility[]): string[] {
  const out: string[] = [];
  for (const a of areas) if (a.owner === 'provider') out.push(a.area);
  return out;
}

/**
 * The compact who-owns-what view that every scan report carries, over one or more maps. Only
 * resources a check assessed are listed: the full map (whoowns responsibilities) also shows the
 * resources of catalogued services that no check reads.
 */
export function summarizeOwnership(maps: readonly ResponsibilityMap[]): OwnershipSummary {
  const resources: ResourceOwnership[] = maps.flatMap((map) =>
    map.resources
      .filter((r) => r.assessed)
      .map((r) =>
        ownershipOf(r.resource, r.service, r.category, providerAreas(r.areas), customerAreas(r.areas)),
      ),
  );
  return assembleSummary(
    resources,
    maps.map((map) => customerAreas(map.account)),
  );
}

export function ownershipOf(
  resource: ResultResource,
  service: string,
  category: string,
  provider: string[],
  customer: CustomerArea[],
): ResourceOwnership {
  const file = resource.source.file;
  return file
    ? {
        resourceId: resource.id,
        type: resource.type,
        name: resource.name,
        file,
        service,
        category,
        providerAreas: provider,
        customerAreas: customer,
      }
    : {
        resourceId: resource.id,
        type: resource.type,
        name: resource.name,
        service,
        category,
        providerAreas: provider,
        customerAreas: customer,
      };
}

/** The totals and the headline; account-wide areas are answered once, whatever the number of sources. */
export function assembleSummary(
  resources: ResourceOwnership[],
  accountPerSource: ReadonlyArray<readonly CustomerArea[]>,
): OwnershipSummary {
  // Worst status wins across sources.
  const account = new Map<string, CustomerArea>();
  const rank: Record<CustomerStatus, number> = { failing: 3, unverified: 2, attested: 1, verified: 0 };
  for (const areas of accountPerSource) {
    for (const area of areas) {
      const seen = account.get(area.area);
      if (!seen) account.set(area.area, area);
      else {
        const status = rank[area.status] > rank[seen.status] ? area.status : seen.status;
        account.set(area.area, { ...seen, status, checks: [...new Set([...seen.checks, ...area.checks])] });
      }
    }
  }
  const tally: Record<CustomerStatus, number> = { verified: 0, failing: 0, unverified: 0, attested: 0 };
  for (const r of resources) for (const a of r.customerAreas) tally[a.status]++;
  for (const a of account.values()) tally[a.status]++;
  const summary = {
    owned: tally.verified + tally.failing + tally.unverified + tally.attested,
    ...tally,
  };
  return {
    text:
      `you own ${summary.owned} responsibilities across ${resources.length} resources and the account: ` +
      `${summary.verified} verified, ${summary.failing} failing, ${summary.unverified} unverified, ` +
      `${summary.attested} attested`,
    ...summary,
    resources,
    account: [...account.values()],
  };
}
