import type { Value } from '../value.js';
import type { ResourceBase } from './base.js';

export interface PasswordPolicy {
  minimumLength: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercase: boolean;
  requireLowercase: boolean;
  /** Number of previous passwords that cannot be reused (0: reuse allowed). */
  reusePrevention: number;
  maxAgeDays: number | null;
}

/** One row of the IAM credential report (the root user's row is `<root_account>`). */
export interface CredentialReportRow {
  user: string;
  arn: string;
  passwordEnabled: boolean;
  passwordLastUsed: string | null;
  mfaActive: boolean;
  accessKeys: Array<{ active: boolean; lastRotated: string | null; lastUsed: string | null }>;
}

/** A CIS 4.x pairing: a metric filter on the CloudTrail log group with an alarm that notifies someone. */
export interface MonitoredPattern {
  logGroupName: string;
  filterName: string;
  pattern: string;
  /** Alarms on the filter's metric that have at least one SNS action with a subscriber. */
  alarmsWithSubscribers: string[];
}

/** Settings that exist once per region. */
export interface RegionalSettings {
  region: string;
  ebsEncryptionByDefault: Value<boolean>;
  /** null: no recorder. */
  configRecorder: Value<{
    recording: boolean;
    allSupported: boolean;
    includeGlobalResources: boolean;
  } | null>;
  guardDutyEnabled: Value<boolean>;
  securityHubEnabled: Value<boolean>;
  accessAnalyzerActive: Value<boolean>;
  /** Instance ids that SSM reports as managed (online or not). */
  ssmManagedInstanceIds: Value<string[]>;
  /** Public AMIs owned by this account. */
  publicAmiIds: Value<string[]>;
  /** EBS snapshots owned by this account that anyone can restore. */
  publicSnapshotIds: Value<string[]>;
  /** RDS snapshots (instance and cluster) owned by this account that are public. */
  publicRdsSnapshotIds: Value<string[]>;
  /** ACM certificates with their expiry (ISO) and whether they are in use. */
  certificates: Value<Array<{ arn: string; domain: string; notAfter: string | null; inUse: boolean }>>;
  /** AWS Backup plans in the region. */
  backupPlanCount: Value<number>;
}

/**
 * The account itself: what only a live account can show. Templates never produce it, so the
 * account-level checks simply do not run on them.
 */
export interface AwsAccount extends ResourceBase {
  readonly type: 'AWS::Account';
  accountId: string;
  rootMfaEnabled: Value<boolean>;
  rootAccessKeysPresent: Value<boolean>;
  /** Most recent use of the root user's password or keys (ISO), null if never. */
  rootLastUsed: Value<string | null>;
  /** null: no password policy (the AWS default policy applies). */
  passwordPolicy: Value<PasswordPolicy | null>;
  credentialReport: Value<CredentialReportRow[]>;
  /** Whether some role has the AWSSupportAccess managed policy attached. */
  supportRoleExists: Value<boolean>;
  s3AccountPublicAccessBlock: {
    blockPublicAcls: Value<boolean>;
    ignorePublicAcls: Value<boolean>;
    blockPublicPolicy: Value<boolean>;
    restrictPublicBuckets: Value<boolean>;
  };
  /** null: not in an organization. */
  organization: Value<{ id: string; managementAccountId: string } | null>;
  /** Metric filters with alarms, for the CIS 4.x monitoring recommendations. */
  monitoredPatterns: Value<MonitoredPattern[]>;
  regions: RegionalSettings[];
}
