import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBSnapshots,
  RDSClient,
} from '@aws-sdk/client-rds';
import pLimit from 'p-limit';
import { explicit, type SourceRef, unknown } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import { attempt, collectPages, type Outcome, PER_RESOURCE_CONCURRENCY } from './support.js';

const SNAPSHOTS = 'rds:DescribeDBSnapshots';
const SNAPSHOT_ATTRIBUTES = 'rds:DescribeDBSnapshotAttributes';
const CLUSTER_SNAPSHOTS = 'rds:DescribeDBClusterSnapshots';
const CLUSTER_SNAPSHOT_ATTRIBUTES = 'rds:DescribeDBClusterSnapshotAttributes';

interface Attribute {
  AttributeName?: string | undefined;
  AttributeValues?: string[] | undefined;
}

/** A snapshot is public when its `restore` attribute lists `all`. */
function isPublic(attributes: readonly Attribute[] | undefined): boolean {
  return (attributes ?? []).some(
    (a) => a.AttributeName === 'restore' && (a.AttributeValues ?? []).includes('all'),
  );
}

function reasonOf(...outcomes: Outcome<unknown>[]): string {
  for (const o of outcomes) if (!o.ok) return o.reason;
  return 'no answer';
}

/**
 * Checks each snapshot's attributes; any unanswered one makes the region's answer unknown, since
 * that one may be the public snapshot.
 */
async function publicOf(
  ids: string[],
  check: (id: string) => Promise<Outcome<boolean>>,
): Promise<Outcome<string[]>> {
  const limit = pLimit(PER_RESOURCE_CONCURRENCY);
  const answers = await Promise.all(ids.map((id) => limit(async () => ({ id, outcome: await check(id) }))));
  const out: string[] = [];
  for (const { id, outcome } of answers) {
    if (!outcome.ok) return outcome;
    if (outcome.value) out.push(id);
  }
  return { ok: true, value: out };
}

/**
 * Public manual snapshots of this account, instance and cluster (FSBP RDS.1). Only manual
 * snapshots can be shared, so those are listed (SnapshotType `manual` returns the caller's own)
 * and each one's attributes read. SnapshotType `public` would be one call, but it lists every
 * public snapshot in the region from every account, which is far larger than an account's own.
 */
async function collectRegion(ctx: CollectContext): Promise<void> {
  const settings = ctx.builder.region(ctx.region);
  const rds = ctx.session.client(RDSClient, ctx.region);
  const src: SourceRef = { api: `${SNAPSHOTS} + ${SNAPSHOT_ATTRIBUTES} (and cluster snapshots)` };
  const where = `RDS snapshots in ${ctx.region}`;
  const [instances, clusters] = await Promise.all([
    attempt(ctx, SNAPSHOTS, where, () =>
      collectPages(
        paginateDescribeDBSnapshots({ client: rds }, { SnapshotType: 'manual' }),
        (p) => p.DBSnapshots,
      ),
    ),
    attempt(ctx, CLUSTER_SNAPSHOTS, where, () =>
      collectPages(
        paginateDescribeDBClusterSnapshots({ client: rds }, { SnapshotType: 'manual' }),
        (p) => p.DBClusterSnapshots,
      ),
    ),
  ]);
  if (!instances.ok || !clusters.ok) {
    settings.publicRdsSnapshotIds = unknown(reasonOf(instances, clusters), src);
    return;
  }
  const own = (arn: string | undefined) => !arn || arn.split(':')[4] === ctx.accountId;
  const instanceIds = instances.value
    .filter((s) => s.DBSnapshotIdentifier && own(s.DBSnapshotArn))
    .map((s) => s.DBSnapshotIdentifier as string);
  const clusterIds = clusters.value
    .filter((s) => s.DBClusterSnapshotIdentifier && own(s.DBClusterSnapshotArn))
    .map((s) => s.DBClusterSnapshotIdentifier as string);
  const [publicInstances, publicClusters] = await Promise.all([
    publicOf(instanceIds, (DBSnapshotIdentifier) =>
      attempt(ctx, SNAPSHOT_ATTRIBUTES, DBSnapshotIdentifier, async () =>
        isPublic(
          (await rds.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier })))
            .DBSnapshotAttributesResult?.DBSnapshotAttributes,
        ),
      ),
    ),
    publicOf(clusterIds, (DBClusterSnapshotIdentifier) =>
      attempt(ctx, CLUSTER_SNAPSHOT_ATTRIBUTES, DBClusterSnapshotIdentifier, async () =>
        isPublic(
          (await rds.send(new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier })))
            .DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes,
        ),
      ),
    ),
  ]);
  if (!publicInstances.ok || !publicClusters.ok) {
    settings.publicRdsSnapshotIds = unknown(reasonOf(publicInstances, publicClusters), src);
    return;
  }
  settings.publicRdsSnapshotIds = explicit([...publicInstances.value, ...publicClusters.value], src);
}

export const rdsSnapshotsCollector: Collector = {
  id: 'rds-snapshots',
  scope: 'regional',
  produces: ['AWS::Account'],
  operations: {
    [SNAPSHOTS]: { fields: ['publicRdsSnapshotIds'] },
    [SNAPSHOT_ATTRIBUTES]: { fields: ['publicRdsSnapshotIds'] },
    [CLUSTER_SNAPSHOTS]: { fields: ['publicRdsSnapshotIds'] },
    [CLUSTER_SNAPSHOT_ATTRIBUTES]: { fields: ['publicRdsSnapshotIds'] },
  },
  async collect(ctx) {
    if (ctx.wants('AWS::Account', 'publicRdsSnapshotIds')) await collectRegion(ctx);
  },
};
