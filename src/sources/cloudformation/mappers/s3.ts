import type { S3Bucket, S3DefaultEncryption } from '../../../model/resources/index.js';
import { awsDefault, explicit, unknown, type Value } from '../../../model/value.js';
import { Unresolved } from '../intrinsics.js';
import { asBoolean, asOneOf, type ResourceReader } from '../resource-reader.js';
import { baseOf, LIVE_ONLY, readName, withBase } from './common.js';

const CANNED_ACL_PUBLIC: Record<string, string[]> = {
  PublicRead: ['READ'],
  PublicReadWrite: ['READ', 'WRITE'],
  AuthenticatedRead: ['READ'],
};

function readEncryption(r: ResourceReader): Value<S3DefaultEncryption> {
  const path = ['BucketEncryption', 'ServerSideEncryptionConfiguration', 0];
  const rule = r.get(path);
  const src = r.source(path);
  // Since January 2023 S3 applies SSE-S3 to every bucket that sets nothing else.
  if (rule === undefined) return awsDefault({ algorithm: 'AES256' }, r.source(['BucketEncryption']));
  if (rule instanceof Unresolved) return unknown(`default encryption ${rule.reason}`, src);
  const algorithm = r.read(
    [...path, 'ServerSideEncryptionByDefault', 'SSEAlgorithm'],
    asOneOf(['AES256', 'aws:kms', 'aws:kms:dsse'] as const),
    'AES256',
  );
  if (!algorithm.known) return algorithm;
  const key = r.get([...path, 'ServerSideEncryptionByDefault', 'KMSMasterKeyID']);
  const bucketKey = r.get([...path, 'BucketKeyEnabled']);
  const value: S3DefaultEncryption = { algorithm: algorithm.value };
  if (typeof key === 'string') value.kmsKeyId = key;
  const bucketKeyEnabled = asBoolean(bucketKey);
  if (bucketKeyEnabled !== undefined) value.bucketKeyEnabled = bucketKeyEnabled;
  return explicit(value, src);
}

function readPublicAccessBlock(r: ResourceReader): S3Bucket['publicAccessBlock'] {
  const configured = r.has(['PublicAccessBlockConfiguration']);
  // New buckets get all four flags on (April 2023); but a configuration that is given replaces the
  // whole setting, so a flag it leaves out is off.
  const flag = (name: string) => r.boolean(['PublicAccessBlockConfiguration', name], !configured);
  return {
    blockPublicAcls: flag('BlockPublicAcls'),
    ignorePublicAcls: flag('IgnorePublicAcls'),
    blockPublicPolicy: flag('BlockPublicPolicy'),
    restrictPublicBuckets: flag('RestrictPublicBuckets'),
  };
}

/** Without DestinationBucketName, S3 writes the logs into the bucket itself. */
function loggingTarget(r: ResourceReader): string {
  const target = r.get(['LoggingConfiguration', 'DestinationBucketName']);
  return typeof target === 'string' ? target : 'the bucket itself';
}

export function mapS3Bucket(r: ResourceReader): S3Bucket {
  const bucketName = readName(r, 'BucketName');
  const acl = r.string(['AccessControl'], 'Private');
  const logging = r.get(['LoggingConfiguration']);
  return withBase<S3Bucket>(baseOf(r, bucketName), {
    type: 'AWS::S3::Bucket',
    bucketName,
    encryption: readEncryption(r),
    publicAccessBlock: readPublicAccessBlock(r),
    aclPublicPermissions: acl.known ? { ...acl, value: CANNED_ACL_PUBLIC[acl.value] ?? [] } : acl,
    objectOwnership: r.read(
      ['OwnershipControls', 'Rules', 0, 'ObjectOwnership'],
      asOneOf(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'] as const),
      'BucketOwnerEnforced',
    ),
    policy: awsDefault(null, r.source()),
    policyIsPublic: unknown(`S3's rating of the bucket policy is ${LIVE_ONLY}`, r.source()),
    versioning: r.read(
      ['VersioningConfiguration', 'Status'],
      asOneOf(['Enabled', 'Suspended'] as const),
      'Disabled' as const,
    ),
    accessLogging:
      logging === undefined
        ? awsDefault(null, r.source())
        : logging instanceof Unresolved
          ? unknown(`LoggingConfiguration ${logging.reason}`, r.source(['LoggingConfiguration']))
          : explicit({ targetBucket: loggingTarget(r) }, r.source(['LoggingConfiguration'])),
    objectLock: r.boolean(['ObjectLockEnabled'], false),
    lifecycleRuleCount: r.has(['LifecycleConfiguration'])
      ? explicit(r.count(['LifecycleConfiguration', 'Rules']), r.source(['LifecycleConfiguration']))
      : awsDefault(0, r.source()),
    replication: r.has(['ReplicationConfiguration'])
      ? explicit(true, r.source(['ReplicationConfiguration']))
      : awsDefault(false, r.source()),
  });
}
