import { cannotTell, defineCheck, fail, judge, pass } from '../check.js';
import { daysSince, noTemplate } from './account-helpers.js';

const WINDOW_DAYS = 90;

export const iamRootNotUsedRecently = defineCheck({
  id: 'iam-root-not-used-recently',
  title: 'The root user was not used in the last 90 days',
  severity: 'medium',
  area: 'iam.cloud',
  rationale:
    'Only a handful of tasks need the root user; regular use means everyday work runs with unlimited power ' +
    'and no IAM guardrail. CIS v4.0.1 lists 1.7 as a manual recommendation: this check gives its evidence, the ' +
    'last use of the root password or keys in the credential report, and a person judges whether that use ' +
    'was one of the tasks that require root.',
  remediation: {
    text: 'Do daily and administrative work with IAM Identity Center or IAM roles; keep the root user for the few tasks that require it.',
    cloudformation: noTemplate(
      'Stop using the root user; give administrators roles (for example AWS::SSO::PermissionSet).',
    ),
  },
  frameworks: {
    cis: ['1.7'],
    nist80053: ['AC-6(2)', 'AC-6(9)'],
    iso27001: ['A.8.2'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['rootLastUsed'],
  evaluate: (account, context) =>
    judge(account.rootLastUsed, (last) => {
      if (last === null) return pass('the root user has never been used (per the credential report)');
      const days = daysSince(last, context.now);
      if (days === undefined) return cannotTell(`the root user's last use (${last}) is not a date`);
      return days < WINDOW_DAYS
        ? fail(`the root user was used ${days} day${days === 1 ? '' : 's'} ago (${last})`)
        : pass(`the root user was last used ${days} days ago (${last})`);
    }),
});
