import { explicit, unknown } from '../../model/value.js';
import type { InventoryBuilder } from './inventory-builder.js';

/**
 * Facts that one collector learns about another's resources, joined once everything is in:
 * an instance is SSM-managed when SSM in its region lists it.
 */
export function linkInventory(builder: InventoryBuilder): void {
  const managed = new Map(builder.account.regions.map((r) => [r.region, r.ssmManagedInstanceIds]));
  for (const resource of builder.resources) {
    if (resource.type !== 'AWS::EC2::Instance' || !resource.region) continue;
    const ids = managed.get(resource.region);
    if (!ids) continue;
    const instanceId = resource.arn?.split('/').pop() ?? resource.id;
    resource.managedBySsm = ids.known
      ? explicit(ids.value.includes(instanceId), {
          ...ids.source,
          ...(resource.arn ? { arn: resource.arn } : {}),
        })
      : unknown(ids.reason, ids.source);
  }
}
