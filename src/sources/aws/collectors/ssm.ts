import {
  paginateDescribeInstanceInformation,
  paginateListResourceComplianceSummaries,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { explicit, unknown } from '../../../model/value.js';
import type { RegionalSettings } from '../../../model/resources/index.js';
import type { Collector } from '../collector.js';
import { attempt, collectPages } from './support.js';

const INFO = 'ssm:DescribeInstanceInformation';
const PATCH = 'ssm:ListResourceComplianceSummaries';

/**
 * Instances that Systems Manager manages in each region. The EC2 instances' `managedBySsm` is
 * joined from this list once every collector is done (link-inventory.ts), so this collector also
 * runs when only an instance check (FSBP SSM.1) needs it.
 */
export const ssmCollector: Collector = {
  id: 'ssm',
  scope: 'regional',
  produces: ['AWS::Account', 'AWS::EC2::Instance'],
  operations: {
    [INFO]: { fields: ['ssmManagedInstanceIds', 'managedBySsm'] },
    [PATCH]: { fields: ['patchNonCompliantInstanceIds', 'patchCompliantInstanceIds'] },
  },
  async collect(ctx) {
    const wantsPatch =
      ctx.wants('AWS::Account', 'patchNonCompliantInstanceIds') ||
      ctx.wants('AWS::Account', 'patchCompliantInstanceIds');
    const wantsManaged =
      ctx.wants('AWS::Account', 'ssmManagedInstanceIds') || ctx.wants('AWS::EC2::Instance', 'managedBySsm');
    if (!wantsPatch && !wantsManaged) return;
    const settings = ctx.builder.region(ctx.region);
    const client = ctx.session.client(SSMClient, ctx.region);
    if (wantsPatch) await collectPatchCompliance(ctx, settings, client);
    if (!wantsManaged) return;
    const listed = await attempt(ctx, INFO, `Systems Manager in ${ctx.region}`, () =>
      collectPages(
        paginateDescribeInstanceInformation({ client }, { MaxResults: 50 }),
        (page) => page.InstanceInformationList,
      ),
    );
    settings.ssmManagedInstanceIds = listed.ok
      ? explicit(
          // Hybrid nodes (mi-…) are managed too, but no EC2 instance carries their id.
          listed.value.flatMap((i) => (i.InstanceId ? [i.InstanceId] : [])),
          { api: INFO },
        )
      : unknown(listed.reason, { api: INFO });
  },
};

/** Per-instance patch compliance (ComplianceType Patch), split into compliant and non-compliant. */
async function collectPatchCompliance(
  ctx: Parameters<Collector['collect']>[0],
  settings: RegionalSettings,
  client: SSMClient,
): Promise<void> {
  const listed = await attempt(ctx, PATCH, `Systems Manager patch compliance in ${ctx.region}`, () =>
    collectPages(
      paginateListResourceComplianceSummaries(
        { client },
        { Filters: [{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' }] },
      ),
      (page) => page.ResourceComplianceSummaryItems,
    ),
  );
  if (!listed.ok) {
    settings.patchNonCompliantInstanceIds = unknown(listed.reason, { api: PATCH });
    settings.patchCompliantInstanceIds = unknown(listed.reason, { api: PATCH });
    return;
  }
  // Only EC2 instances (i-…); hybrid nodes (mi-…) carry no EC2 id.
  const instances = listed.value.filter(
    (item) => item.ResourceType === 'ManagedInstance' && item.ResourceId?.startsWith('i-'),
  );
  const ids = (status: string) =>
    instances.flatMap((item) => (item.Status === status && item.ResourceId ? [item.ResourceId] : []));
  settings.patchNonCompliantInstanceIds = explicit(ids('NON_COMPLIANT'), { api: PATCH });
  settings.patchCompliantInstanceIds = explicit(ids('COMPLIANT'), { api: PATCH });
}
