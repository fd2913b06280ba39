import type { PolicyDocument } from '../policy.js';
import type { Value } from '../value.js';
import type { ResourceBase } from './base.js';

export type S3EncryptionAlgorithm = 'AES256' | 'aws:kms' | 'aws:kms:dsse';

export interface S3DefaultEncryption {
  algorithm: S3EncryptionAlgorithm;
  /** KMS key id, ARN, alias or `{{LogicalId}}` token; absent for SSE-S3 or the AWS managed key. */
  kmsKeyId?: string;
  bucketKeyEnabled?: boolean;
}

/** Bucket-level Block Public Access; each flag on its own because each closes a different door. */
export interface S3PublicAccessBlock {
  blockPublicAcls: Value<boolean>;
  ignorePublicAcls: Value<boolean>;
  blockPublicPolicy: Value<boolean>;
  restrictPublicBuckets: Value<boolean>;
}

export interface S3Bucket extends ResourceBase {
  readonly type: 'AWS::S3::Bucket';
  bucketName: Value<string>;
  /** Since January 2023 every bucket has default encryption (SSE-S3 when nothing else is set). */
  encryption: Value<S3DefaultEncryption>;
  /** Since April 2023 new buckets have all four flags on unless the creator turns them off. */
  publicAccessBlock: S3PublicAccessBlock;
  /** Permissions that the bucket ACL grants to AllUsers or AuthenticatedUsers (empty: none). */
  aclPublicPermissions: Value<string[]>;
  /** BucketOwnerEnforced disables ACLs entirely (the default for new buckets since April 2023). */
  objectOwnership: Value<'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter'>;
  /** null: the bucket has no bucket policy. */
  policy: Value<PolicyDocument | null>;
  /** S3's own rating of the bucket policy (GetBucketPolicyStatus); null: the bucket has no policy. */
  policyIsPublic: Value<boolean | null>;
  versioning: Value<'Enabled' | 'Suspended' | 'Disabled'>;
  /** null: server access logging is off. */
  accessLogging: Value<{ targetBucket: string; targetPrefix?: string } | null>;
  objectLock: Value<boolean>;
  lifecycleRuleCount: Value<number>;
  replication: Value<boolean>;
}
