/** Runs the exposure analysis for a check, once per resource, and words its grants. */
import { zoneOf } from '../../iam/analysis.js';
import { analyzeExposure, type Exposure, type Grant } from '../../iam/exposure.js';
import { resourcePolicyOf } from '../../iam/resource-policies.js';
import type { Resource } from '../../model/resources/index.js';
import type { SourceRef } from '../../model/value.js';
import { type CheckContext, cannotTell, fail, pass, type Verdict } from '../check.js';
import { some } from './iam-wording.js';

export function exposureOf(
  resource: Resource,
  context: CheckContext,
): { exposure: Exposure; label: string } | undefined {
  // Several checks read the same analysis; it is the costliest step of a scan, so it runs once.
  return context.shared(`iam:exposure:${resource.id}`, () => {
    const info = resourcePolicyOf(context.inventory, resource);
    if (!info) return undefined;
    const zone = context.shared('iam:zone', () => zoneOf(context.inventory));
    return {
      exposure: analyzeExposure(context.inventory, info, zone),
      label: `${info.label} of ${resource.name}`,
    };
  });
}

export function describeGrant(g: Grant): string {
  const actions = g.allowed.length ? some(g.allowed) : `possibly ${some(g.maybe)}`;
  const because = g.reasons.length ? `: ${some(g.reasons, 2)}` : '';
  const depends = g.allowed.length === 0 && g.dependsOn.length ? ` (depends on ${some(g.dependsOn)})` : '';
  return `${g.who} gets ${actions}${depends}${because}`;
}

/**
 * The verdict on a set of grants: FAIL when one is sure, UNKNOWN when all depend on something the
 * source does not show, PASS when there are none. `sure` and `maybe` lead the list of grants.
 */
export function judgeGrants(
  grants: readonly Grant[],
  source: SourceRef,
  words: { sure: string; maybe: string; none: string },
): Verdict {
  const sure = grants.filter((g) => g.allowed.length > 0);
  if (sure.length) return fail(`${words.sure}: ${sure.map(describeGrant).join('; ')}`, source);
  if (grants.length) return cannotTell(`${words.maybe}: ${grants.map(describeGrant).join('; ')}`, source);
  return pass(words.none, source);
}
