import {
  EC2Client,
  type IpPermission,
  paginateDescribeFlowLogs,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  type RouteTable,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import type { SecurityGroupRule } from '../../../model/resources/index.js';
import { explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import { attempt, collectPages, notCollected, type Outcome, regionalArn, tagMap } from './support.js';

const GROUPS = 'ec2:DescribeSecurityGroups';
const INTERFACES = 'ec2:DescribeNetworkInterfaces';

/** EC2 accepts protocol numbers as well as names; the checks read names. */
const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

/** One model rule per peer: EC2 packs every CIDR, group and prefix list of a permission together. */
export function rulesOf(
  permissions: IpPermission[] | undefined,
  direction: 'ingress' | 'egress',
  src: SourceRef,
): SecurityGroupRule[] {
  const rules: SecurityGroupRule[] = [];
  for (const p of permissions ?? []) {
    const raw = String(p.IpProtocol ?? '-1').toLowerCase();
    const protocol = PROTOCOL_NAMES[raw] ?? raw;
    // Protocol -1 is all traffic: EC2 reports no ports for it, and it opens every one.
    const all = protocol === '-1';
    const base = {
      direction,
      protocol: explicit(protocol, src),
      fromPort: explicit(all ? 0 : (p.FromPort ?? 0), src),
      toPort: explicit(all ? 65535 : (p.ToPort ?? 65535), src),
      cidrIpv4: undefined,
      cidrIpv6: undefined,
      sourceSecurityGroupId: undefined,
      prefixListId: undefined,
      source: src,
    };
    const withDescription = (d: string | undefined) => (d ? { description: d } : {});
    for (const r of p.IpRanges ?? [])
      if (r.CidrIp)
        rules.push({ ...base, cidrIpv4: explicit(r.CidrIp, src), ...withDescription(r.Description) });
    for (const r of p.Ipv6Ranges ?? [])
      if (r.CidrIpv6)
        rules.push({ ...base, cidrIpv6: explicit(r.CidrIpv6, src), ...withDescription(r.Description) });
    for (const g of p.UserIdGroupPairs ?? []) {
      const peer = g.GroupId ?? g.GroupName;
      if (peer)
        rules.push({
          ...base,
          sourceSecurityGroupId: explicit(peer, src),
          ...withDescription(g.Description),
        });
    }
    for (const l of p.PrefixListIds ?? [])
      if (l.PrefixListId)
        rules.push({
          ...base,
          prefixListId: explicit(l.PrefixListId, src),
          ...withDescription(l.Description),
        });
  }
  return rules;
}

/** Security groups attached to any network interface of the region: one listing, not one per group. */
async function groupsInUse(ctx: CollectContext, ec2: EC2Client): Promise<Outcome<Set<string>>> {
  return attempt(ctx, INTERFACES, `network interfaces in ${ctx.region}`, async () => {
    const used = new Set<string>();
    for await (const page of paginateDescribeNetworkInterfaces({ client: ec2 }, {}))
      for (const nic of page.NetworkInterfaces ?? [])
        for (const g of nic.Groups ?? []) if (g.GroupId) used.add(g.GroupId);
    return used;
  });
}

async function collectSecurityGroups(ctx: CollectContext, ec2: EC2Client): Promise<void> {
  const [listed, used] = await Promise.all([
    attempt(ctx, GROUPS, `security groups in ${ctx.region}`, () =>
      collectPages(paginateDescribeSecurityGroups({ client: ec2 }, {}), (p) => p.SecurityGroups),
    ),
    ctx.wants('AWS::EC2::SecurityGroup', 'inUse') ? groupsInUse(ctx, ec2) : undefined,
  ]);
  if (!listed.ok) return;
  for (const group of listed.value) {
    const id = group.GroupId ?? '';
    const arn = group.SecurityGroupArn ?? regionalArn(ctx, 'ec2', `security-group/${id}`);
    const src: SourceRef = { arn, api: GROUPS };
    const usedSrc: SourceRef = { arn, api: INTERFACES };
    const inUse: Value<boolean> = !used
      ? notCollected(usedSrc)
      : used.ok
        ? explicit(used.value.has(id), usedSrc)
        : unknown(used.reason, usedSrc);
    const tags = tagMap(group.Tags);
    ctx.builder.add({
      type: 'AWS::EC2::SecurityGroup',
      id: arn,
      arn,
      name: id,
      region: ctx.region,
      account: ctx.accountId,
      source: src,
      ...(tags ? { tags } : {}),
      groupName: explicit(group.GroupName ?? '', src),
      vpcId: explicit(group.VpcId ?? null, src),
      rules: [
        ...rulesOf(group.IpPermissions, 'ingress', src),
        ...rulesOf(group.IpPermissionsEgress, 'egress', src),
      ],
      // Every VPC has exactly one group named "default", and no other group may take that name.
      isDefault: group.GroupName === 'default',
      inUse,
    });
  }
}

/** Whether a route table sends the default route (IPv4 or IPv6) to an internet gateway. */
function routesToInternet(table: RouteTable): boolean {
  return (table.Routes ?? []).some(
    (r) =>
      (r.DestinationCidrBlock === '0.0.0.0/0' || r.DestinationIpv6CidrBlock === '::/0') &&
      (r.GatewayId ?? '').startsWith('igw-'),
  );
}

/**
 * Public subnets per VPC: a subnet uses its explicitly associated route table, else the VPC's
 * main table. One listing of subnets and one of route tables for the region.
 */
async function publicSubnets(ctx: CollectContext, ec2: EC2Client): Promise<Outcome<Map<string, string[]>>> {
  const [subnets, tables] = await Promise.all([
    attempt(ctx, 'ec2:DescribeSubnets', `subnets in ${ctx.region}`, () =>
      collectPages(paginateDescribeSubnets({ client: ec2 }, {}), (p) => p.Subnets),
    ),
    attempt(ctx, 'ec2:DescribeRouteTables', `route tables in ${ctx.region}`, () =>
      collectPages(paginateDescribeRouteTables({ client: ec2 }, {}), (p) => p.RouteTables),
    ),
  ]);
  if (!subnets.ok) return subnets;
  if (!tables.ok) return tables;
  const mainPublic = new Map<string, boolean>();
  const explicitPublic = new Map<string, boolean>();
  for (const table of tables.value) {
    const isPublic = routesToInternet(table);
    for (const a of table.Associations ?? []) {
      if (a.Main && table.VpcId) mainPublic.set(table.VpcId, isPublic);
      if (a.SubnetId) explicitPublic.set(a.SubnetId, isPublic);
    }
  }
  const out = new Map<string, string[]>();
  for (const subnet of subnets.value) {
    const id = subnet.SubnetId;
    const vpcId = subnet.VpcId;
    if (!id || !vpcId) continue;
    if (!(explicitPublic.get(id) ?? mainPublic.get(vpcId) ?? false)) continue;
    out.set(vpcId, [...(out.get(vpcId) ?? []), id]);
  }
  return { ok: true, value: out };
}

async function collectVpcs(ctx: CollectContext, ec2: EC2Client): Promise<void> {
  const [listed, flowLogs, subnets] = await Promise.all([
    attempt(ctx, 'ec2:DescribeVpcs', `VPCs in ${ctx.region}`, () =>
      collectPages(paginateDescribeVpcs({ client: ec2 }, {}), (p) => p.Vpcs),
    ),
    ctx.wants('AWS::EC2::VPC', 'flowLogsEnabled')
      ? attempt(ctx, 'ec2:DescribeFlowLogs', `flow logs in ${ctx.region}`, async () => {
          const active = new Set<string>();
          for await (const page of paginateDescribeFlowLogs({ client: ec2 }, {}))
            for (const log of page.FlowLogs ?? [])
              if (log.ResourceId && (log.FlowLogStatus ?? 'ACTIVE') === 'ACTIVE') active.add(log.ResourceId);
          return active;
        })
      : undefined,
    ctx.wants('AWS::EC2::VPC', 'publicSubnetIds') ? publicSubnets(ctx, ec2) : undefined,
  ]);
  if (!listed.ok) return;
  for (const vpc of listed.value) {
    const id = vpc.VpcId ?? '';
    const arn = regionalArn(ctx, 'ec2', `vpc/${id}`);
    const src: SourceRef = { arn, api: 'ec2:DescribeVpcs' };
    const logSrc: SourceRef = { arn, api: 'ec2:DescribeFlowLogs' };
    const routeSrc: SourceRef = { arn, api: 'ec2:DescribeRouteTables' };
    const tags = tagMap(vpc.Tags);
    ctx.builder.add({
      type: 'AWS::EC2::VPC',
      id: arn,
      arn,
      name: id,
      region: ctx.region,
      account: ctx.accountId,
      source: src,
      ...(tags ? { tags } : {}),
      cidrBlock: explicit(vpc.CidrBlock ?? '', src),
      // Only a flow log on the VPC itself covers all of it; subnet and interface logs cover parts.
      flowLogsEnabled: !flowLogs
        ? notCollected(logSrc)
        : flowLogs.ok
          ? explicit(flowLogs.value.has(id), logSrc)
          : unknown(flowLogs.reason, logSrc),
      publicSubnetIds: !subnets
        ? notCollected(routeSrc)
        : subnets.ok
          ? explicit((subnets.value.get(id) ?? []).sort(), routeSrc)
          : unknown(subnets.reason, routeSrc),
      isDefault: vpc.IsDefault ?? false,
    });
  }
}

export const securityGroupsCollector: Collector = {
  id: 'ec2-security-groups',
  scope: 'regional',
  produces: ['AWS::EC2::SecurityGroup'],
  operations: {
    'ec2:DescribeSecurityGroups': { fields: [] },
    'ec2:DescribeNetworkInterfaces': { fields: ['inUse'] },
  },
  async collect(ctx) {
    if (ctx.wants('AWS::EC2::SecurityGroup'))
      await collectSecurityGroups(ctx, ctx.session.client(EC2Client, ctx.region));
  },
};

export const vpcsCollector: Collector = {
  id: 'vpcs',
  scope: 'regional',
  produces: ['AWS::EC2::VPC'],
  operations: {
    'ec2:DescribeVpcs': { fields: [] },
    'ec2:DescribeFlowLogs': { fields: ['flowLogsEnabled'] },
    'ec2:DescribeSubnets': { fields: ['publicSubnetIds'] },
    'ec2:DescribeRouteTables': { fields: ['publicSubnetIds'] },
  },
  async collect(ctx) {
    if (ctx.wants('AWS::EC2::VPC')) await collectVpcs(ctx, ctx.session.client(EC2Client, ctx.region));
  },
};
