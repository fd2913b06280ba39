import { defineCheck, fail, judge, pass } from '../check.js';
import { noTemplate } from './account-helpers.js';

/** CIS 1.9 asks for reuse prevention; FSBP IAM.16 and the CIS audit both use 24 remembered passwords. */
const REMEMBERED = 24;

export const iamPasswordPolicyPreventsReuse = defineCheck({
  id: 'iam-password-policy-prevents-reuse',
  title: 'The IAM password policy prevents reusing the last 24 passwords',
  severity: 'low',
  area: 'iam.cloud',
  rationale:
    'Without reuse prevention a user forced to change a leaked password can set it straight back, and the ' +
    'leaked one works again.',
  remediation: {
    text: `Set the account password policy to remember ${REMEMBERED} passwords.`,
    cloudformation: noTemplate(
      `aws iam update-account-password-policy --password-reuse-prevention ${REMEMBERED} (keep the other settings: the call replaces the whole policy).`,
    ),
  },
  frameworks: {
    cis: ['1.9'],
    fsbp: ['IAM.16'],
    nist80053: ['IA-5(1)'],
    pci: ['8.3.7'],
    hipaa: ['164.308(a)(5)(ii)(D)'],
    iso27001: ['A.5.17'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['passwordPolicy'],
  evaluate: (account) =>
    judge(account.passwordPolicy, (policy) => {
      if (policy === null) return fail('the account has no password policy, so any password may be reused');
      if (policy.reusePrevention === 0)
        return fail('the password policy allows reusing any previous password');
      return policy.reusePrevention >= REMEMBERED
        ? pass(`the password policy remembers ${policy.reusePrevention} previous passwords`)
        : fail(
            `the password policy remembers only ${policy.reusePrevention} previous passwords (${REMEMBERED} expected)`,
          );
    }),
});
