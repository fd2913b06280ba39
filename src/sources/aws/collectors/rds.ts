import {
  type DBCluster,
  type DBInstance,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  RDSClient,
} from '@aws-sdk/client-rds';
import type { RdsDbInstance } from '../../../model/resources/index.js';
import { explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { Collector } from '../collector.js';
import { attempt, collectPages, NOT_COLLECTED, type Outcome, regionalArn } from './support.js';

const INSTANCES = 'rds:DescribeDBInstances';
const CLUSTERS = 'rds:DescribeDBClusters';

/** Settings an Aurora instance takes from its cluster rather than from itself. */
const CLUSTER_FIELDS = [
  'storageEncrypted',
  'kmsKeyId',
  'backupRetentionDays',
  'deletionProtection',
  'iamAuthentication',
  'logExports',
] as const;

type ClusterField = (typeof CLUSTER_FIELDS)[number];
type Picked = { [K in ClusterField]: RdsDbInstance[K] extends Value<infer T> ? T : never };

function pick(from: DBInstance | DBCluster): Picked {
  return {
    storageEncrypted: from.StorageEncrypted ?? false,
    kmsKeyId: from.KmsKeyId ?? null,
    backupRetentionDays: from.BackupRetentionPeriod ?? 0,
    deletionProtection: from.DeletionProtection ?? false,
    iamAuthentication: from.IAMDatabaseAuthenticationEnabled ?? false,
    logExports: from.EnabledCloudwatchLogsExports ?? [],
  };
}

function clusterSettings(
  instance: DBInstance,
  clusters: Outcome<Map<string, DBCluster>> | undefined,
  src: SourceRef,
): { [K in ClusterField]: RdsDbInstance[K] } {
  const clusterId = instance.DBClusterIdentifier;
  const own = pick(instance);
  const out = {} as Record<ClusterField, Value<unknown>>;
  let from: Picked | string;
  if (!clusterId) from = own;
  else if (!clusters) from = NOT_COLLECTED;
  else if (!clusters.ok) from = clusters.reason;
  else {
    const cluster = clusters.value.get(clusterId);
    from = cluster ? pick(cluster) : `DB cluster ${clusterId} was not returned by DescribeDBClusters`;
  }
  const clusterSrc: SourceRef = { arn: src.arn as string, api: CLUSTERS };
  for (const field of CLUSTER_FIELDS) {
    out[field] =
      typeof from === 'string'
        ? unknown(from, clusterSrc)
        : explicit(from[field], clusterId ? clusterSrc : src);
  }
  return out as { [K in ClusterField]: RdsDbInstance[K] };
}

export const rdsCollector: Collector = {
  id: 'rds',
  scope: 'regional',
  produces: ['AWS::RDS::DBInstance'],
  operations: {
    'rds:DescribeDBInstances': { fields: [] },
    'rds:DescribeDBClusters': { fields: CLUSTER_FIELDS },
  },
  async collect(ctx) {
    if (!ctx.wants('AWS::RDS::DBInstance')) return;
    const rds = ctx.session.client(RDSClient, ctx.region);
    const listed = await attempt(ctx, INSTANCES, `DB instances in ${ctx.region}`, () =>
      collectPages(paginateDescribeDBInstances({ client: rds }, {}), (p) => p.DBInstances),
    );
    if (!listed.ok) return;
    // One listing of the region's clusters serves every Aurora instance in it.
    const needsClusters =
      listed.value.some((i) => i.DBClusterIdentifier) &&
      CLUSTER_FIELDS.some((f) => ctx.wants('AWS::RDS::DBInstance', f));
    const clusters: Outcome<Map<string, DBCluster>> | undefined = needsClusters
      ? await attempt(ctx, CLUSTERS, `DB clusters in ${ctx.region}`, async () => {
          const list = await collectPages(
            paginateDescribeDBClusters({ client: rds }, {}),
            (p) => p.DBClusters,
          );
          return new Map(list.map((c) => [c.DBClusterIdentifier ?? '', c]));
        })
      : undefined;
    for (const instance of listed.value) {
      const name = instance.DBInstanceIdentifier ?? '';
      const arn = instance.DBInstanceArn ?? regionalArn(ctx, 'rds', `db:${name}`);
      const src: SourceRef = { arn, api: INSTANCES };
      const engine = instance.Engine ?? '';
      const clusterId = instance.DBClusterIdentifier ?? null;
      ctx.builder.add({
        type: 'AWS::RDS::DBInstance',
        id: arn,
        arn,
        name,
        region: ctx.region,
        account: ctx.accountId,
        source: src,
        ...(instance.TagList?.length
          ? { tags: Object.fromEntries(instance.TagList.map((t) => [t.Key ?? '', t.Value ?? ''])) }
          : {}),
        engine: explicit(engine, src),
        engineVersion: explicit(instance.EngineVersion ?? null, src),
        instanceClass: explicit(instance.DBInstanceClass ?? '', src),
        clusterId: explicit(clusterId, src),
        publiclyAccessible: explicit(instance.PubliclyAccessible ?? false, src),
        // Same wording as the template source: Aurora's MultiAZ flag says nothing about the cluster.
        multiAz: clusterId
          ? unknown('Aurora availability comes from replicas in the cluster, not the MultiAZ flag', src)
          : explicit(instance.MultiAZ ?? false, src),
        autoMinorVersionUpgrade: explicit(instance.AutoMinorVersionUpgrade ?? true, src),
        isCustom: engine.startsWith('custom-'),
        ...clusterSettings(instance, clusters, src),
      });
    }
  },
};
