import type { ResourceType } from '../../src/model/resources/index.js';
import type { ScanReport } from '../../src/report/scan-report.js';

/** The resource types the regional collectors fill. */
export const OURS: readonly ResourceType[] = [
  'AWS::EC2::Instance',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::VPC',
  'AWS::EC2::Volume',
  'AWS::RDS::DBInstance',
  'AWS::Lambda::Function',
  'AWS::DynamoDB::Table',
  'AWS::KMS::Key',
  'AWS::CloudTrail::Trail',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
];

/** The checks this file pins exact statuses for; a new check on these types gets its own line here. */
export const CHECKS = [
  'ec2-instance-imdsv2-required',
  'ec2-instance-in-private-subnet',
  'ec2-instance-no-public-ip',
  'ec2-instance-managed-by-ssm',
  'ebs-volume-encrypted',
  'ec2-security-group-admin-ports-open',
  'ec2-security-group-database-ports-open',
  'vpc-flow-logs-enabled',
  'rds-instance-not-public',
  'rds-storage-encrypted',
  'rds-backup-retention',
  'rds-deletion-protection',
  'rds-multi-az',
  'rds-auto-minor-version-upgrade',
  'lambda-runtime-supported',
  'dynamodb-table-customer-key',
  'dynamodb-point-in-time-recovery',
  'kms-key-rotation',
  'cloudtrail-multi-region',
  'cloudtrail-log-file-validation',
  'cloudtrail-kms-encryption',
  'elbv2-listener-https',
  'elbv2-listener-tls-policy',
  'elbv2-access-logs',
  'sns-topic-encrypted',
  'sqs-queue-encrypted',
];

/** `check resource-name` → statuses, for the resource types these collectors fill. */
export function statuses(r: ScanReport): Record<string, string> {
  const out: Record<string, string[]> = {};
  for (const result of r.results) {
    if (!OURS.includes(result.resource.type as ResourceType)) continue;
    const key = `${result.checkId} ${result.resource.name}`;
    out[key] = [...(out[key] ?? []), result.status].sort();
  }
  return Object.fromEntries(
    Object.entries(out)
      .sort()
      .map(([k, v]) => [k, v.join(',')]),
  );
}
