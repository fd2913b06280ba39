import { paginateDescribeInstanceInformation, SSMClient } from '@aws-sdk/client-ssm';
import { explicit, unknown } from '../../../model/value.js';
import type { Collector } from '../collector.js';
import { attempt, collectPages } from './support.js';

const INFO = 'ssm:DescribeInstanceInformation';

/**
 * Instances that Systems Manager manages in each region. The EC2 instances' `managedBySsm` is
 * joined from this list once every collector is done (link-inventory.ts), so this collector also
 * runs when only an instance check (FSBP SSM.1) needs it.
 */
export const ssmCollector: Collector = {
  id: 'ssm',
  scope: 'regional',
  produces: ['AWS::Account', 'AWS::EC2::Instance'],
  operations: { [INFO]: { fields: ['ssmManagedInstanceIds', 'managedBySsm'] } },
  async collect(ctx) {
    if (
      !ctx.wants('AWS::Account', 'ssmManagedInstanceIds') &&
      !ctx.wants('AWS::EC2::Instance', 'managedBySsm')
    )
      return;
    const settings = ctx.builder.region(ctx.region);
    const client = ctx.session.client(SSMClient, ctx.region);
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
