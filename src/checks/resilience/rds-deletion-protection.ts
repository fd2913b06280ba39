import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from '../data/wording.js';
import { auroraClusterVerdict } from './rds-helpers.js';

export const rdsDeletionProtection = defineCheck({
  id: 'rds-deletion-protection',
  title: 'RDS DB instances have deletion protection',
  severity: 'low',
  area: 'res.backup',
  rationale:
    'Deletion protection makes RDS refuse to delete the instance until the setting is turned off first, which ' +
    'stops a mistaken stack deletion, replacement or script from taking the database with it. It is off by default.',
  remediation: {
    text: 'Set DeletionProtection to true (and a DeletionPolicy of Snapshot on the resource).',
    cloudformation: `Database:
  Type: AWS::RDS::DBInstance
  DeletionPolicy: Snapshot
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.medium
    AllocatedStorage: '20'
    MasterUsername: app
    ManageMasterUserPassword: true
    DeletionProtection: true`,
  },
  frameworks: {
    fsbp: ['RDS.8'],
    nist80053: ['CM-3'],
    soc2: ['A1.2'],
  },
  resourceTypes: ['AWS::RDS::DBInstance'],
  reads: ['clusterId', 'deletionProtection'],
  evaluate: (db) =>
    auroraClusterVerdict(db, 'deletion protection') ??
    judgeFor(`DB instance ${db.name}: DeletionProtection`, db.deletionProtection, (on, origin) =>
      on
        ? pass(`DB instance ${db.name} has deletion protection`)
        : fail(
            `DB instance ${db.name} has deletion protection off${byDefault(origin)}${at(db.deletionProtection.source)}`,
          ),
    ),
});
