import { defineCheck, fail, pass } from '../check.js';
import { count, noTemplate, perRegion, someOf } from './account-helpers.js';

export const rdsSnapshotsNotPublic = defineCheck({
  id: 'rds-snapshots-not-public',
  title: 'No RDS snapshot of the account is public',
  severity: 'critical',
  area: 'iam.resource-policy',
  rationale:
    'Any AWS account can restore a public DB snapshot and read the whole database. Sharing a snapshot is the ' +
    "customer's setting; a public one is almost always a mistake.",
  remediation: {
    text: 'Remove "all" from the restore attribute of each listed snapshot and share it with specific accounts instead.',
    cloudformation: noTemplate(
      'aws rds modify-db-snapshot-attribute --db-snapshot-identifier <id> --attribute-name restore --values-to-remove all',
    ),
  },
  frameworks: {
    fsbp: ['RDS.1'],
    nist80053: ['AC-3', 'AC-21'],
    pci: ['1.4.4'],
    iso27001: ['A.8.3'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['publicRdsSnapshotIds'],
  evaluate: (account) =>
    perRegion(account, 'publicRdsSnapshotIds', (ids, region) =>
      ids.length > 0
        ? fail(`${region}: ${count(ids.length, 'public RDS snapshot')}: ${someOf(ids)}`)
        : pass(`${region}: no public RDS snapshot`),
    ),
});
