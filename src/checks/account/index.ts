import type { Check } from '../check.js';
import { accountInOrganization } from './account-in-organization.js';
import { acmCertificatesNotExpiring } from './acm-certificates-not-expiring.js';
import { backupPlansExist } from './backup-plans-exist.js';
import { configRecorderAllRegions } from './config-recorder-all-regions.js';
import { ec2AmisNotPublic } from './ec2-amis-not-public.js';
import { ec2EbsEncryptionByDefault } from './ec2-ebs-encryption-by-default.js';
import { ec2EbsSnapshotsNotPublic } from './ec2-ebs-snapshots-not-public.js';
import { guardDutyEnabledAllRegions } from './guardduty-enabled-all-regions.js';
import { iamAccessAnalyzerAllRegions } from './iam-access-analyzer-all-regions.js';
import { iamAccessKeysRotated90Days } from './iam-access-keys-rotated-90-days.js';
import { iamCredentialsUnused45Days } from './iam-credentials-unused-45-days.js';
import { iamPasswordPolicyMinLength } from './iam-password-policy-min-length.js';
import { iamPasswordPolicyPreventsReuse } from './iam-password-policy-prevents-reuse.js';
import { iamRootMfaEnabled } from './iam-root-mfa-enabled.js';
import { iamRootNoAccessKeys } from './iam-root-no-access-keys.js';
import { iamRootNotUsedRecently } from './iam-root-not-used-recently.js';
import { iamSupportRoleExists } from './iam-support-role-exists.js';
import { iamUserConsoleMfa } from './iam-user-console-mfa.js';
import { iamUserSingleActiveAccessKey } from './iam-user-single-active-access-key.js';
import { monitoringChecks } from './monitoring-checks.js';
import { rdsSnapshotsNotPublic } from './rds-snapshots-not-public.js';
import { s3AccountPublicAccessBlock } from './s3-account-public-access-block.js';
import { securityHubEnabledAllRegions } from './securityhub-enabled-all-regions.js';
import { ssmPatchCompliance } from './ssm-patch-compliance.js';

/**
 * Checks on the account itself (AWS::Account): only a live scan produces one, so templates never
 * run them. In id order, then the CIS 4.x monitoring checks built from cis-monitoring.json.
 */
export const accountChecks: Check[] = [
  accountInOrganization,
  acmCertificatesNotExpiring,
  backupPlansExist,
  configRecorderAllRegions,
  ec2AmisNotPublic,
  ec2EbsEncryptionByDefault,
  ec2EbsSnapshotsNotPublic,
  guardDutyEnabledAllRegions,
  iamAccessAnalyzerAllRegions,
  iamAccessKeysRotated90Days,
  iamCredentialsUnused45Days,
  iamPasswordPolicyMinLength,
  iamPasswordPolicyPreventsReuse,
  iamRootMfaEnabled,
  iamRootNoAccessKeys,
  iamRootNotUsedRecently,
  iamSupportRoleExists,
  iamUserConsoleMfa,
  iamUserSingleActiveAccessKey,
  rdsSnapshotsNotPublic,
  s3AccountPublicAccessBlock,
  securityHubEnabledAllRegions,
  ssmPatchCompliance,
  ...monitoringChecks,
];
