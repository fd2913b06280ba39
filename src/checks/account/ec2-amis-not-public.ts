import { defineCheck, fail, pass } from '../check.js';
import { count, noTemplate, perRegion, someOf } from './account-helpers.js';

export const ec2AmisNotPublic = defineCheck({
  id: 'ec2-amis-not-public',
  title: 'No AMI of the account is public',
  severity: 'high',
  area: 'iam.resource-policy',
  rationale:
    'A public AMI lets anyone launch a copy of the machine and read its disks, with whatever secrets, keys and ' +
    'code were baked in. Unless the account publishes images on purpose, a public AMI is a leak.',
  remediation: {
    text: 'Make each listed image private (or share it with specific accounts), and turn on Block Public Access for AMIs.',
    cloudformation: noTemplate(
      'aws ec2 modify-image-attribute --image-id <id> --launch-permission "Remove=[{Group=all}]"',
    ),
  },
  frameworks: {
    nist80053: ['AC-3', 'AC-21'],
    pci: ['1.4.4'],
    iso27001: ['A.8.3'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['publicAmiIds'],
  evaluate: (account) =>
    perRegion(account, 'publicAmiIds', (ids, region) =>
      ids.length > 0
        ? fail(`${region}: ${count(ids.length, 'public AMI')}: ${someOf(ids)}`)
        : pass(`${region}: no public AMI`),
    ),
});
