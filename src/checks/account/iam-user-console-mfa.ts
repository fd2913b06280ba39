import { defineCheck, fail, judge, pass } from '../check.js';
import { count, noTemplate, reportUsers, someOf } from './account-helpers.js';

export const iamUserConsoleMfa = defineCheck({
  id: 'iam-user-console-mfa',
  title: 'Every IAM user with a console password has MFA',
  severity: 'high',
  area: 'iam.cloud',
  rationale:
    'A console password alone falls to phishing, reuse and guessing. AWS offers MFA for every IAM user; turning ' +
    "it on, and requiring it, is the customer's part.",
  remediation: {
    text: 'Assign an MFA device to each listed user, or remove their console password if they do not need the console; better, move people to IAM Identity Center.',
    cloudformation: noTemplate(
      'MFA devices are registered by each user; a policy can deny everything without aws:MultiFactorAuthPresent.',
    ),
  },
  frameworks: {
    cis: ['1.10'],
    fsbp: ['IAM.5'],
    nist80053: ['IA-2(1)', 'IA-2(2)'],
    pci: ['8.4.2'],
    hipaa: ['164.312(d)'],
    iso27001: ['A.8.5'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['credentialReport'],
  evaluate: (account) =>
    judge(reportUsers(account), (users) => {
      const withPassword = users.filter((u) => u.passwordEnabled);
      const without = withPassword.filter((u) => !u.mfaActive).map((u) => u.user);
      if (without.length > 0)
        return fail(`${count(without.length, 'console user')} without MFA: ${someOf(without)}`);
      return pass(
        withPassword.length === 0
          ? 'no IAM user has a console password'
          : `every console user has MFA (${count(withPassword.length, 'user')})`,
      );
    }),
});
