import {
  DescribeSnapshotAttributeCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeImages,
  paginateDescribeSnapshots,
} from '@aws-sdk/client-ec2';
import pLimit from 'p-limit';
import { explicit, type SourceRef, unknown } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import { attempt, collectPages, PER_RESOURCE_CONCURRENCY } from './support.js';

const ENCRYPTION = 'ec2:GetEbsEncryptionByDefault';
const IMAGES = 'ec2:DescribeImages';
const SNAPSHOTS = 'ec2:DescribeSnapshots';
const SNAPSHOT_ATTRIBUTE = 'ec2:DescribeSnapshotAttribute';

async function readEncryptionByDefault(ctx: CollectContext, ec2: EC2Client): Promise<void> {
  const settings = ctx.builder.region(ctx.region);
  const src: SourceRef = { api: ENCRYPTION };
  const outcome = await attempt(ctx, ENCRYPTION, `EBS defaults in ${ctx.region}`, () =>
    ec2.send(new GetEbsEncryptionByDefaultCommand({})),
  );
  settings.ebsEncryptionByDefault = outcome.ok
    ? explicit(outcome.value.EbsEncryptionByDefault === true, src)
    : unknown(outcome.reason, src);
}

async function readPublicImages(ctx: CollectContext, ec2: EC2Client): Promise<void> {
  const settings = ctx.builder.region(ctx.region);
  const src: SourceRef = { api: IMAGES };
  // The is-public filter keeps the answer small; Public and OwnerId are checked again because an
  // endpoint that ignores a filter must not make someone else's public image look like ours.
  const outcome = await attempt(ctx, IMAGES, `AMIs in ${ctx.region}`, () =>
    collectPages(
      paginateDescribeImages(
        { client: ec2 },
        { Owners: ['self'], Filters: [{ Name: 'is-public', Values: ['true'] }] },
      ),
      (page) => page.Images,
    ),
  );
  settings.publicAmiIds = outcome.ok
    ? explicit(
        outcome.value
          .filter((image) => image.Public === true && image.OwnerId === ctx.accountId && image.ImageId)
          .map((image) => image.ImageId as string),
        src,
      )
    : unknown(outcome.reason, src);
}

/**
 * Public snapshots of this account. `RestorableByUserIds: ['all']` with `OwnerIds: ['self']` is
 * EC2's documented way to list exactly the snapshots an account has shared publicly, so a real
 * account with thousands of private snapshots costs one listing. Each candidate is confirmed with
 * its createVolumePermission attribute, and foreign owners are dropped, because an emulator that
 * ignores those parameters (moto does) would otherwise report every snapshot as public.
 */
async function readPublicSnapshots(ctx: CollectContext, ec2: EC2Client): Promise<void> {
  const settings = ctx.builder.region(ctx.region);
  const src: SourceRef = { api: `${SNAPSHOTS} + ${SNAPSHOT_ATTRIBUTE}` };
  const listed = await attempt(ctx, SNAPSHOTS, `EBS snapshots in ${ctx.region}`, () =>
    collectPages(
      paginateDescribeSnapshots(
        { client: ec2 },
        { OwnerIds: ['self'], RestorableByUserIds: ['all'], MaxResults: 1000 },
      ),
      (page) => page.Snapshots,
    ),
  );
  if (!listed.ok) {
    settings.publicSnapshotIds = unknown(listed.reason, src);
    return;
  }
  const candidates = listed.value
    .filter((s) => s.OwnerId === ctx.accountId && s.SnapshotId)
    .map((s) => s.SnapshotId as string);
  const limit = pLimit(PER_RESOURCE_CONCURRENCY);
  const checked = await Promise.all(
    candidates.map((SnapshotId) =>
      limit(() =>
        attempt(ctx, SNAPSHOT_ATTRIBUTE, SnapshotId, async () => {
          const answer = await ec2.send(
            new DescribeSnapshotAttributeCommand({ SnapshotId, Attribute: 'createVolumePermission' }),
          );
          return {
            SnapshotId,
            public: (answer.CreateVolumePermissions ?? []).some((p) => p.Group === 'all'),
          };
        }),
      ),
    ),
  );
  const failed = checked.find((c) => !c.ok);
  if (failed && !failed.ok) {
    // One unanswered snapshot may be the public one: the region's answer is unknown, not "none".
    settings.publicSnapshotIds = unknown(failed.reason, src);
    return;
  }
  settings.publicSnapshotIds = explicit(
    checked.flatMap((c) => (c.ok && c.value.public ? [c.value.SnapshotId] : [])),
    src,
  );
}

export const ec2AccountCollector: Collector = {
  id: 'ec2-account',
  scope: 'regional',
  produces: ['AWS::Account'],
  operations: {
    [ENCRYPTION]: { fields: ['ebsEncryptionByDefault'] },
    [IMAGES]: { fields: ['publicAmiIds'] },
    [SNAPSHOTS]: { fields: ['publicSnapshotIds'] },
    [SNAPSHOT_ATTRIBUTE]: { fields: ['publicSnapshotIds'] },
  },
  async collect(ctx) {
    const wants = (field: string) => ctx.wants('AWS::Account', field);
    const ec2 = ctx.session.client(EC2Client, ctx.region);
    await Promise.all([
      wants('ebsEncryptionByDefault') ? readEncryptionByDefault(ctx, ec2) : undefined,
      wants('publicAmiIds') ? readPublicImages(ctx, ec2) : undefined,
      wants('publicSnapshotIds') ? readPublicSnapshots(ctx, ec2) : undefined,
    ]);
  },
};
