import type { AwsAccount, RegionalSettings } from './resources/index.js';
import type { UnknownValue } from './value.js';

/** One region's settings with every value the same unknown (before collection, or in tests). */
export function unknownRegion(region: string, u: UnknownValue): RegionalSettings {
  return {
    region,
    ebsEncryptionByDefault: u,
    configRecorder: u,
    guardDutyEnabled: u,
    securityHubEnabled: u,
    accessAnalyzerActive: u,
    ssmManagedInstanceIds: u,
    patchNonCompliantInstanceIds: u,
    patchCompliantInstanceIds: u,
    publicAmiIds: u,
    publicSnapshotIds: u,
    publicRdsSnapshotIds: u,
    certificates: u,
    backupPlanCount: u,
    backupVaultCount: u,
    backupSelectionCount: u,
    backupProtectedResourceArns: u,
  };
}

/** The account-wide facts with every value the same unknown; regions are added separately. */
export function unknownAccountFacts(
  u: UnknownValue,
): Omit<AwsAccount, 'type' | 'id' | 'name' | 'arn' | 'account' | 'source' | 'accountId' | 'regions'> {
  return {
    rootMfaEnabled: u,
    rootAccessKeysPresent: u,
    rootLastUsed: u,
    passwordPolicy: u,
    credentialReport: u,
    supportRoleExists: u,
    s3AccountPublicAccessBlock: {
      blockPublicAcls: u,
      ignorePublicAcls: u,
      blockPublicPolicy: u,
      restrictPublicBuckets: u,
    },
    organization: u,
    trailLogGroups: u,
    monitoredPatterns: u,
  };
}
