import { defineCheck, fail, pass } from '../check.js';
import { perRegion } from './account-helpers.js';

export const securityHubEnabledAllRegions = defineCheck({
  id: 'securityhub-enabled-all-regions',
  title: 'Security Hub is on in every scanned region',
  severity: 'medium',
  area: 'det.threat',
  rationale:
    'Security Hub gathers the findings of GuardDuty, Inspector, Macie, Config and partners into one place and ' +
    "checks the account against AWS's best practices continuously. It is per region and off until the " +
    'customer turns it on.',
  remediation: {
    text: 'Enable Security Hub in each region (with an organization, from the delegated administrator), with the AWS Foundational Security Best Practices standard.',
    cloudformation: `SecurityHub:
  Type: AWS::SecurityHub::Hub
  Properties:
    EnableDefaultStandards: true`,
  },
  frameworks: {
    cis: ['4.16'],
    nist80053: ['CA-7', 'SI-4'],
    iso27001: ['A.8.16'],
    soc2: ['CC7.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['securityHubEnabled'],
  evaluate: (account) =>
    perRegion(account, 'securityHubEnabled', (on, region) =>
      on ? pass(`${region}: Security Hub is on`) : fail(`${region}: Security Hub is not enabled`),
    ),
});
