import type { PolicyDocument } from '../../../model/policy.js';
import type { DynamoDbTable, KmsKey, SnsTopic, SqsQueue } from '../../../model/resources/index.js';
import { awsDefault, explicit, type Value } from '../../../model/value.js';
import { asBoolean, asOneOf, asString, type ResourceReader } from '../resource-reader.js';
import { baseOf, readName, readPolicy, withBase } from './common.js';

function readTableKeyType(r: ResourceReader): DynamoDbTable['encryptionKeyType'] {
  const enabled = r.boolean(['SSESpecification', 'SSEEnabled'], false);
  if (!enabled.known) return enabled;
  // SSEEnabled false (the default) still encrypts, with a key AWS owns.
  if (!enabled.value) return { ...enabled, value: 'aws-owned' as const };
  const key = r.get(['SSESpecification', 'KMSMasterKeyId']);
  if (key === undefined || key === 'alias/aws/dynamodb')
    return explicit('aws-managed', r.source(['SSESpecification']));
  const keyValue = r.required(['SSESpecification', 'KMSMasterKeyId'], asString);
  return keyValue.known ? { ...keyValue, value: 'customer-managed' as const } : keyValue;
}

export function mapDynamoDbTable(r: ResourceReader): DynamoDbTable {
  const tableName = readName(r, 'TableName');
  return withBase<DynamoDbTable>(baseOf(r, tableName), {
    type: 'AWS::DynamoDB::Table',
    tableName,
    encryptionKeyType: readTableKeyType(r),
    kmsKeyId: r.string(['SSESpecification', 'KMSMasterKeyId'], null),
    pointInTimeRecovery: r.boolean(['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'], false),
    deletionProtection: r.boolean(['DeletionProtectionEnabled'], false),
    billingMode: r.read(['BillingMode'], asOneOf(['PROVISIONED', 'PAY_PER_REQUEST'] as const), 'PROVISIONED'),
  });
}

/** The key policy KMS applies when none is given: the account (through IAM) has full access. */
function defaultKeyPolicy(): PolicyDocument {
  return {
    version: '2012-10-17',
    statements: [
      {
        effect: 'Allow',
        principal: { AWS: ['arn:aws:iam::{{AWS::AccountId}}:root'] },
        action: ['kms:*'],
        resource: ['*'],
        index: 0,
      },
    ],
    problems: [],
  };
}

export function mapKmsKey(r: ResourceReader): KmsKey {
  const policy = readPolicy(r, ['KeyPolicy']);
  return withBase<KmsKey>(baseOf(r, awsDefault(r.logicalId, r.source())), {
    type: 'AWS::KMS::Key',
    keySpec: r.string(['KeySpec'], 'SYMMETRIC_DEFAULT'),
    keyUsage: r.string(['KeyUsage'], 'ENCRYPT_DECRYPT'),
    rotationEnabled: r.boolean(['EnableKeyRotation'], false),
    keyPolicy:
      policy.known && policy.value === null
        ? awsDefault(defaultKeyPolicy(), policy.source)
        : (policy as Value<PolicyDocument>),
    enabled: r.boolean(['Enabled'], true),
    pendingDeletion: awsDefault(false, r.source()),
    multiRegion: r.boolean(['MultiRegion'], false),
    managedBy: 'customer',
  });
}

export function mapSnsTopic(r: ResourceReader): SnsTopic {
  const topicName = readName(r, 'TopicName');
  const protocols: string[] = [];
  for (let i = 0; i < r.count(['Subscription']); i++) {
    const protocol = r.get(['Subscription', i, 'Protocol']);
    if (typeof protocol === 'string') protocols.push(protocol);
  }
  return withBase<SnsTopic>(baseOf(r, topicName), {
    type: 'AWS::SNS::Topic',
    topicName,
    kmsMasterKeyId: r.string(['KmsMasterKeyId'], null),
    // AWS::SNS::TopicPolicy and AWS::SNS::Subscription resources are folded in later.
    policy: awsDefault(null, r.source()),
    subscriptionProtocols: explicit(protocols, r.source(['Subscription'])),
  });
}

export function mapSqsQueue(r: ResourceReader): SqsQueue {
  const queueName = readName(r, 'QueueName');
  const kmsKey = r.string(['KmsMasterKeyId'], null);
  const hasKmsKey = !kmsKey.known || kmsKey.value !== null;
  const redrive = r.get(['RedrivePolicy']);
  const target =
    redrive && typeof redrive === 'object'
      ? (redrive as { deadLetterTargetArn?: unknown }).deadLetterTargetArn
      : undefined;
  return withBase<SqsQueue>(baseOf(r, queueName), {
    type: 'AWS::SQS::Queue',
    queueName,
    kmsMasterKeyId: kmsKey,
    // SSE-SQS is the default for new queues (since October 2022) unless a KMS key is chosen.
    sqsManagedSse: hasKmsKey
      ? r.read(['SqsManagedSseEnabled'], asBoolean, false)
      : r.boolean(['SqsManagedSseEnabled'], true),
    policy: awsDefault(null, r.source()),
    deadLetterTarget:
      typeof target === 'string'
        ? explicit(target, r.source(['RedrivePolicy']))
        : awsDefault(null, r.source()),
  });
}
