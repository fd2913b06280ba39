import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import pLimit from 'p-limit';
import { parsePolicyDocument } from '../../../model/parse-policy.js';
import type { S3Bucket, S3EncryptionAlgorithm } from '../../../model/resources/index.js';
import { explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';

const PUBLIC_GRANTEES = [
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
];

/** S3 answers "not configured" with an error code; for these, the code itself is the answer. */
function errorName(error: unknown): string {
  return String(
    (error as { name?: string; Code?: string })?.name ?? (error as { Code?: string })?.Code ?? '',
  );
}

type Reader<T> = (s3: S3Client, bucket: string) => Promise<T>;

/** Thrown by a reader when S3 answered without the value (moto does): the value stays unknown. */
class EmptyAnswer extends Error {}

interface Field<K extends keyof S3Bucket> {
  field: K;
  api: string;
  read: Reader<S3Bucket[K] extends Value<infer T> ? T : never>;
  /** Error codes that mean "not configured", and the value that then applies. */
  absent?: { codes: string[]; value: S3Bucket[K] extends Value<infer T> ? T : never };
}

const FIELDS = [
  {
    field: 'encryption',
    api: 's3:GetBucketEncryption',
    read: async (s3, Bucket) => {
      const rule = (await s3.send(new GetBucketEncryptionCommand({ Bucket })))
        .ServerSideEncryptionConfiguration?.Rules?.[0];
      const d = rule?.ApplyServerSideEncryptionByDefault;
      return {
        algorithm: (d?.SSEAlgorithm ?? 'AES256') as S3EncryptionAlgorithm,
        ...(d?.KMSMasterKeyID ? { kmsKeyId: d.KMSMasterKeyID } : {}),
        ...(rule?.BucketKeyEnabled !== undefined ? { bucketKeyEnabled: rule.BucketKeyEnabled } : {}),
      };
    },
    // Buckets created before 2023 without a configuration are encrypted with SSE-S3 all the same.
    absent: { codes: ['ServerSideEncryptionConfigurationNotFoundError'], value: { algorithm: 'AES256' } },
  } satisfies Field<'encryption'>,
  {
    field: 'policy',
    api: 's3:GetBucketPolicy',
    read: async (s3, Bucket) =>
      parsePolicyDocument((await s3.send(new GetBucketPolicyCommand({ Bucket }))).Policy ?? ''),
    absent: { codes: ['NoSuchBucketPolicy'], value: null },
  } satisfies Field<'policy'>,
  {
    field: 'policyIsPublic',
    api: 's3:GetBucketPolicyStatus',
    read: async (s3, Bucket) => {
      const isPublic = (await s3.send(new GetBucketPolicyStatusCommand({ Bucket }))).PolicyStatus?.IsPublic;
      if (isPublic === undefined) throw new EmptyAnswer();
      return isPublic;
    },
    absent: { codes: ['NoSuchBucketPolicy'], value: null },
  } satisfies Field<'policyIsPublic'>,
  {
    field: 'aclPublicPermissions',
    api: 's3:GetBucketAcl',
    read: async (s3, Bucket) =>
      ((await s3.send(new GetBucketAclCommand({ Bucket }))).Grants ?? [])
        .filter((g) => g.Grantee?.URI && PUBLIC_GRANTEES.includes(g.Grantee.URI))
        .map((g) => g.Permission ?? 'UNKNOWN'),
  } satisfies Field<'aclPublicPermissions'>,
  {
    field: 'objectOwnership',
    api: 's3:GetBucketOwnershipControls',
    read: async (s3, Bucket) =>
      ((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls?.Rules?.[0]
        ?.ObjectOwnership ?? 'ObjectWriter') as
        'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter',
    // Buckets older than April 2023 may have no ownership controls: ACLs then work as ObjectWriter.
    absent: { codes: ['OwnershipControlsNotFoundError'], value: 'ObjectWriter' },
  } satisfies Field<'objectOwnership'>,
  {
    field: 'versioning',
    api: 's3:GetBucketVersioning',
    read: async (s3, Bucket) =>
      ((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status ?? 'Disabled') as
        'Enabled' | 'Suspended' | 'Disabled',
  } satisfies Field<'versioning'>,
  {
    field: 'accessLogging',
    api: 's3:GetBucketLogging',
    read: async (s3, Bucket) => {
      const enabled = (await s3.send(new GetBucketLoggingCommand({ Bucket }))).LoggingEnabled;
      return enabled?.TargetBucket
        ? {
            targetBucket: enabled.TargetBucket,
            ...(enabled.TargetPrefix ? { targetPrefix: enabled.TargetPrefix } : {}),
          }
        : null;
    },
  } satisfies Field<'accessLogging'>,
  {
    field: 'objectLock',
    api: 's3:GetObjectLockConfiguration',
    read: async (s3, Bucket) =>
      (await s3.send(new GetObjectLockConfigurationCommand({ Bucket }))).ObjectLockConfiguration
        ?.ObjectLockEnabled === 'Enabled',
    absent: { codes: ['ObjectLockConfigurationNotFoundError'], value: false },
  } satisfies Field<'objectLock'>,
  {
    field: 'lifecycleRuleCount',
    api: 's3:GetBucketLifecycleConfiguration',
    read: async (s3, Bucket) =>
      ((await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket }))).Rules ?? []).length,
    absent: { codes: ['NoSuchLifecycleConfiguration'], value: 0 },
  } satisfies Field<'lifecycleRuleCount'>,
  {
    field: 'replication',
    api: 's3:GetBucketReplication',
    read: async (s3, Bucket) =>
      ((await s3.send(new GetBucketReplicationCommand({ Bucket }))).ReplicationConfiguration?.Rules ?? [])
        .length > 0,
    absent: { codes: ['ReplicationConfigurationNotFoundError'], value: false },
  } satisfies Field<'replication'>,
] as const;

async function readField<T>(
  ctx: CollectContext,
  s3: S3Client,
  bucket: string,
  arn: string,
  spec: { api: string; read: Reader<T>; absent?: { codes: string[]; value: T } },
): Promise<Value<T>> {
  const src: SourceRef = { arn, api: spec.api };
  try {
    return explicit(await spec.read(s3, bucket), src);
  } catch (error) {
    if (spec.absent?.codes.includes(errorName(error))) return explicit(spec.absent.value, src);
    if (error instanceof EmptyAnswer) return unknown('empty answer', src);
    return unknown(ctx.builder.fail(spec.api, error, arn), src);
  }
}

async function readPublicAccessBlock(
  ctx: CollectContext,
  s3: S3Client,
  Bucket: string,
  arn: string,
): Promise<S3Bucket['publicAccessBlock']> {
  const src: SourceRef = { arn, api: 's3:GetPublicAccessBlock' };
  try {
    const c =
      (await s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration ?? {};
    return {
      blockPublicAcls: explicit(c.BlockPublicAcls ?? false, src),
      ignorePublicAcls: explicit(c.IgnorePublicAcls ?? false, src),
      blockPublicPolicy: explicit(c.BlockPublicPolicy ?? false, src),
      restrictPublicBuckets: explicit(c.RestrictPublicBuckets ?? false, src),
    };
  } catch (error) {
    // No bucket-level configuration: every flag is off for this bucket (the account level may still apply).
    const value =
      errorName(error) === 'NoSuchPublicAccessBlockConfiguration'
        ? explicit(false, src)
        : unknown(ctx.builder.fail('s3:GetPublicAccessBlock', error, arn), src);
    return {
      blockPublicAcls: value,
      ignorePublicAcls: value,
      blockPublicPolicy: value,
      restrictPublicBuckets: value,
    };
  }
}

async function readAccountPublicAccessBlock(ctx: CollectContext): Promise<void> {
  const src: SourceRef = { api: 's3:GetPublicAccessBlock (account)' };
  const target = ctx.builder.account.s3AccountPublicAccessBlock;
  try {
    const client = ctx.session.client(S3ControlClient, ctx.region);
    const c =
      (await client.send(new GetAccountPublicAccessBlockCommand({ AccountId: ctx.accountId })))
        .PublicAccessBlockConfiguration ?? {};
    target.blockPublicAcls = explicit(c.BlockPublicAcls ?? false, src);
    target.ignorePublicAcls = explicit(c.IgnorePublicAcls ?? false, src);
    target.blockPublicPolicy = explicit(c.BlockPublicPolicy ?? false, src);
    target.restrictPublicBuckets = explicit(c.RestrictPublicBuckets ?? false, src);
  } catch (error) {
    const value =
      errorName(error) === 'NoSuchPublicAccessBlockConfiguration'
        ? explicit(false, src)
        : unknown(ctx.builder.fail('s3:GetAccountPublicAccessBlock', error), src);
    target.blockPublicAcls =
      target.ignorePublicAcls =
      target.blockPublicPolicy =
      target.restrictPublicBuckets =
        value;
  }
}

const NOT_COLLECTED = 'not collected (no selected check needs it)';

export const s3Collector: Collector = {
  id: 's3',
  scope: 'global',
  produces: ['AWS::S3::Bucket', 'AWS::Account'],
  operations: {
    's3:ListBuckets': { fields: [], iam: ['s3:ListAllMyBuckets'] },
    's3:GetBucketLocation': { fields: [] },
    's3:GetBucketEncryption': { fields: ['encryption'], iam: ['s3:GetEncryptionConfiguration'] },
    's3:GetPublicAccessBlock': {
      fields: ['publicAccessBlock', 's3AccountPublicAccessBlock'],
      iam: ['s3:GetBucketPublicAccessBlock', 's3:GetAccountPublicAccessBlock'],
    },
    's3:GetBucketPolicy': { fields: ['policy'] },
    's3:GetBucketPolicyStatus': { fields: ['policyIsPublic'] },
    's3:GetBucketAcl': { fields: ['aclPublicPermissions'] },
    's3:GetBucketOwnershipControls': { fields: ['objectOwnership'] },
    's3:GetBucketVersioning': { fields: ['versioning'] },
    's3:GetBucketLogging': { fields: ['accessLogging'] },
    's3:GetObjectLockConfiguration': { fields: ['objectLock'], iam: ['s3:GetBucketObjectLockConfiguration'] },
    's3:GetBucketLifecycleConfiguration': {
      fields: ['lifecycleRuleCount'],
      iam: ['s3:GetLifecycleConfiguration'],
    },
    's3:GetBucketReplication': { fields: ['replication'], iam: ['s3:GetReplicationConfiguration'] },
  },
  async collect(ctx) {
    if (ctx.wants('AWS::Account', 's3AccountPublicAccessBlock')) await readAccountPublicAccessBlock(ctx);
    if (!ctx.wants('AWS::S3::Bucket')) return;
    const home = ctx.session.client(S3Client, ctx.region);
    const buckets: Array<{ name: string; region?: string }> = [];
    let token: string | undefined;
    do {
      const page = await home.send(new ListBucketsCommand({ MaxBuckets: 1000, ContinuationToken: token }));
      for (const b of page.Buckets ?? [])
        if (b.Name) buckets.push({ name: b.Name, ...(b.BucketRegion ? { region: b.BucketRegion } : {}) });
      token = page.ContinuationToken;
    } while (token);
    const limit = pLimit(10);
    await Promise.all(
      buckets.map((b) =>
        limit(async () => {
          const arn = `arn:${ctx.partition}:s3:::${b.name}`;
          let region = b.region;
          if (!region) {
            // Older API answers omit BucketRegion; GetBucketLocation says "" for us-east-1.
            try {
              region =
                (await home.send(new GetBucketLocationCommand({ Bucket: b.name }))).LocationConstraint ||
                'us-east-1';
            } catch (error) {
              ctx.builder.fail('s3:GetBucketLocation', error, arn);
              return;
            }
          }
          if (!ctx.regions.includes(region)) return;
          const s3 = ctx.session.client(S3Client, region);
          const src: SourceRef = { arn, api: 's3:ListBuckets' };
          const skipped = unknown(NOT_COLLECTED, src);
          const values: Partial<Record<string, Value<unknown>>> = {};
          await Promise.all(
            FIELDS.map(async (spec) => {
              values[spec.field] = ctx.wants('AWS::S3::Bucket', spec.field)
                ? await readField(ctx, s3, b.name, arn, spec as unknown as Parameters<typeof readField>[4])
                : skipped;
            }),
          );
          const publicAccessBlock = ctx.wants('AWS::S3::Bucket', 'publicAccessBlock')
            ? await readPublicAccessBlock(ctx, s3, b.name, arn)
            : {
                blockPublicAcls: skipped,
                ignorePublicAcls: skipped,
                blockPublicPolicy: skipped,
                restrictPublicBuckets: skipped,
              };
          ctx.builder.add({
            type: 'AWS::S3::Bucket',
            id: arn,
            arn,
            name: b.name,
            region,
            account: ctx.accountId,
            source: src,
            bucketName: explicit(b.name, src),
            publicAccessBlock,
            ...(values as Pick<S3Bucket, (typeof FIELDS)[number]['field']>),
          });
        }),
      ),
    );
  },
};
