import { defineCheck, fail, judge, pass } from '../check.js';
import { noTemplate } from './account-helpers.js';

const MIN_LENGTH = 14;

export const iamPasswordPolicyMinLength = defineCheck({
  id: 'iam-password-policy-min-length',
  title: 'The IAM password policy requires at least 14 characters',
  severity: 'medium',
  area: 'iam.cloud',
  rationale:
    'Length is what makes a password hard to guess or crack. Without a custom policy AWS accepts 8 characters; ' +
    "setting the policy is the customer's part.",
  remediation: {
    text: `Set the account password policy's minimum length to ${MIN_LENGTH} or more.`,
    cloudformation: noTemplate(
      `aws iam update-account-password-policy --minimum-password-length ${MIN_LENGTH} (keep the other settings: the call replaces the whole policy).`,
    ),
  },
  frameworks: {
    cis: ['1.8'],
    fsbp: ['IAM.15'],
    nist80053: ['IA-5(1)'],
    pci: ['8.3.6'],
    hipaa: ['164.308(a)(5)(ii)(D)'],
    iso27001: ['A.5.17'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['passwordPolicy'],
  evaluate: (account) =>
    judge(account.passwordPolicy, (policy) => {
      if (policy === null)
        return fail('the account has no password policy, so AWS accepts passwords of 8 characters');
      return policy.minimumLength >= MIN_LENGTH
        ? pass(`the password policy requires ${policy.minimumLength} characters`)
        : fail(
            `the password policy requires only ${policy.minimumLength} characters (at least ${MIN_LENGTH} expected)`,
          );
    }),
});
