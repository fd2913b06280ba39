import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { explicit, unknown } from '../../../model/value.js';
import type { Collector } from '../collector.js';
import { errorName } from './support.js';

const DESCRIBE = 'organizations:DescribeOrganization';

/** Whether the account belongs to an AWS Organization, and which. */
export const organizationsCollector: Collector = {
  id: 'organizations',
  scope: 'global',
  produces: ['AWS::Account'],
  operations: { [DESCRIBE]: { fields: ['organization'] } },
  async collect(ctx) {
    if (!ctx.wants('AWS::Account', 'organization')) return;
    const account = ctx.builder.account;
    const client = ctx.session.client(OrganizationsClient, ctx.region);
    try {
      const org = (await client.send(new DescribeOrganizationCommand({}))).Organization;
      account.organization = explicit(
        org?.Id ? { id: org.Id, managementAccountId: org.MasterAccountId ?? '' } : null,
        { api: DESCRIBE, ...(org?.Arn ? { arn: org.Arn } : {}) },
      );
    } catch (error) {
      // A standalone account is answered with AWSOrganizationsNotInUseException: a fact, not a failure.
      account.organization =
        errorName(error) === 'AWSOrganizationsNotInUseException'
          ? explicit(null, { api: DESCRIBE })
          : unknown(ctx.builder.fail(DESCRIBE, error), { api: DESCRIBE });
    }
  },
};
