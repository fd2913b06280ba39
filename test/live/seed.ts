import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateDBClusterCommand, CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type SeededNetwork, seedNetwork } from './seed-ec2.js';
import { zipOneFile } from './zip.js';

/** What the scan must never reveal: the value of a Lambda environment variable. */
export const SECRET_MARKER = 'whoowns-secret-marker-7f3a9c';

export interface SeededAccount extends SeededNetwork {
  rotatingKeyId: string;
  staticKeyId: string;
}

/** Seeds a small account in us-east-1 with one good and one bad example of each resource type. */
export async function seedAccount(endpoint: string): Promise<SeededAccount> {
  const config = {
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  const network = await seedNetwork(config);
  const { subnetA, subnetB, plainVpcId } = network;

  const rds = new RDSClient(config);
  const db = {
    Engine: 'postgres',
    DBInstanceClass: 'db.t3.micro',
    MasterUsername: 'admin',
    AllocatedStorage: 20,
  };
  await rds.send(
    new CreateDBInstanceCommand({
      ...db,
      DBInstanceIdentifier: 'public-db',
      MasterUserPassword: 'not-a-secret-1',
      PubliclyAccessible: true,
      StorageEncrypted: false,
      BackupRetentionPeriod: 0,
    }),
  );
  await rds.send(
    new CreateDBInstanceCommand({
      ...db,
      DBInstanceIdentifier: 'private-db',
      MasterUserPassword: 'not-a-secret-2',
      PubliclyAccessible: false,
      StorageEncrypted: true,
      MultiAZ: true,
      DeletionProtection: true,
      BackupRetentionPeriod: 7,
    }),
  );

  // Aurora: storage, backup and deletion settings live on the cluster, not the instance.
  await rds.send(
    new CreateDBClusterCommand({
      DBClusterIdentifier: 'aurora-prod',
      Engine: 'aurora-postgresql',
      MasterUsername: 'admin',
      MasterUserPassword: 'not-a-secret-3',
      StorageEncrypted: true,
      BackupRetentionPeriod: 14,
    }),
  );
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'aurora-prod-1',
      DBClusterIdentifier: 'aurora-prod',
      Engine: 'aurora-postgresql',
      DBInstanceClass: 'db.r6g.large',
      PubliclyAccessible: false,
    }),
  );

  const iam = new IAMClient(config);
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: 'lambda-exec',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    }),
  );
  const lambda = new LambdaClient(config);
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'old-runtime',
      Runtime: 'python3.7',
      Role: role.Role?.Arn ?? '',
      Handler: 'index.handler',
      Code: { ZipFile: zipOneFile('index.py', 'def handler(event, context):\n    return 1\n') },
      Environment: { Variables: { API_TOKEN: SECRET_MARKER } },
    }),
  );
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: 'old-runtime',
      StatementId: 's3-invoke',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: 'arn:aws:s3:::whoowns-logs',
      SourceAccount: '123456789012',
    }),
  );

  const dynamodb = new DynamoDBClient(config);
  const kms = new KMSClient(config);
  const rotatingKeyId =
    (await kms.send(new CreateKeyCommand({ Description: 'rotating' }))).KeyMetadata?.KeyId ?? '';
  await kms.send(new EnableKeyRotationCommand({ KeyId: rotatingKeyId }));
  const staticKeyId =
    (await kms.send(new CreateKeyCommand({ Description: 'static' }))).KeyMetadata?.KeyId ?? '';
  const table = {
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }],
    BillingMode: 'PAY_PER_REQUEST' as const,
  };
  await dynamodb.send(
    new CreateTableCommand({
      ...table,
      TableName: 'orders',
      SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: rotatingKeyId },
    }),
  );
  await dynamodb.send(new CreateTableCommand({ ...table, TableName: 'sessions' }));
  await dynamodb.send(
    new UpdateContinuousBackupsCommand({
      TableName: 'orders',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    }),
  );

  const cloudtrail = new CloudTrailClient(config);
  await cloudtrail.send(
    new CreateTrailCommand({
      Name: 'main-trail',
      S3BucketName: 'whoowns-logs',
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
    }),
  );
  await cloudtrail.send(new StartLoggingCommand({ Name: 'main-trail' }));

  const elb = new ElasticLoadBalancingV2Client(config);
  const lb = await elb.send(
    new CreateLoadBalancerCommand({ Name: 'web', Subnets: [subnetA, subnetB], Type: 'application' }),
  );
  const tg = await elb.send(
    new CreateTargetGroupCommand({ Name: 'web-targets', Protocol: 'HTTP', Port: 80, VpcId: plainVpcId }),
  );
  await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '',
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroups?.[0]?.TargetGroupArn ?? '' }],
    }),
  );

  const sns = new SNSClient(config);
  const alerts = await sns.send(
    new CreateTopicCommand({ Name: 'alerts', Attributes: { KmsMasterKeyId: 'alias/aws/sns' } }),
  );
  await sns.send(
    new SubscribeCommand({ TopicArn: alerts.TopicArn, Protocol: 'email', Endpoint: 'ops@example.com' }),
  );
  await sns.send(new CreateTopicCommand({ Name: 'plain' }));
  const sqs = new SQSClient(config);
  await sqs.send(
    new CreateQueueCommand({ QueueName: 'jobs', Attributes: { KmsMasterKeyId: 'alias/aws/sqs' } }),
  );
  await sqs.send(
    new CreateQueueCommand({ QueueName: 'plain-queue', Attributes: { SqsManagedSseEnabled: 'false' } }),
  );

  for (const client of [rds, iam, lambda, dynamodb, kms, cloudtrail, elb, sns, sqs]) client.destroy();
  return { ...network, rotatingKeyId, staticKeyId };
}
