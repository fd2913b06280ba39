import { defineCheck, fail, pass } from '../check.js';
import { perRegion } from './account-helpers.js';

export const guardDutyEnabledAllRegions = defineCheck({
  id: 'guardduty-enabled-all-regions',
  title: 'GuardDuty is on in every scanned region',
  severity: 'high',
  area: 'det.threat',
  rationale:
    'GuardDuty watches CloudTrail, VPC flow and DNS activity for compromise: crypto-mining, credential ' +
    'exfiltration, reconnaissance. AWS runs the detection; enabling it in each region and acting on its ' +
    "findings is the customer's part. Intruders favour the regions nobody watches.",
  remediation: {
    text: 'Enable GuardDuty in every region (with an organization, from the delegated administrator for all accounts), and route its findings to someone who acts on them.',
    cloudformation: `Detector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true
    FindingPublishingFrequency: FIFTEEN_MINUTES`,
  },
  frameworks: {
    fsbp: ['GuardDuty.1'],
    nist80053: ['SI-4'],
    pci: ['11.5.1'],
    hipaa: ['164.308(a)(1)(ii)(D)'],
    iso27001: ['A.8.16'],
    soc2: ['CC7.2'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['guardDutyEnabled'],
  evaluate: (account) =>
    perRegion(account, 'guardDutyEnabled', (on, region) =>
      on ? pass(`${region}: GuardDuty is on`) : fail(`${region}: GuardDuty is off (no enabled detector)`),
    ),
});
