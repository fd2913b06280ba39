import { defineCheck, fail, pass } from '../check.js';
import { count, noTemplate, perRegion, someOf } from './account-helpers.js';

export const ec2EbsSnapshotsNotPublic = defineCheck({
  id: 'ec2-ebs-snapshots-not-public',
  title: 'No EBS snapshot of the account is public',
  severity: 'critical',
  area: 'iam.resource-policy',
  rationale:
    'Anyone in any AWS account can create a volume from a public snapshot and read every file on it: ' +
    "databases, keys, credentials left on disk. Sharing is the customer's setting, and a public one is " +
    'almost always a mistake.',
  remediation: {
    text: 'Remove the public createVolumePermission from each listed snapshot, share with specific accounts instead, and turn on Block Public Access for EBS snapshots.',
    cloudformation: noTemplate(
      'aws ec2 modify-snapshot-attribute --snapshot-id <id> --attribute createVolumePermission --operation-type remove --group-names all',
    ),
  },
  frameworks: {
    fsbp: ['EC2.1'],
    nist80053: ['AC-3', 'AC-21'],
    pci: ['1.4.4'],
    iso27001: ['A.8.3'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['publicSnapshotIds'],
  evaluate: (account) =>
    perRegion(account, 'publicSnapshotIds', (ids, region) =>
      ids.length > 0
        ? fail(`${region}: ${count(ids.length, 'public EBS snapshot')}: ${someOf(ids)}`)
        : pass(`${region}: no public EBS snapshot`),
    ),
});
