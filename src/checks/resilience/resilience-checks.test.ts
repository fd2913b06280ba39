import { describe, expect, it } from 'vitest';
import type { DynamoDbTable, RdsDbInstance, S3Bucket } from '../../model/resources/index.js';
import { awsDefault, explicit, unknown } from '../../model/value.js';
import type { Verdict } from '../check.js';
import { runCheck } from '../test-support.js';
import { dynamodbPointInTimeRecovery } from './dynamodb-point-in-time-recovery.js';
import { rdsBackupRetention } from './rds-backup-retention.js';
import { rdsDeletionProtection } from './rds-deletion-protection.js';
import { rdsMultiAz } from './rds-multi-az.js';
import { s3BucketVersioning } from './s3-bucket-versioning.js';

const src = { file: 't.yaml', line: 3 };

const run = runCheck;
const status = (vs: Verdict[]) => vs.map((v) => v.status).join(',');

function db(over: Partial<RdsDbInstance> = {}): RdsDbInstance {
  return {
    type: 'AWS::RDS::DBInstance',
    id: 'Db',
    name: 'Db',
    source: src,
    clusterId: explicit(null, src),
    backupRetentionDays: awsDefault(1, src),
    multiAz: awsDefault(false, src),
    deletionProtection: awsDefault(false, src),
    ...over,
  } as RdsDbInstance;
}

describe('RDS resilience', () => {
  it('answers UNKNOWN for Aurora instances, whose cluster holds these settings', () => {
    const cluster = explicit('{{Ledger}}', src);
    const later = unknown('set on the DB cluster', src);
    const aurora = db({ clusterId: cluster, backupRetentionDays: later, deletionProtection: later });
    for (const check of [rdsBackupRetention, rdsMultiAz, rdsDeletionProtection]) {
      const [v] = run(check, aurora);
      expect(v?.status, check.id).toBe('UNKNOWN');
      expect(v?.message, check.id).toContain('Aurora cluster');
    }
  });

  it('holds backups to seven days, off at zero, and says when the one-day default applied', () => {
    const days = (n: number) => run(rdsBackupRetention, db({ backupRetentionDays: explicit(n, src) }));
    expect(days(0)[0]?.message).toContain('turned off');
    expect(status(days(6))).toBe('FAIL');
    expect(status(days(7))).toBe('PASS');
    expect(run(rdsBackupRetention, db())[0]?.message).toContain('not set');
  });

  it('fails single-AZ and unprotected instances by default', () => {
    expect(status(run(rdsMultiAz, db()))).toBe('FAIL');
    expect(status(run(rdsDeletionProtection, db()))).toBe('FAIL');
    expect(status(run(rdsDeletionProtection, db({ deletionProtection: explicit(true, src) })))).toBe('PASS');
  });
});

describe('S3 and DynamoDB', () => {
  it('fails suspended versioning', () => {
    const bucket = {
      type: 'AWS::S3::Bucket',
      id: 'B',
      name: 'B',
      source: src,
      versioning: explicit('Suspended', src),
    } as S3Bucket;
    expect(run(s3BucketVersioning, bucket)[0]?.message).toContain('versioning suspended');
  });

  it('answers UNKNOWN when point-in-time recovery depends on a parameter', () => {
    const later = unknown('parameter EnablePitr has no default', src);
    const table = {
      type: 'AWS::DynamoDB::Table',
      id: 'T',
      name: 'T',
      source: src,
      pointInTimeRecovery: later,
    } as DynamoDbTable;
    const [v] = run(dynamodbPointInTimeRecovery, table);
    expect(v?.status).toBe('UNKNOWN');
    expect(v?.message).toContain('EnablePitr');
  });
});
