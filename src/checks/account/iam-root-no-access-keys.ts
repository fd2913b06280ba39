import { defineCheck, fail, judge, pass } from '../check.js';
import { noTemplate } from './account-helpers.js';

export const iamRootNoAccessKeys = defineCheck({
  id: 'iam-root-no-access-keys',
  title: 'The root user has no access keys',
  severity: 'critical',
  area: 'iam.cloud',
  rationale:
    'A root access key is a password for everything in the account that never asks for MFA and is easily ' +
    'leaked from a laptop, a script or a repository. Nothing needs one: every task can use an IAM role.',
  remediation: {
    text: 'Sign in as the root user and delete its access keys (Security credentials → Access keys); use IAM roles instead.',
    cloudformation: noTemplate(
      'Root access keys are deleted by the root user in the console: Security credentials → Access keys.',
    ),
  },
  frameworks: {
    cis: ['1.4'],
    fsbp: ['IAM.4'],
    nist80053: ['AC-6(9)', 'IA-2(1)'],
    iso27001: ['A.8.2'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['rootAccessKeysPresent'],
  evaluate: (account) =>
    judge(account.rootAccessKeysPresent, (present) =>
      present ? fail('the root user has an access key') : pass('the root user has no access keys'),
    ),
});
