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
  /**
   * When the user was created and its password last set (ISO): how old an unused password is when
   * it was never used. Optional because older saved inventories lack them.
   */
  userCreated?: string | null;
  passwordLastChanged?: string | null;
  accessKeys: Array<{ active: boolean; lastRotated: string | null; lastUsed: string | null }>;
}

/**
 * A metric filter on a trail's CloudWatch Logs log group and the alarms on its metric: the CIS 4.x
 * pairing. Filters without any alarm are listed too, so a finding can say what is missing.
 */
export interface MonitoredPattern {
  logGroupName: string;
  filterName: string;
  pattern: string;
  /** Alarms on the filter's metric that have at least one SNS action with a confirmed subscriber. */
  alarmsWithSubscribers: string[];
  /** Alarms on the metric that notify nobody (no SNS action, actions disabled, or no confirmed subscriber). */
  alarmsWithoutSubscribers: string[];
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
  /** Instances whose SSM patch compliance (ComplianceType Patch) is NON_COMPLIANT. */
  patchNonCompliantInstanceIds: Value<string[]>;
  /** Instances whose SSM patch compliance is COMPLIANT. */
  patchCompliantInstanceIds: Value<string[]>;
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
  /** AWS Backup vaults in the region. */
  backupVaultCount: Value<number>;
  /** Resource selections across the region's backup plans (0 when there is no plan). */
  backupSelectionCount: Value<number>;
  /** Resources AWS Backup has backed up at least once in the region. */
  backupProtectedResourceArns: Value<string[]>;
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
  /**
   * CloudWatch Logs log groups (ARNs) that a multi-region, logging trail recording all management
   * events delivers to: the only place CIS 4.x metric filters count. Empty: no such trail.
   */
  trailLogGroups: Value<string[]>;
  /** Metric filters on those log groups with their alarms, for the CIS 4.x monitoring recommendations. */
  monitoredPatterns: Value<MonitoredPattern[]>;
  regions: RegionalSettings[];
}
