import { defineCheck, fail, judge, pass } from '../check.js';
import { noTemplate } from './account-helpers.js';

export const iamRootMfaEnabled = defineCheck({
  id: 'iam-root-mfa-enabled',
  title: 'The root user has MFA',
  severity: 'critical',
  area: 'iam.cloud',
  rationale:
    'The root user can do anything in the account, including closing it, and no IAM policy limits it. AWS ' +
    "secures the sign-in service; protecting the root password with a second factor is the customer's part.",
  remediation: {
    text: 'Sign in as the root user and assign an MFA device (preferably a hardware key or passkey) under Security credentials.',
    cloudformation: noTemplate(
      'Root MFA is set by the root user in the console: Security credentials → Assign MFA device.',
    ),
  },
  frameworks: {
    cis: ['1.5'],
    fsbp: ['IAM.9'],
    nist80053: ['IA-2(1)'],
    pci: ['8.4.1'],
    hipaa: ['164.312(d)'],
    iso27001: ['A.8.5'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['rootMfaEnabled'],
  evaluate: (account) =>
    judge(account.rootMfaEnabled, (on) =>
      on ? pass('the root user has MFA') : fail('the root user has no MFA device'),
    ),
});
