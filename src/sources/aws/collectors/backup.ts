import {
  BackupClient,
  paginateListBackupPlans,
  paginateListBackupSelections,
  paginateListBackupVaults,
  paginateListProtectedResources,
} from '@aws-sdk/client-backup';
import { explicit, unknown } from '../../../model/value.js';
import type { Collector } from '../collector.js';
import { attempt, collectPages } from './support.js';

const PLANS = 'backup:ListBackupPlans';
const VAULTS = 'backup:ListBackupVaults';
const SELECTIONS = 'backup:ListBackupSelections';
const PROTECTED = 'backup:ListProtectedResources';

/**
 * AWS Backup in each region: how many plans and vaults there are, how many resource selections
 * the plans hold (a plan without one protects nothing), and which resources have been backed up.
 * Each call is made only when a selected check reads its field.
 */
export const backupCollector: Collector = {
  id: 'backup',
  scope: 'regional',
  produces: ['AWS::Account'],
  operations: {
    [PLANS]: { fields: ['backupPlanCount', 'backupSelectionCount'] },
    [VAULTS]: { fields: ['backupVaultCount'] },
    [SELECTIONS]: { fields: ['backupSelectionCount'] },
    [PROTECTED]: { fields: ['backupProtectedResourceArns'] },
  },
  async collect(ctx) {
    const wantsPlans = ctx.wants('AWS::Account', 'backupPlanCount');
    const wantsSelections = ctx.wants('AWS::Account', 'backupSelectionCount');
    const wantsVaults = ctx.wants('AWS::Account', 'backupVaultCount');
    const wantsProtected = ctx.wants('AWS::Account', 'backupProtectedResourceArns');
    if (!wantsPlans && !wantsSelections && !wantsVaults && !wantsProtected) return;
    const settings = ctx.builder.region(ctx.region);
    const client = ctx.session.client(BackupClient, ctx.region);
    const where = `AWS Backup in ${ctx.region}`;

    if (wantsPlans || wantsSelections) {
      const listed = await attempt(ctx, PLANS, where, () =>
        collectPages(paginateListBackupPlans({ client }, {}), (page) => page.BackupPlansList),
      );
      settings.backupPlanCount = listed.ok
        ? explicit(listed.value.length, { api: PLANS })
        : unknown(listed.reason, { api: PLANS });
      if (wantsSelections) {
        if (!listed.ok) {
          settings.backupSelectionCount = unknown(listed.reason, { api: PLANS });
        } else {
          let total = 0;
          let failure: string | undefined;
          for (const plan of listed.value) {
            if (!plan.BackupPlanId) continue;
            const selections = await attempt(ctx, SELECTIONS, where, () =>
              collectPages(
                paginateListBackupSelections({ client }, { BackupPlanId: plan.BackupPlanId }),
                (page) => page.BackupSelectionsList,
              ),
            );
            if (!selections.ok) {
              failure = selections.reason;
              break;
            }
            total += selections.value.length;
          }
          settings.backupSelectionCount =
            failure === undefined
              ? explicit(total, { api: SELECTIONS })
              : unknown(failure, { api: SELECTIONS });
        }
      }
    }

    if (wantsVaults) {
      const vaults = await attempt(ctx, VAULTS, where, () =>
        collectPages(paginateListBackupVaults({ client }, {}), (page) => page.BackupVaultList),
      );
      settings.backupVaultCount = vaults.ok
        ? explicit(vaults.value.length, { api: VAULTS })
        : unknown(vaults.reason, { api: VAULTS });
    }

    if (wantsProtected) {
      const resources = await attempt(ctx, PROTECTED, where, () =>
        collectPages(paginateListProtectedResources({ client }, {}), (page) => page.Results),
      );
      settings.backupProtectedResourceArns = resources.ok
        ? explicit(
            resources.value.flatMap((r) => (r.ResourceArn ? [r.ResourceArn] : [])),
            { api: PROTECTED },
          )
        : unknown(resources.reason, { api: PROTECTED });
    }
  },
};
