import { cannotTell, defineCheck, fail, judge, pass } from '../check.js';
import { count, daysSince, noTemplate, reportUsers, someOf } from './account-helpers.js';

const MAX_AGE_DAYS = 90;

export const iamAccessKeysRotated90Days = defineCheck({
  id: 'iam-access-keys-rotated-90-days',
  title: 'Active access keys are rotated within 90 days',
  severity: 'medium',
  area: 'iam.cloud',
  rationale:
    'An access key is a long-lived password for the API. The older it is, the more places it has been copied ' +
    'to and the longer a leaked copy keeps working; rotating it bounds both.',
  remediation: {
    text: 'Create a new key, move the clients to it, then deactivate and delete the old one; better, replace user keys with roles.',
    cloudformation: noTemplate(
      'Rotate with aws iam create-access-key, then update-access-key --status Inactive and delete-access-key.',
    ),
  },
  frameworks: {
    cis: ['1.14'],
    fsbp: ['IAM.3'],
    nist80053: ['IA-5(1)'],
    pci: ['8.3.9'],
    iso27001: ['A.5.17'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['credentialReport'],
  evaluate: (account, context) =>
    judge(reportUsers(account), (users) => {
      const old: string[] = [];
      const unclear: string[] = [];
      for (const user of users) {
        user.accessKeys.forEach((key, i) => {
          if (!key.active) return;
          const days = key.lastRotated ? daysSince(key.lastRotated, context.now) : undefined;
          if (days === undefined) unclear.push(`${user.user} key ${i + 1}`);
          else if (days > MAX_AGE_DAYS) old.push(`${user.user} key ${i + 1} (${days} days)`);
        });
      }
      if (old.length > 0)
        return fail(
          `${count(old.length, 'active access key')} older than ${MAX_AGE_DAYS} days: ${someOf(old)}`,
        );
      if (unclear.length > 0) return cannotTell(`no creation date for ${someOf(unclear)}`);
      return pass(`every active access key is at most ${MAX_AGE_DAYS} days old`);
    }),
});
