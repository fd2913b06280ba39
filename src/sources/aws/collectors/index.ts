import type { Collector } from '../collector.js';
import { organizationPoliciesCollector } from './organization-policies.js';
import { ecrCollector, secretsManagerCollector } from './secrets-ecr.js';
import { accessAnalyzerCollector } from './access-analyzer.js';
import { acmCollector } from './acm.js';
import { backupCollector } from './backup.js';
import { cloudtrailCollector } from './cloudtrail.js';
import { cloudwatchMonitoringCollector } from './cloudwatch-monitoring.js';
import { configCollector } from './config.js';
import { dynamodbCollector } from './dynamodb.js';
import { ebsVolumesCollector, ec2InstancesCollector } from './ec2.js';
import { ec2AccountCollector } from './ec2-account.js';
import { securityGroupsCollector, vpcsCollector } from './ec2-network.js';
import { elbv2Collector } from './elbv2.js';
import { guardDutyCollector } from './guardduty.js';
import { iamCollector } from './iam.js';
import { kmsCollector } from './kms.js';
import { lambdaCollector } from './lambda.js';
import { organizationsCollector } from './organizations.js';
import { rdsCollector } from './rds.js';
import { rdsSnapshotsCollector } from './rds-snapshots.js';
import { s3Collector } from './s3.js';
import { securityHubCollector } from './securityhub.js';
import { snsCollector } from './sns.js';
import { sqsCollector } from './sqs.js';
import { ssmCollector } from './ssm.js';

/** Every collector; the planner runs only those whose output a selected check reads. */
export const ALL_COLLECTORS: readonly Collector[] = [
  iamCollector,
  organizationPoliciesCollector,
  s3Collector,
  // Regional resources.
  ec2InstancesCollector,
  ebsVolumesCollector,
  securityGroupsCollector,
  vpcsCollector,
  rdsCollector,
  lambdaCollector,
  dynamodbCollector,
  kmsCollector,
  cloudtrailCollector,
  elbv2Collector,
  snsCollector,
  sqsCollector,
  secretsManagerCollector,
  ecrCollector,
  // Account-level settings (AWS::Account).
  ec2AccountCollector,
  configCollector,
  guardDutyCollector,
  securityHubCollector,
  accessAnalyzerCollector,
  ssmCollector,
  rdsSnapshotsCollector,
  acmCollector,
  backupCollector,
  organizationsCollector,
  cloudwatchMonitoringCollector,
];
