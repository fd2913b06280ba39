import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  type KeyListEntry,
  type KeyMetadata,
  KMSClient,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import pLimit from 'p-limit';
import { parsePolicyDocument } from '../../../model/parse-policy.js';
import type { KmsKey } from '../../../model/resources/index.js';
import { awsDefault, explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import {
  attempt,
  collectPages,
  errorName,
  type KmsAliasIndex,
  kmsAliases,
  notCollected,
  type Outcome,
  PER_RESOURCE_CONCURRENCY,
  regionalArn,
} from './support.js';

const TYPE = 'AWS::KMS::Key';
const DESCRIBE = 'kms:DescribeKey';
const ROTATION = 'kms:GetKeyRotationStatus';
const POLICY = 'kms:GetKeyPolicy';

/** KeySpec replaced CustomerMasterKeySpec; either may be reported, and both default to symmetric. */
const specOf = (m: KeyMetadata) => String(m.KeySpec ?? m.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT');
const usageOf = (m: KeyMetadata) => String(m.KeyUsage ?? 'ENCRYPT_DECRYPT');

async function rotationOf(
  ctx: CollectContext,
  kms: KMSClient,
  meta: KeyMetadata,
  arn: string,
  managedBy: KmsKey['managedBy'],
): Promise<Value<boolean>> {
  const src: SourceRef = { arn, api: ROTATION };
  if (!ctx.wants(TYPE, 'rotationEnabled')) return notCollected(src);
  // AWS rotates its managed keys every year; the customer cannot change that.
  if (managedBy === 'aws') return awsDefault(true, src);
  // Asymmetric and HMAC keys cannot rotate automatically, and a key being deleted is never used again.
  if (specOf(meta) !== 'SYMMETRIC_DEFAULT' || usageOf(meta) !== 'ENCRYPT_DECRYPT')
    return explicit(false, src);
  if (meta.KeyState === 'PendingDeletion' || meta.KeyState === 'PendingReplicaDeletion')
    return unknown('the key is pending deletion', src);
  try {
    const out = await kms.send(new GetKeyRotationStatusCommand({ KeyId: arn }));
    return explicit(out.KeyRotationEnabled ?? false, src);
  } catch (error) {
    // Keys with imported or external key material do not support automatic rotation.
    if (errorName(error) === 'UnsupportedOperationException')
      return unknown(`automatic rotation is not supported for key material of origin ${meta.Origin}`, src);
    return unknown(ctx.builder.fail(ROTATION, error, arn), src);
  }
}

async function keyOf(
  ctx: CollectContext,
  kms: KMSClient,
  entry: KeyListEntry,
  aliases: Outcome<KmsAliasIndex>,
): Promise<KmsKey> {
  const keyId = entry.KeyId ?? '';
  const arn = entry.KeyArn ?? regionalArn(ctx, 'kms', `key/${keyId}`);
  const names = aliases.ok ? (aliases.value.byKeyId.get(keyId) ?? []) : [];
  const src: SourceRef = { arn, api: DESCRIBE };
  const described = await attempt(ctx, DESCRIBE, arn, async () => {
    const meta = (await kms.send(new DescribeKeyCommand({ KeyId: arn }))).KeyMetadata;
    if (!meta) throw new Error('DescribeKey returned no key metadata');
    return meta;
  });
  const policySrc: SourceRef = { arn, api: POLICY };
  const keyPolicy: Value<KmsKey['keyPolicy'] extends Value<infer T> ? T : never> = !ctx.wants(
    TYPE,
    'keyPolicy',
  )
    ? notCollected(policySrc)
    : await attempt(ctx, POLICY, arn, async () => {
        const out = await kms.send(new GetKeyPolicyCommand({ KeyId: arn, PolicyName: 'default' }));
        return parsePolicyDocument(out.Policy ?? '');
      }).then((o) => (o.ok ? explicit(o.value, policySrc) : unknown(o.reason, policySrc)));
  const fromMeta = <T>(pick: (m: KeyMetadata) => T): Value<T> =>
    described.ok ? explicit(pick(described.value), src) : unknown(described.reason, src);
  // Aliases under alias/aws/ are reserved for AWS managed keys, so they settle it even where
  // DescribeKey could not be read (or, as in some emulators, reports CUSTOMER for such a key).
  const managedBy =
    (described.ok && described.value.KeyManager === 'AWS') || names.some((n) => n.startsWith('alias/aws/'))
      ? 'aws'
      : 'customer';
  return {
    type: TYPE,
    id: arn,
    arn,
    name: names.find((n) => !n.startsWith('alias/aws/')) ?? names[0] ?? keyId,
    region: ctx.region,
    account: ctx.accountId,
    source: src,
    keySpec: fromMeta(specOf),
    keyUsage: fromMeta(usageOf),
    rotationEnabled: described.ok
      ? await rotationOf(ctx, kms, described.value, arn, managedBy)
      : unknown(described.reason, { arn, api: ROTATION }),
    keyPolicy,
    enabled: fromMeta((m) => m.KeyState === 'Enabled'),
    pendingDeletion: fromMeta(
      (m) => m.KeyState === 'PendingDeletion' || m.KeyState === 'PendingReplicaDeletion',
    ),
    multiRegion: fromMeta((m) => m.MultiRegion ?? false),
    managedBy,
  };
}

export const kmsCollector: Collector = {
  id: 'kms',
  scope: 'regional',
  produces: [TYPE],
  operations: {
    'kms:ListKeys': { fields: [] },
    // Alias names make keys recognisable in reports; the same listing serves DynamoDB.
    'kms:ListAliases': { fields: [] },
    'kms:DescribeKey': { fields: [] },
    'kms:GetKeyRotationStatus': { fields: ['rotationEnabled'] },
    'kms:GetKeyPolicy': { fields: ['keyPolicy'] },
  },
  async collect(ctx) {
    if (!ctx.wants(TYPE)) return;
    const kms = ctx.session.client(KMSClient, ctx.region);
    const [listed, aliases] = await Promise.all([
      attempt(ctx, 'kms:ListKeys', `keys in ${ctx.region}`, () =>
        collectPages(paginateListKeys({ client: kms }, {}), (p) => p.Keys),
      ),
      kmsAliases(ctx),
    ]);
    if (!listed.ok) return;
    // KMS has no batch describe: DescribeKey (and rotation, policy) per key.
    const limit = pLimit(PER_RESOURCE_CONCURRENCY);
    const keys = await Promise.all(listed.value.map((entry) => limit(() => keyOf(ctx, kms, entry, aliases))));
    for (const key of keys) ctx.builder.add(key);
  },
};
