import {
  EC2Client,
  type Instance,
  paginateDescribeInstances,
  paginateDescribeVolumes,
  type Volume,
} from '@aws-sdk/client-ec2';
import type { EbsSettings, Ec2Instance } from '../../../model/resources/index.js';
import { explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { AwsSession } from '../aws-session.js';
import type { CollectContext, Collector } from '../collector.js';
import {
  attempt,
  collectPages,
  NOT_COLLECTED,
  notCollected,
  type Outcome,
  regionalArn,
  tagMap,
} from './support.js';

const INSTANCES = 'ec2:DescribeInstances';
const VOLUMES = 'ec2:DescribeVolumes';

/**
 * An auto-assigned public IPv4 address is released when an instance stops and a new one is
 * assigned at start; DescribeInstances shows neither that setting nor the address of a stopped
 * instance, so only a running instance tells.
 */
function publicIpOf(instance: Instance, src: SourceRef): Value<boolean> {
  const hasAddress =
    !!instance.PublicIpAddress ||
    (instance.NetworkInterfaces ?? []).some((nic) => !!nic.Association?.PublicIp);
  if (hasAddress) return explicit(true, src);
  const state = instance.State?.Name;
  if (state === 'stopped' || state === 'stopping')
    return unknown(
      'the instance is stopped: an auto-assigned public IPv4 address is released on stop and given again at start, which the API does not show',
      src,
    );
  return explicit(false, src);
}

function volumesOf(
  ctx: CollectContext,
  instance: Instance,
  arn: string,
  described: Outcome<Map<string, Volume>> | undefined,
): EbsSettings[] {
  const volumeResources = ctx.wants('AWS::EC2::Volume');
  return (instance.BlockDeviceMappings ?? []).flatMap((mapping): EbsSettings[] => {
    const volumeId = mapping.Ebs?.VolumeId;
    if (!volumeId) return []; // instance-store volumes carry no EBS encryption setting
    const src: SourceRef = { arn, api: VOLUMES };
    const device = mapping.DeviceName ?? volumeId;
    if (!described) {
      const skipped = notCollected(src);
      return [{ device, encrypted: skipped, kmsKeyId: skipped, source: src }];
    }
    if (!described.ok) {
      const failed = unknown(described.reason, src);
      return [{ device: `${device} (${volumeId})`, encrypted: failed, kmsKeyId: failed, source: src }];
    }
    const volume = described.value.get(volumeId);
    if (!volume) {
      const missing = unknown(`volume ${volumeId} was not returned by DescribeVolumes`, src);
      return [{ device: `${device} (${volumeId})`, encrypted: missing, kmsKeyId: missing, source: src }];
    }
    const volumeArn = regionalArn(ctx, 'ec2', `volume/${volumeId}`);
    return [
      {
        // The volume is also an AWS::EC2::Volume of this inventory: naming it by its id lets the
        // checks judge it once, as the template source does for attached volumes.
        device: volumeResources ? volumeArn : `${device} (${volumeId})`,
        encrypted: explicit(volume.Encrypted ?? false, { arn: volumeArn, api: VOLUMES }),
        kmsKeyId: explicit(volume.KmsKeyId ?? null, { arn: volumeArn, api: VOLUMES }),
        source: { arn: volumeArn, api: VOLUMES },
      },
    ];
  });
}

function instanceOf(
  ctx: CollectContext,
  instance: Instance,
  volumes: Outcome<Map<string, Volume>> | undefined,
): Ec2Instance {
  const id = instance.InstanceId ?? '';
  const arn = regionalArn(ctx, 'ec2', `instance/${id}`);
  const src: SourceRef = { arn, api: INSTANCES };
  const groups = new Set<string>();
  for (const g of instance.SecurityGroups ?? []) if (g.GroupId) groups.add(g.GroupId);
  for (const nic of instance.NetworkInterfaces ?? [])
    for (const g of nic.Groups ?? []) if (g.GroupId) groups.add(g.GroupId);
  const tags = tagMap(instance.Tags);
  const metadata = instance.MetadataOptions;
  return {
    type: 'AWS::EC2::Instance',
    id: arn,
    arn,
    name: id,
    region: ctx.region,
    account: ctx.accountId,
    source: src,
    ...(tags ? { tags } : {}),
    imageId: explicit(instance.ImageId ?? '', src),
    instanceType: explicit(String(instance.InstanceType ?? ''), src),
    metadataHttpTokens: metadata?.HttpTokens
      ? explicit(metadata.HttpTokens === 'required' ? 'required' : 'optional', src)
      : unknown('DescribeInstances returned no metadata options', src),
    metadataEndpoint: metadata?.HttpEndpoint
      ? explicit(metadata.HttpEndpoint === 'disabled' ? 'disabled' : 'enabled', src)
      : unknown('DescribeInstances returned no metadata options', src),
    publicIp: publicIpOf(instance, src),
    subnetId: explicit(instance.SubnetId ?? null, src),
    securityGroupIds: [...groups].map((g) => explicit(g, src)),
    iamInstanceProfile: explicit(instance.IamInstanceProfile?.Arn ?? null, src),
    volumes: volumesOf(ctx, instance, arn, volumes),
    detailedMonitoring: explicit(instance.Monitoring?.State === 'enabled', src),
    // User data can hold secrets: it is never fetched (DescribeInstanceAttribute is not called).
    hasUserData: false,
    // Filled from SSM's regional list by linkInventory.
    managedBySsm: unknown(NOT_COLLECTED, src),
  };
}

const volumeCache = new WeakMap<AwsSession, Map<string, Promise<Outcome<Volume[]>>>>();

/**
 * The region's volumes, listed once per scan: the same answer serves the volumes themselves and
 * the encryption of every instance's block devices (DescribeInstances does not report it).
 */
function regionVolumes(ctx: CollectContext): Promise<Outcome<Volume[]>> {
  let perRegion = volumeCache.get(ctx.session);
  if (!perRegion) {
    perRegion = new Map();
    volumeCache.set(ctx.session, perRegion);
  }
  let pending = perRegion.get(ctx.region);
  if (!pending) {
    const ec2 = ctx.session.client(EC2Client, ctx.region);
    pending = attempt(ctx, VOLUMES, `volumes in ${ctx.region}`, () =>
      collectPages(paginateDescribeVolumes({ client: ec2 }, {}), (p) => p.Volumes),
    );
    perRegion.set(ctx.region, pending);
  }
  return pending;
}

export const ec2InstancesCollector: Collector = {
  id: 'ec2-instances',
  scope: 'regional',
  produces: ['AWS::EC2::Instance'],
  operations: {
    // Listing calls have no fields: they run whenever the type is read at all.
    'ec2:DescribeInstances': { fields: [] },
    'ec2:DescribeVolumes': { fields: ['volumes'] },
  },
  async collect(ctx) {
    if (!ctx.wants('AWS::EC2::Instance')) return;
    const ec2 = ctx.session.client(EC2Client, ctx.region);
    const [listed, volumes] = await Promise.all([
      attempt(ctx, INSTANCES, `instances in ${ctx.region}`, () =>
        collectPages(paginateDescribeInstances({ client: ec2 }, {}), (p) =>
          (p.Reservations ?? []).flatMap((r) => r.Instances ?? []),
        ),
      ),
      ctx.wants('AWS::EC2::Instance', 'volumes') ? regionVolumes(ctx) : undefined,
    ]);
    if (!listed.ok) return;
    const byId: Outcome<Map<string, Volume>> | undefined = volumes?.ok
      ? { ok: true, value: new Map(volumes.value.map((v) => [v.VolumeId ?? '', v])) }
      : volumes;
    for (const instance of listed.value) {
      // Terminated instances stay listed for about an hour but no longer exist.
      const state = instance.State?.Name;
      if (state === 'terminated' || state === 'shutting-down') continue;
      ctx.builder.add(instanceOf(ctx, instance, byId));
    }
  },
};

export const ebsVolumesCollector: Collector = {
  id: 'ebs-volumes',
  scope: 'regional',
  produces: ['AWS::EC2::Volume'],
  operations: { 'ec2:DescribeVolumes': { fields: [] } },
  async collect(ctx) {
    if (!ctx.wants('AWS::EC2::Volume')) return;
    const volumes = await regionVolumes(ctx);
    if (!volumes.ok) return;
    for (const volume of volumes.value) {
      const id = volume.VolumeId ?? '';
      const arn = regionalArn(ctx, 'ec2', `volume/${id}`);
      const src: SourceRef = { arn, api: VOLUMES };
      const tags = tagMap(volume.Tags);
      ctx.builder.add({
        type: 'AWS::EC2::Volume',
        id: arn,
        arn,
        name: id,
        region: ctx.region,
        account: ctx.accountId,
        source: src,
        ...(tags ? { tags } : {}),
        encrypted: explicit(volume.Encrypted ?? false, src),
        kmsKeyId: explicit(volume.KmsKeyId ?? null, src),
        sizeGiB: volume.Size !== undefined ? explicit(volume.Size, src) : unknown('no size returned', src),
        attachedInstanceIds: (volume.Attachments ?? [])
          .filter((a) => a.InstanceId)
          .map((a) => regionalArn(ctx, 'ec2', `instance/${a.InstanceId}`)),
      });
    }
  },
};
