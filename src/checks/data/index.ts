import type { Check } from '../check.js';
import { dynamodbTableCustomerKey } from './dynamodb-table-customer-key.js';
import { ebsVolumeEncrypted } from './ebs-volume-encrypted.js';
import { elbv2ListenerHttps } from './elbv2-listener-https.js';
import { elbv2ListenerTlsPolicy } from './elbv2-listener-tls-policy.js';
import { kmsKeyRotation } from './kms-key-rotation.js';
import { rdsStorageEncrypted } from './rds-storage-encrypted.js';
import { s3BucketKmsEncryption } from './s3-bucket-kms-encryption.js';
import { s3BucketNoPublicAccess } from './s3-bucket-no-public-access.js';
import { s3BucketPublicAccessBlock } from './s3-bucket-public-access-block.js';
import { s3BucketTlsOnly } from './s3-bucket-tls-only.js';
import { snsTopicEncrypted } from './sns-topic-encrypted.js';
import { sqsQueueEncrypted } from './sqs-queue-encrypted.js';

/** The data group's checks, in id order. */
export const dataChecks: Check[] = [
  dynamodbTableCustomerKey,
  ebsVolumeEncrypted,
  elbv2ListenerHttps,
  elbv2ListenerTlsPolicy,
  kmsKeyRotation,
  rdsStorageEncrypted,
  s3BucketKmsEncryption,
  s3BucketNoPublicAccess,
  s3BucketPublicAccessBlock,
  s3BucketTlsOnly,
  snsTopicEncrypted,
  sqsQueueEncrypted,
];
