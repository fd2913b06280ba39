import type { RdsDbInstance } from '../../../model/resources/index.js';
import { awsDefault, unknown, type Value } from '../../../model/value.js';
import {
  asString,
  asStringList,
  logicalIdOfToken,
  readerOf,
  type ResourceReader,
} from '../resource-reader.js';
import { baseOf, withBase } from './common.js';

function resourceOfType(
  r: ResourceReader,
  logicalId: string | undefined,
  type: string,
): ResourceReader | undefined {
  if (!logicalId || r.ctx.body.Resources[logicalId]?.Type !== type) return undefined;
  return readerOf(r.ctx, logicalId, type);
}

/** Whether the VPC (a template logical id) has an internet gateway attached in this template. */
function vpcHasInternetGateway(r: ResourceReader, vpcId: string): boolean {
  return Object.entries(r.ctx.body.Resources).some(([id, resource]) => {
    if (resource?.Type !== 'AWS::EC2::VPCGatewayAttachment') return false;
    const attachment = readerOf(r.ctx, id, resource.Type);
    return attachment.referencedLogicalId(['VpcId']) === vpcId && attachment.has(['InternetGatewayId']);
  });
}

/**
 * CreateDBInstance's documented default: without PubliclyAccessible, an instance is public when the
 * VPC of its subnets (the default VPC if no subnet group is given) has an internet gateway.
 */
function readPubliclyAccessible(r: ResourceReader): Value<boolean> {
  if (r.has(['PubliclyAccessible'])) return r.boolean(['PubliclyAccessible'], false);
  const src = r.source();
  if (!r.has(['DBSubnetGroupName'])) {
    return awsDefault(true, src); // the default VPC comes with an internet gateway
  }
  const group = resourceOfType(r, r.referencedLogicalId(['DBSubnetGroupName']), 'AWS::RDS::DBSubnetGroup');
  const subnetIds = group?.get(['SubnetIds']);
  if (group && Array.isArray(subnetIds)) {
    const vpcs = new Set(
      subnetIds.map((s) =>
        resourceOfType(r, logicalIdOfToken(s), 'AWS::EC2::Subnet')?.referencedLogicalId(['VpcId']),
      ),
    );
    if (vpcs.size === 1 && !vpcs.has(undefined)) {
      const vpc = [...vpcs][0] as string;
      return awsDefault(vpcHasInternetGateway(r, vpc), src);
    }
  }
  return unknown(
    "not set: AWS decides from whether the subnets' VPC has an internet gateway, which this file does not show",
    src,
  );
}

/**
 * A read replica is encrypted exactly when its source is: RDS refuses an unencrypted replica of an
 * encrypted instance and an encrypted one of an unencrypted instance (RDS user guide, "Limitations
 * of Amazon RDS encrypted DB instances"). Known when the source is a plain instance of this file.
 */
function replicaEncryption(r: ResourceReader): Value<boolean> | undefined {
  const source = resourceOfType(
    r,
    logicalIdOfToken(r.get(['SourceDBInstanceIdentifier'])),
    'AWS::RDS::DBInstance',
  );
  if (!source) return undefined;
  const derived = ['SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'DBClusterIdentifier'];
  if (derived.some((property) => source.has([property]))) return undefined;
  return source.boolean(['StorageEncrypted'], false);
}

export function mapRdsDbInstance(r: ResourceReader): RdsDbInstance {
  const identifier = r.read(['DBInstanceIdentifier'], asString, `${r.logicalId} (generated name)`);
  const engine = r.read(['Engine'], asString, 'unknown');
  const clusterToken = r.get(['DBClusterIdentifier']);
  const cluster = resourceOfType(r, logicalIdOfToken(clusterToken), 'AWS::RDS::DBCluster');
  const inCluster = clusterToken !== undefined;
  const isReadReplica = r.has(['SourceDBInstanceIdentifier']);
  const restored = r.has(['DBSnapshotIdentifier']) || isReadReplica;
  const src = r.source();
  // Aurora instances take storage, backup and deletion settings from their cluster.
  const fromCluster = <T>(read: (reader: ResourceReader) => Value<T>): Value<T> => {
    if (!inCluster) return read(r);
    if (cluster) return read(cluster);
    return unknown('set on the DB cluster, which is not in this file', src);
  };
  const storageEncrypted = restored
    ? (replicaEncryption(r) ??
      unknown('inherited from the snapshot or source instance it is created from', src))
    : fromCluster((x) => x.boolean(['StorageEncrypted'], false));
  return withBase<RdsDbInstance>(baseOf(r, identifier), {
    type: 'AWS::RDS::DBInstance',
    engine,
    engineVersion: r.string(['EngineVersion'], null),
    instanceClass: r.required(['DBInstanceClass'], asString),
    clusterId: inCluster ? r.string(['DBClusterIdentifier'], null) : awsDefault(null, src),
    storageEncrypted,
    kmsKeyId: fromCluster((x) => x.string(['KmsKeyId'], null)),
    publiclyAccessible: readPubliclyAccessible(r),
    multiAz: inCluster
      ? unknown('Aurora availability comes from replicas in the cluster, not the MultiAZ flag', src)
      : r.boolean(['MultiAZ'], false),
    backupRetentionDays:
      isReadReplica && !r.has(['BackupRetentionPeriod'])
        ? unknown(
            'a read replica: its data is backed up on the source instance, and RDS does not document the retention a replica gets by default',
            src,
          )
        : fromCluster((x) => x.number(['BackupRetentionPeriod'], 1)),
    deletionProtection: fromCluster((x) => x.boolean(['DeletionProtection'], false)),
    autoMinorVersionUpgrade: r.boolean(['AutoMinorVersionUpgrade'], true),
    iamAuthentication: fromCluster((x) => x.boolean(['EnableIAMDatabaseAuthentication'], false)),
    logExports: fromCluster((x) => x.read(['EnableCloudwatchLogsExports'], asStringList, [])),
    isCustom: engine.known && engine.value.startsWith('custom-'),
  });
}
