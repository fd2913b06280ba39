import { BackupClient, CreateBackupPlanCommand } from '@aws-sdk/client-backup';
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  ConfigServiceClient,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  RegisterImageCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  IAMClient,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';

const ACCOUNT = '123456789012';

interface ClientConfig {
  region: string;
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** Ids the assertions look for. */
export interface SeededSettings {
  publicSnapshotId: string;
  publicImageId: string;
}

/** The CIS 4.3 and 4.4 pairs: one alarm notifies a subscriber, the other reaches nobody. */
async function seedMonitoring(config: ClientConfig): Promise<void> {
  const logGroupName = 'trail-events';
  await new S3Client({ ...config, forcePathStyle: true }).send(
    new CreateBucketCommand({ Bucket: 'trail-bucket' }),
  );
  await new CloudWatchLogsClient(config).send(new CreateLogGroupCommand({ logGroupName }));
  const trails = new CloudTrailClient(config);
  await trails.send(
    new CreateTrailCommand({
      Name: 'org-trail',
      S3BucketName: 'trail-bucket',
      IsMultiRegionTrail: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${logGroupName}:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/trail-to-logs`,
    }),
  );
  await trails.send(new StartLoggingCommand({ Name: 'org-trail' }));
  const logs = new CloudWatchLogsClient(config);
  const filter = (filterName: string, filterPattern: string) =>
    logs.send(
      new PutMetricFilterCommand({
        logGroupName,
        filterName,
        filterPattern,
        metricTransformations: [
          { metricName: filterName, metricNamespace: 'CISBenchmark', metricValue: '1' },
        ],
      }),
    );
  await filter(
    'RootUsage',
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  );
  await filter(
    'IamPolicyChanges',
    '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}',
  );
  const sns = new SNSClient(config);
  const topic = (await sns.send(new CreateTopicCommand({ Name: 'security-alerts' }))).TopicArn ?? '';
  const sqs = new SQSClient(config);
  const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'security-inbox' }))).QueueUrl ?? '';
  const queueArn =
    (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] })))
      .Attributes?.QueueArn ?? '';
  await sns.send(new SubscribeCommand({ TopicArn: topic, Protocol: 'sqs', Endpoint: queueArn }));
  const cloudwatch = new CloudWatchClient(config);
  const alarm = (AlarmName: string, MetricName: string, AlarmActions: string[]) =>
    cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName,
        MetricName,
        Namespace: 'CISBenchmark',
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions,
      }),
    );
  await alarm('root-usage', 'RootUsage', [topic]);
  await alarm('iam-policy-changes', 'IamPolicyChanges', []);
}

/** Seeds account-level settings with known gaps, as a careless team would leave them. */
export async function seedAccountSettings(endpoint: string): Promise<SeededSettings> {
  const config: ClientConfig = {
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  const iam = new IAMClient(config);
  await iam.send(new CreateUserCommand({ UserName: 'console-no-mfa' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'console-no-mfa', Password: 'Correct-Horse-9!' }));
  await iam.send(new CreateUserCommand({ UserName: 'two-keys' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'two-keys' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'two-keys' }));
  await iam.send(
    new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, PasswordReusePrevention: 3 }),
  );

  // us-east-1 only: eu-west-1 is the region someone forgot.
  const ec2 = new EC2Client(config);
  await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
  const volume = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 }));
  const publicSnapshotId =
    (await ec2.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId }))).SnapshotId ?? '';
  await ec2.send(
    new ModifySnapshotAttributeCommand({
      SnapshotId: publicSnapshotId,
      Attribute: 'createVolumePermission',
      OperationType: 'add',
      GroupNames: ['all'],
    }),
  );
  await ec2.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId, Description: 'private' }));
  const publicImageId =
    (await ec2.send(new RegisterImageCommand({ Name: 'golden', RootDeviceName: '/dev/xvda' }))).ImageId ?? '';
  await ec2.send(
    new ModifyImageAttributeCommand({
      ImageId: publicImageId,
      LaunchPermission: { Add: [{ Group: 'all' }] },
    }),
  );
  await ec2.send(
    new RunInstancesCommand({ ImageId: publicImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
  );

  await new GuardDutyClient(config).send(new CreateDetectorCommand({ Enable: true }));
  // A backup plan that nothing is assigned to (moto cannot list selections: UNKNOWN, not PASS).
  await new BackupClient(config).send(
    new CreateBackupPlanCommand({
      BackupPlan: {
        BackupPlanName: 'daily',
        Rules: [
          { RuleName: 'daily', TargetBackupVaultName: 'Default', ScheduleExpression: 'cron(0 5 * * ? *)' },
        ],
      },
    }),
  );

  await new S3Client({ ...config, forcePathStyle: true }).send(
    new CreateBucketCommand({ Bucket: 'config-history' }),
  );
  const configService = new ConfigServiceClient(config);
  await configService.send(
    new PutConfigurationRecorderCommand({
      ConfigurationRecorder: {
        name: 'default',
        roleARN: `arn:aws:iam::${ACCOUNT}:role/config`,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      },
    }),
  );
  await configService.send(
    new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'config-history' } }),
  );
  await configService.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
  await seedMonitoring(config);
  return { publicSnapshotId, publicImageId };
}
