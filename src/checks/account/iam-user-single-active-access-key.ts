import { defineCheck, fail, judge, pass } from '../check.js';
import { count, noTemplate, reportUsers, someOf } from './account-helpers.js';

export const iamUserSingleActiveAccessKey = defineCheck({
  id: 'iam-user-single-active-access-key',
  title: 'No IAM user has more than one active access key',
  severity: 'low',
  area: 'iam.cloud',
  rationale:
    'A second active key is meant for a short rotation; left on, it doubles what can leak and usually means ' +
    'the old key was never retired.',
  remediation: {
    text: 'Finish the rotation: move every client to the newer key, then deactivate and delete the older one.',
    cloudformation: noTemplate(
      'Deactivate the unused key: aws iam update-access-key --status Inactive, then delete it.',
    ),
  },
  frameworks: {
    cis: ['1.13'],
    nist80053: ['IA-5', 'AC-2'],
    iso27001: ['A.5.17'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['credentialReport'],
  evaluate: (account) =>
    judge(reportUsers(account), (users) => {
      const two = users.filter((u) => u.accessKeys.filter((k) => k.active).length > 1).map((u) => u.user);
      return two.length > 0
        ? fail(`${count(two.length, 'user')} with two active access keys: ${someOf(two)}`)
        : pass('no IAM user has more than one active access key');
    }),
});
