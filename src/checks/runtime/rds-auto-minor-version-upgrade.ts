import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from '../data/wording.js';

export const rdsAutoMinorVersionUpgrade = defineCheck({
  id: 'rds-auto-minor-version-upgrade',
  title: 'RDS DB instances apply minor engine upgrades automatically',
  severity: 'medium',
  area: 'rt.patch',
  rationale:
    "AWS builds and ships the database engine's security patches as minor versions, but applying them is the " +
    "customer's choice. With automatic minor version upgrades on (the default), RDS installs them in the " +
    'maintenance window. RDS Custom is left out: it requires this setting off, as the customer patches it.',
  remediation: {
    text: 'Set AutoMinorVersionUpgrade to true and choose a PreferredMaintenanceWindow that suits the workload.',
    cloudformation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.medium
    AllocatedStorage: '20'
    MasterUsername: app
    ManageMasterUserPassword: true
    AutoMinorVersionUpgrade: true
    PreferredMaintenanceWindow: sun:03:00-sun:04:00`,
  },
  frameworks: {
    cis: ['2.2.2'],
    fsbp: ['RDS.13'],
    nist80053: ['SI-2'],
    pci: ['6.3.3'],
    iso27001: ['A.8.8'],
    soc2: ['CC7.1'],
  },
  resourceTypes: ['AWS::RDS::DBInstance'],
  reads: ['autoMinorVersionUpgrade', 'isCustom'],
  evaluate: (db) => {
    if (db.isCustom) return [];
    return judgeFor(
      `DB instance ${db.name}: AutoMinorVersionUpgrade`,
      db.autoMinorVersionUpgrade,
      (on, origin) =>
        on
          ? pass(`DB instance ${db.name} upgrades minor versions automatically${byDefault(origin)}`)
          : fail(
              `DB instance ${db.name} has automatic minor version upgrades off${at(db.autoMinorVersionUpgrade.source)}`,
            ),
    );
  },
});
