import type { PolicyDocument } from '../policy.js';
import type { Value } from '../value.js';
import type { ResourceBase } from './base.js';

export interface DynamoDbTable extends ResourceBase {
  readonly type: 'AWS::DynamoDB::Table';
  tableName: Value<string>;
  /**
   * DynamoDB always encrypts at rest. `aws-owned` is the default key; `aws-managed` is
   * alias/aws/dynamodb; `customer-managed` is a key the customer controls.
   */
  encryptionKeyType: Value<'aws-owned' | 'aws-managed' | 'customer-managed'>;
  kmsKeyId: Value<string | null>;
  pointInTimeRecovery: Value<boolean>;
  deletionProtection: Value<boolean>;
  billingMode: Value<'PROVISIONED' | 'PAY_PER_REQUEST'>;
}

export interface KmsKey extends ResourceBase {
  readonly type: 'AWS::KMS::Key';
  keySpec: Value<string>;
  keyUsage: Value<string>;
  rotationEnabled: Value<boolean>;
  keyPolicy: Value<PolicyDocument>;
  enabled: Value<boolean>;
  pendingDeletion: Value<boolean>;
  multiRegion: Value<boolean>;
  /** AWS managed keys (alias/aws/...) are rotated by AWS and out of the customer's hands. */
  managedBy: 'customer' | 'aws';
}

export interface SnsTopic extends ResourceBase {
  readonly type: 'AWS::SNS::Topic';
  topicName: Value<string>;
  kmsMasterKeyId: Value<string | null>;
  policy: Value<PolicyDocument | null>;
  subscriptionProtocols: Value<string[]>;
}

export interface SqsQueue extends ResourceBase {
  readonly type: 'AWS::SQS::Queue';
  queueName: Value<string>;
  kmsMasterKeyId: Value<string | null>;
  /** SSE-SQS: on by default for queues created since October 2022 when no KMS key is set. */
  sqsManagedSse: Value<boolean>;
  policy: Value<PolicyDocument | null>;
  deadLetterTarget: Value<string | null>;
}
