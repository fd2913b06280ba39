import { BackupClient, paginateListBackupPlans } from '@aws-sdk/client-backup';
import { explicit, unknown } from '../../../model/value.js';
import type { Collector } from '../collector.js';
import { attempt, collectPages } from './support.js';

const PLANS = 'backup:ListBackupPlans';

/** How many AWS Backup plans each region has. */
export const backupCollector: Collector = {
  id: 'backup',
  scope: 'regional',
  produces: ['AWS::Account'],
  operations: { [PLANS]: { fields: ['backupPlanCount'] } },
  async collect(ctx) {
    if (!ctx.wants('AWS::Account', 'backupPlanCount')) return;
    const settings = ctx.builder.region(ctx.region);
    const client = ctx.session.client(BackupClient, ctx.region);
    const listed = await attempt(ctx, PLANS, `AWS Backup in ${ctx.region}`, () =>
      collectPages(paginateListBackupPlans({ client }, {}), (page) => page.BackupPlansList),
    );
    settings.backupPlanCount = listed.ok
      ? explicit(listed.value.length, { api: PLANS })
      : unknown(listed.reason, { api: PLANS });
  },
};
