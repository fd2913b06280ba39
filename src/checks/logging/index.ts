import type { Check } from '../check.js';
import { cloudtrailKmsEncryption } from './cloudtrail-kms-encryption.js';
import { cloudtrailLogFileValidation } from './cloudtrail-log-file-validation.js';
import { cloudtrailMultiRegion } from './cloudtrail-multi-region.js';
import { elbv2AccessLogs } from './elbv2-access-logs.js';
import { s3BucketAccessLogging } from './s3-bucket-access-logging.js';
import { vpcFlowLogsEnabled } from './vpc-flow-logs-enabled.js';

/** The logging group's checks, in id order. */
// Check<T> is invariant in T (T appears in argument and array positions), so the widening needs a cast.
export const loggingChecks: Check[] = [
  cloudtrailKmsEncryption,
  cloudtrailLogFileValidation,
  cloudtrailMultiRegion,
  elbv2AccessLogs,
  s3BucketAccessLogging,
  vpcFlowLogsEnabled,
];
