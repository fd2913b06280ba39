import { type Check, createCheckContext, type Verdict } from '../checks/check.js';
import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resources/index.js';
import type { CheckResult, ResultResource, Severity } from '../model/result.js';
import { severityRank } from '../model/result.js';

export interface CheckFilter {
  /** Only these check ids (exact). */
  checkIds?: readonly string[];
  /** Leave these check ids out. */
  skipCheckIds?: readonly string[];
  /** Only checks at or above this severity. */
  minSeverity?: Severity;
  /** Only checks whose area is one of these, or starts with one followed by a dot ("data" matches "data.enc-at-rest"). */
  areas?: readonly string[];
}

export function selectChecks(checks: readonly Check[], filter: CheckFilter = {}): Check[] {
  return checks.filter((check) => {
    if (filter.checkIds?.length && !filter.checkIds.includes(check.id)) return false;
    if (filter.skipCheckIds?.includes(check.id)) return false;
    if (filter.minSeverity && severityRank(check.severity) < severityRank(filter.minSeverity)) return false;
    if (
      filter.areas?.length &&
      !filter.areas.some((a) => check.area === a || check.area.startsWith(`${a}.`))
    ) {
      return false;
    }
    return true;
  });
}

/** One description per resource, shared by all its results (20,000 results on 5,000 resources). */
const descriptions = new WeakMap<Resource, ResultResource>();

export function describeResource(resource: Resource): ResultResource {
  let description = descriptions.get(resource);
  if (!description) {
    description = Object.freeze(describeFreshly(resource));
    descriptions.set(resource, description);
  }
  return description;
}

function describeFreshly(resource: Resource): ResultResource {
  // Built key by key so `source` comes last, as the report schema lists it.
  const description = { id: resource.id, type: resource.type, name: resource.name } as ResultResource;
  if (resource.arn) description.arn = resource.arn;
  if (resource.region) description.region = resource.region;
  if (resource.account) description.account = resource.account;
  description.source = resource.source;
  return description;
}

function toResult(check: Check, resource: Resource, verdict: Verdict): CheckResult {
  const result: CheckResult = {
    checkId: check.id,
    status: verdict.status,
    severity: check.severity,
    area: check.area,
    title: check.title,
    message: verdict.message,
    remediation: check.remediation.text,
    resource: describeResource(resource),
  };
  if (verdict.evidence) result.evidence = verdict.evidence;
  return result;
}

/**
 * Runs every selected check on every resource of its types. A check that throws gives an ERROR
 * result for that resource only; the rest of the scan goes on.
 */
export function runChecks(
  inventory: Inventory,
  checks: readonly Check[],
  now: Date = new Date(),
): CheckResult[] {
  const byType = new Map<string, Resource[]>();
  const byId = new Map<string, Resource>();
  for (const resource of inventory.resources) {
    const list = byType.get(resource.type) ?? [];
    list.push(resource);
    byType.set(resource.type, list);
    byId.set(resource.id, resource);
  }
  const context = createCheckContext(inventory, byId, now);
  const results: CheckResult[] = [];
  for (const check of checks) {
    for (const type of check.resourceTypes) {
      for (const resource of byType.get(type) ?? []) {
        let outcome: Verdict | Verdict[];
        try {
          outcome = check.evaluate(resource as never, context);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          results.push({
            ...toResult(check, resource, { status: 'FAIL', message: '' }),
            status: 'ERROR',
            message: `check failed: ${reason}`,
          });
          continue;
        }
        if (!Array.isArray(outcome)) results.push(toResult(check, resource, outcome));
        else for (const verdict of outcome) results.push(toResult(check, resource, verdict));
      }
    }
  }
  return results;
}
