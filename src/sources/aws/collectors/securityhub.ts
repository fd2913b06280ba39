import { DescribeHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { explicit, unknown } from '../../../model/value.js';
import type { Collector } from '../collector.js';
import { errorName } from './support.js';

const HUB = 'securityhub:DescribeHub';

/** Security Hub per region (CIS 4.16). */
export const securityHubCollector: Collector = {
  id: 'securityhub',
  scope: 'regional',
  produces: ['AWS::Account'],
  operations: { [HUB]: { fields: ['securityHubEnabled'] } },
  async collect(ctx) {
    if (!ctx.wants('AWS::Account', 'securityHubEnabled')) return;
    const settings = ctx.builder.region(ctx.region);
    const client = ctx.session.client(SecurityHubClient, ctx.region);
    try {
      const hub = await client.send(new DescribeHubCommand({}));
      settings.securityHubEnabled = explicit(!!hub.HubArn, {
        api: HUB,
        ...(hub.HubArn ? { arn: hub.HubArn } : {}),
      });
    } catch (error) {
      // "Account is not subscribed to AWS Security Hub" comes back as InvalidAccessException (and,
      // for a hub being deleted, ResourceNotFoundException): the answer is "off", not a failure.
      const name = errorName(error);
      settings.securityHubEnabled =
        name === 'InvalidAccessException' || name === 'ResourceNotFoundException'
          ? explicit(false, { api: HUB })
          : unknown(ctx.builder.fail(HUB, error, `Security Hub in ${ctx.region}`), { api: HUB });
    }
  },
};
