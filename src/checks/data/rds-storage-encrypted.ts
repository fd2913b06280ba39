import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor, shown } from './wording.js';

export const rdsStorageEncrypted = defineCheck({
  id: 'rds-storage-encrypted',
  title: 'RDS DB instances encrypt their storage',
  severity: 'high',
  area: 'data.enc-at-rest',
  rationale:
    'An unencrypted DB instance keeps its data, automated backups, read replicas and snapshots in the clear on ' +
    'AWS storage. Encryption can only be chosen at creation: fixing it later means a snapshot copy and a restore.',
  remediation: {
    text: 'Set StorageEncrypted to true (with KmsKeyId for a customer managed key). For an existing instance, copy a snapshot with encryption and restore from it. For Aurora, set it on the DB cluster.',
    cloudformation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.medium
    AllocatedStorage: '50'
    StorageEncrypted: true
    KmsKeyId: !Ref DatabaseKey`,
  },
  frameworks: {
    cis: ['2.2.1'],
    fsbp: ['RDS.3'],
    nist80053: ['SC-28'],
    pci: ['3.5.1'],
    hipaa: ['164.312(a)(2)(iv)'],
    iso27001: ['A.8.24'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::RDS::DBInstance'],
  reads: ['clusterId', 'storageEncrypted'],
  evaluate: (db) => {
    const cluster = db.clusterId.known ? db.clusterId.value : null;
    // Aurora storage belongs to the cluster, so the cluster's setting is the one to name.
    const subject = cluster
      ? `DB instance ${db.name} (Aurora cluster ${shown(cluster)})`
      : `DB instance ${db.name}`;
    const setting = cluster ? "the cluster's StorageEncrypted" : 'StorageEncrypted';
    return judgeFor(subject, db.storageEncrypted, (encrypted, origin) =>
      encrypted
        ? pass(`${subject}: ${setting} is true`)
        : fail(`${subject}: ${setting} is false${byDefault(origin)}${at(db.storageEncrypted.source)}`),
    );
  },
});
