import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from '../data/wording.js';
import { auroraClusterVerdict } from './rds-helpers.js';

/** Our bar, and Security Hub RDS.11's default parameter: a week covers an incident found after a weekend. */
export const MIN_BACKUP_DAYS = 7;

export const rdsBackupRetention = defineCheck({
  id: 'rds-backup-retention',
  title: `RDS DB instances keep automated backups for at least ${MIN_BACKUP_DAYS} days`,
  severity: 'medium',
  area: 'res.backup',
  rationale:
    'AWS runs the backups and point-in-time restore, but the customer decides how far back they reach. The ' +
    'default of one day (zero turns backups off) means corruption or a ransomware-style wipe noticed after a ' +
    `weekend cannot be undone. We ask for ${MIN_BACKUP_DAYS} days or more.`,
  remediation: {
    text: `Set BackupRetentionPeriod to ${MIN_BACKUP_DAYS} or more (up to 35), and use AWS Backup for longer or cross-region copies.`,
    cloudformation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.medium
    AllocatedStorage: '20'
    MasterUsername: app
    ManageMasterUserPassword: true
    BackupRetentionPeriod: 14`,
  },
  frameworks: {
    fsbp: ['RDS.11'],
    nist80053: ['CP-9', 'CP-10'],
    hipaa: ['164.308(a)(7)(ii)(A)'],
    iso27001: ['A.8.13'],
    soc2: ['A1.2'],
  },
  resourceTypes: ['AWS::RDS::DBInstance'],
  reads: ['backupRetentionDays', 'clusterId'],
  evaluate: (db) =>
    auroraClusterVerdict(db, 'backup retention') ??
    judgeFor(`DB instance ${db.name}: BackupRetentionPeriod`, db.backupRetentionDays, (days, origin) => {
      const where = `${byDefault(origin)}${at(db.backupRetentionDays.source)}`;
      if (days === 0) return fail(`DB instance ${db.name} has automated backups turned off${where}`);
      if (days < MIN_BACKUP_DAYS) {
        return fail(
          `DB instance ${db.name} keeps backups for ${days} day${days === 1 ? '' : 's'}, below ${MIN_BACKUP_DAYS}${where}`,
        );
      }
      return pass(`DB instance ${db.name} keeps backups for ${days} days`);
    }),
});
