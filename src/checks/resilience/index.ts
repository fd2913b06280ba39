import type { Check } from '../check.js';
import { dynamodbPointInTimeRecovery } from './dynamodb-point-in-time-recovery.js';
import { rdsBackupRetention } from './rds-backup-retention.js';
import { rdsDeletionProtection } from './rds-deletion-protection.js';
import { rdsMultiAz } from './rds-multi-az.js';
import { s3BucketVersioning } from './s3-bucket-versioning.js';

/** The resilience group's checks, in id order. */
// Check<T> is invariant in T (T appears in argument and array positions), so the widening needs a cast.
export const resilienceChecks: Check[] = [
  dynamodbPointInTimeRecovery,
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsMultiAz,
  s3BucketVersioning,
];
