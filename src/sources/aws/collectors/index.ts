import type { Collector } from '../collector.js';
import { accessAnalyzerCollector } from './access-analyzer.js';
import { acmCollector } from './acm.js';
import { backupCollector } from './backup.js';
import { cloudwatchMonitoringCollector } from './cloudwatch-monitoring.js';
import { configCollector } from './config.js';
import { ec2AccountCollector } from './ec2-account.js';
import { guardDutyCollector } from './guardduty.js';
import { iamCollector } from './iam.js';
import { organizationsCollector } from './organizations.js';
import { rdsSnapshotsCollector } from './rds-snapshots.js';
import { s3Collector } from './s3.js';
import { securityHubCollector } from './securityhub.js';
import { ssmCollector } from './ssm.js';

/** Every collector; the planner runs only those whose output a selected check reads. */
export const ALL_COLLECTORS: readonly Collector[] = [
  iamCollector,
  s3Collector,
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
