import type { Value } from '../value.js';
import type { ResourceBase } from './base.js';

export interface RdsDbInstance extends ResourceBase {
  readonly type: 'AWS::RDS::DBInstance';
  engine: Value<string>;
  engineVersion: Value<string | null>;
  instanceClass: Value<string>;
  /** Aurora instances inherit storage, backup and deletion settings from their cluster. */
  clusterId: Value<string | null>;
  storageEncrypted: Value<boolean>;
  kmsKeyId: Value<string | null>;
  publiclyAccessible: Value<boolean>;
  multiAz: Value<boolean>;
  backupRetentionDays: Value<number>;
  deletionProtection: Value<boolean>;
  autoMinorVersionUpgrade: Value<boolean>;
  iamAuthentication: Value<boolean>;
  logExports: Value<string[]>;
  /** True for RDS Custom engines (`custom-oracle-ee`…), where the OS is the customer's again. */
  isCustom: boolean;
}
