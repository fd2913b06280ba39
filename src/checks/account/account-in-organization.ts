import { defineCheck, fail, judge, pass } from '../check.js';
import { noTemplate } from './account-helpers.js';

export const accountInOrganization = defineCheck({
  id: 'account-in-organization',
  title: 'The account belongs to an AWS Organization',
  severity: 'info',
  area: 'org.policy',
  rationale:
    'Guardrails that no one inside an account can switch off (service control policies), central CloudTrail, ' +
    'GuardDuty and Security Hub administration, and central root access management all need AWS ' +
    'Organizations. A standalone account carries all of that itself; this is information, not a defect.',
  remediation: {
    text: 'Join the account to your organization (or create one), and manage guardrails and security services centrally.',
    cloudformation: noTemplate(
      "Accept the invitation from the organization's management account: aws organizations accept-handshake.",
    ),
  },
  frameworks: {
    nist80053: ['PM-1'],
    iso27001: ['A.5.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['organization'],
  evaluate: (account) =>
    judge(account.organization, (org) =>
      org
        ? pass(
            `the account is in organization ${org.id} (management account ${org.managementAccountId || 'unknown'})`,
          )
        : fail('the account is not in an AWS Organization'),
    ),
});
