import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from '../data/wording.js';
import { auroraClusterVerdict } from './rds-helpers.js';

export const rdsMultiAz = defineCheck({
  id: 'rds-multi-az',
  title: 'RDS DB instances are deployed across multiple Availability Zones',
  severity: 'medium',
  area: 'res.ha',
  rationale:
    'AWS runs the standby and the failover, but only if the customer asks for Multi-AZ; a single-AZ instance is ' +
    'down for the length of any zone outage or host failure, and restores from backup lose recent writes.',
  remediation: {
    text: 'Set MultiAZ to true for production databases (for Aurora, add a replica in another zone).',
    cloudformation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.medium
    AllocatedStorage: '20'
    MasterUsername: app
    ManageMasterUserPassword: true
    MultiAZ: true`,
  },
  frameworks: {
    cis: ['2.2.4'],
    fsbp: ['RDS.5'],
    nist80053: ['CP-10'],
    iso27001: ['A.8.14'],
    soc2: ['A1.2'],
  },
  resourceTypes: ['AWS::RDS::DBInstance'],
  reads: ['clusterId', 'multiAz'],
  evaluate: (db) =>
    auroraClusterVerdict(db, 'availability (replicas in other zones)') ??
    judgeFor(`DB instance ${db.name}: MultiAZ`, db.multiAz, (on, origin) =>
      on
        ? pass(`DB instance ${db.name} is Multi-AZ`)
        : fail(
            `DB instance ${db.name} runs in a single Availability Zone${byDefault(origin)}${at(db.multiAz.source)}`,
          ),
    ),
});
