import type { CollectionNeeds } from '../../model/needs.js';
import type { Collector } from './collector.js';
import { ALL_COLLECTORS } from './collectors/index.js';

/** Calls every live scan makes before any collector runs. */
const ALWAYS: Record<string, readonly string[]> = {
  // GetCallerIdentity needs no permission, but listing it keeps the policy honest about what is sent.
  'sts:GetCallerIdentity': ['sts:GetCallerIdentity'],
  'ec2:DescribeRegions': ['ec2:DescribeRegions'],
};

function wanted(collector: Collector, fields: readonly string[], needs: CollectionNeeds): boolean {
  return collector.produces.some((type) => {
    if (!needs.has(type)) return false;
    const read = needs.get(type);
    return fields.length === 0 || read === undefined || fields.some((f) => read.has(f));
  });
}

/** API operations (`service:Operation`) a scan with these needs may send, mapped to their IAM actions. */
export function plannedOperations(
  needs: CollectionNeeds,
  collectors: readonly Collector[] = ALL_COLLECTORS,
): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>(Object.entries(ALWAYS));
  for (const collector of collectors) {
    if (!collector.produces.some((type) => needs.has(type))) continue;
    for (const [operation, spec] of Object.entries(collector.operations)) {
      if (wanted(collector, spec.fields, needs)) out.set(operation, spec.iam ?? [operation]);
    }
  }
  return out;
}

/** Every operation any collector declares: what the read-only guard may ever see. */
export function declaredOperations(collectors: readonly Collector[] = ALL_COLLECTORS): Set<string> {
  const out = new Set(Object.keys(ALWAYS));
  for (const c of collectors) for (const op of Object.keys(c.operations)) out.add(op);
  return out;
}

/** The least-privilege identity policy for a scan with these needs. */
export function leastPrivilegePolicy(needs: CollectionNeeds): { Version: string; Statement: unknown[] } {
  const actions = [...new Set([...plannedOperations(needs).values()].flat())].sort();
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'WhoownsReadOnlyScan', Effect: 'Allow', Action: actions, Resource: '*' }],
  };
}
