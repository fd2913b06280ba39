import type {
  EbsSettings,
  EbsVolume,
  Ec2Instance,
  SecurityGroup,
  SecurityGroupRule,
  Vpc,
} from '../../../model/resources/index.js';
import { awsDefault, explicit, unknown, type Value } from '../../../model/value.js';
import {
  asOneOf,
  asString,
  logicalIdOfToken,
  type PropertyPath,
  readerOf,
  type ResourceReader,
} from '../resource-reader.js';
import { baseOf, LIVE_ONLY, type Mutable, readName, withBase } from './common.js';
import { elasticIpOf } from './elastic-ips.js';
import { publicSubnetsOf } from './vpc-routing.js';
import { SsmParameterValue } from '../intrinsics.js';

const HTTP_TOKENS = asOneOf(['required', 'optional'] as const);

/** Metadata options come from the instance itself or from its launch template in the same file. */
function readMetadataTokens(r: ResourceReader): Value<'required' | 'optional'> {
  if (r.has(['MetadataOptions', 'HttpTokens']))
    return r.read(['MetadataOptions', 'HttpTokens'], HTTP_TOKENS, 'optional');
  const templateId = r.referencedLogicalId(['LaunchTemplate', 'LaunchTemplateId']);
  let imageId = r.get(['ImageId']);
  if (templateId && r.ctx.body.Resources[templateId]?.Type === 'AWS::EC2::LaunchTemplate') {
    const lt = readerOf(r.ctx, templateId, 'AWS::EC2::LaunchTemplate');
    const path = ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'];
    if (lt.has(path)) return lt.read(path, HTTP_TOKENS, 'optional');
    imageId ??= lt.get(['LaunchTemplateData', 'ImageId']);
  } else if (r.has(['LaunchTemplate'])) {
    return unknown('set by a launch template outside this file', r.source(['LaunchTemplate']));
  }
  // Without a setting the AMI decides: AMIs registered with ImdsSupport v2.0 launch with tokens
  // required (unless an account-level metadata default says otherwise); others allow IMDSv1.
  if (isImdsV2Ami(imageId)) return awsDefault('required', r.source(['ImageId']));
  return awsDefault('optional', r.source());
}

/**
 * Amazon Linux 2023 AMIs are registered with ImdsSupport v2.0
 * (https://docs.aws.amazon.com/linux/al2023/ug/imdsv2.html). A template names them through the
 * public SSM parameters, as a parameter of an SSM type or a `{{resolve:ssm:...}}` reference.
 */
const AL2023_PARAMETER = /^\/aws\/service\/ami-amazon-linux-latest\/al2023-ami-/;

function isImdsV2Ami(imageId: unknown): boolean {
  if (imageId instanceof SsmParameterValue) return AL2023_PARAMETER.test(imageId.parameterName ?? '');
  if (typeof imageId !== 'string') return false;
  const reference = /^\{\{resolve:ssm:([^:}]+)(?::\d+)?\}\}$/.exec(imageId.trim());
  return reference?.[1] !== undefined && AL2023_PARAMETER.test(reference[1]);
}

/** A public address through an Elastic IP the template associates with the instance or interface. */
function elasticIpAddress(r: ResourceReader, logicalId: string): Value<boolean> | undefined {
  const link = elasticIpOf(r.ctx, logicalId);
  if (!link) return undefined;
  const where = r.ctx.sourceOf(link.id);
  if (link.undecidedCondition)
    return unknown(
      `Elastic IP ${link.id} is associated when condition ${link.undecidedCondition} holds`,
      where,
    );
  return explicit(true, where);
}

/** An Elastic IP on the instance or on any interface of the template it lists; a certain one first. */
function elasticIpOfInstance(r: ResourceReader): Value<boolean> | undefined {
  const found = [elasticIpAddress(r, r.logicalId)];
  for (let i = 0; i < r.count(['NetworkInterfaces']); i++) {
    const eni = r.referencedLogicalId(['NetworkInterfaces', i, 'NetworkInterfaceId']);
    if (eni) found.push(elasticIpAddress(r, eni));
  }
  return found.find((v) => v?.known) ?? found.find((v) => v !== undefined);
}

/**
 * Public IPv4: an Elastic IP associated in the template (with the instance, or an interface it
 * lists or attaches); else what launch assigns. An Elastic IP under an undecided condition leaves
 * the answer open unless launch assigns a public address anyway.
 */
function readPublicIp(r: ResourceReader): Value<boolean> {
  const elastic = elasticIpOfInstance(r);
  if (elastic?.known) return elastic;
  const atLaunch = readLaunchPublicIp(r);
  if (!elastic) return atLaunch;
  return atLaunch.known && atLaunch.value ? atLaunch : elastic;
}

/**
 * The public address launch assigns: the primary interface decides (an existing interface gets
 * none: AWS assigns one only to an interface it creates at launch), else the subnet's
 * MapPublicIpOnLaunch.
 */
function readLaunchPublicIp(r: ResourceReader): Value<boolean> {
  const primary = (r.get(['NetworkInterfaces']) as unknown[] | undefined)?.findIndex(
    (nic) => String((nic as { DeviceIndex?: unknown })?.DeviceIndex) === '0',
  );
  if (primary !== undefined && primary >= 0 && r.has(['NetworkInterfaces', primary, 'NetworkInterfaceId'])) {
    const path = ['NetworkInterfaces', primary, 'NetworkInterfaceId'];
    const eni = r.referencedLogicalId(path);
    if (eni && r.ctx.body.Resources[eni]?.Type === 'AWS::EC2::NetworkInterface')
      return awsDefault(false, r.source(path));
    return unknown(
      'the instance uses an existing network interface, whose Elastic IPs this file does not show',
      r.source(path),
    );
  }
  if (
    primary !== undefined &&
    primary >= 0 &&
    r.has(['NetworkInterfaces', primary, 'AssociatePublicIpAddress'])
  ) {
    return r.boolean(['NetworkInterfaces', primary, 'AssociatePublicIpAddress'], false);
  }
  const subnetPath: PropertyPath =
    primary !== undefined && primary >= 0 ? ['NetworkInterfaces', primary, 'SubnetId'] : ['SubnetId'];
  const subnet = r.get(subnetPath);
  if (subnet === undefined) {
    // No subnet: the default VPC's default subnet, which assigns public addresses.
    return awsDefault(true, r.source());
  }
  const subnetId = logicalIdOfToken(subnet);
  if (subnetId && r.ctx.body.Resources[subnetId]?.Type === 'AWS::EC2::Subnet') {
    return readerOf(r.ctx, subnetId, 'AWS::EC2::Subnet').boolean(['MapPublicIpOnLaunch'], false);
  }
  return unknown(
    "depends on the subnet's MapPublicIpOnLaunch, which this file does not show",
    r.source(subnetPath),
  );
}

function readBlockDevices(r: ResourceReader): EbsSettings[] {
  const count = r.count(['BlockDeviceMappings']);
  const volumes: EbsSettings[] = [];
  for (let i = 0; i < count; i++) {
    if (!r.has(['BlockDeviceMappings', i, 'Ebs'])) continue; // instance-store or NoDevice
    const device = r.get(['BlockDeviceMappings', i, 'DeviceName']);
    volumes.push({
      device: typeof device === 'string' ? device : `device ${i + 1}`,
      encrypted: r.boolean(['BlockDeviceMappings', i, 'Ebs', 'Encrypted'], false),
      kmsKeyId: r.string(['BlockDeviceMappings', i, 'Ebs', 'KmsKeyId'], null),
      source: r.source(['BlockDeviceMappings', i]),
    });
  }
  if (volumes.length === 0) {
    volumes.push({
      device: 'root volume (from the AMI)',
      encrypted: unknown(
        "follows the AMI's snapshot and the account's EBS encryption-by-default setting",
        r.source(),
      ),
      kmsKeyId: unknown('chosen by the AMI or the account default', r.source()),
      source: r.source(),
    });
  }
  return volumes;
}

export function mapEc2Instance(r: ResourceReader): Ec2Instance {
  const securityGroupIds = [...r.stringItems(['SecurityGroupIds']), ...r.stringItems(['SecurityGroups'])];
  const nicCount = r.count(['NetworkInterfaces']);
  for (let i = 0; i < nicCount; i++)
    securityGroupIds.push(...r.stringItems(['NetworkInterfaces', i, 'GroupSet']));
  return withBase<Ec2Instance>(baseOf(r, awsDefault(r.logicalId, r.source())), {
    type: 'AWS::EC2::Instance',
    imageId: r.required(['ImageId'], asString),
    instanceType: r.string(['InstanceType'], 'm1.small'),
    metadataHttpTokens: readMetadataTokens(r),
    metadataEndpoint: r.read(
      ['MetadataOptions', 'HttpEndpoint'],
      asOneOf(['enabled', 'disabled'] as const),
      'enabled',
    ),
    publicIp: readPublicIp(r),
    subnetId: r.string(['SubnetId'], null),
    securityGroupIds,
    iamInstanceProfile: r.string(['IamInstanceProfile'], null),
    volumes: readBlockDevices(r),
    detailedMonitoring: r.boolean(['Monitoring'], false),
    hasUserData: r.has(['UserData']),
    managedBySsm: unknown(`SSM management is ${LIVE_ONLY}`, r.source()),
  });
}

const PROTOCOL_NAMES: Record<string, string> = {
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  '58': 'icmpv6',
  all: '-1',
};

/** Reads one rule; `prefix` is the rule's path (inline list item, or Properties of a satellite). */
export function readSecurityGroupRule(
  r: ResourceReader,
  prefix: PropertyPath,
  direction: 'ingress' | 'egress',
): SecurityGroupRule {
  const protocolValue = r.required([...prefix, 'IpProtocol'], asString);
  const protocol = protocolValue.known
    ? {
        ...protocolValue,
        value: PROTOCOL_NAMES[protocolValue.value.toLowerCase()] ?? protocolValue.value.toLowerCase(),
      }
    : protocolValue;
  const allTraffic = protocol.known && protocol.value === '-1';
  const port = (name: string, whenAll: number) =>
    allTraffic ? explicit(whenAll, r.source(prefix)) : r.number([...prefix, name], whenAll);
  const optional = (name: string) =>
    r.has([...prefix, name]) ? r.required([...prefix, name], asString) : undefined;
  const description = r.get([...prefix, 'Description']);
  const peer = direction === 'ingress' ? 'Source' : 'Destination';
  // Field by field (no conditional spread, one of V8's slow paths), in the model's key order.
  const rule: Mutable<SecurityGroupRule> = {
    direction,
    protocol,
    fromPort: port('FromPort', 0),
    toPort: port('ToPort', 65535),
    cidrIpv4: optional('CidrIp'),
    cidrIpv6: optional('CidrIpv6'),
    sourceSecurityGroupId: optional(`${peer}SecurityGroupId`) ?? optional('SourceSecurityGroupName'),
    prefixListId: optional(`${peer}PrefixListId`),
  } as SecurityGroupRule;
  if (typeof description === 'string') rule.description = description;
  rule.source = r.source(prefix);
  return rule;
}

export function mapSecurityGroup(r: ResourceReader): SecurityGroup {
  const groupName = readName(r, 'GroupName');
  const rules: SecurityGroupRule[] = [];
  for (let i = 0; i < r.count(['SecurityGroupIngress']); i++) {
    rules.push(readSecurityGroupRule(r, ['SecurityGroupIngress', i], 'ingress'));
  }
  for (let i = 0; i < r.count(['SecurityGroupEgress']); i++) {
    rules.push(readSecurityGroupRule(r, ['SecurityGroupEgress', i], 'egress'));
  }
  return withBase<SecurityGroup>(baseOf(r, groupName), {
    type: 'AWS::EC2::SecurityGroup',
    groupName,
    vpcId: r.string(['VpcId'], null),
    rules,
    isDefault: false,
    inUse: unknown(`use by network interfaces is ${LIVE_ONLY}`, r.source()),
  });
}

export function mapVpc(r: ResourceReader): Vpc {
  return withBase<Vpc>(baseOf(r, awsDefault(r.logicalId, r.source())), {
    type: 'AWS::EC2::VPC',
    cidrBlock: r.required(['CidrBlock'], asString),
    // AWS::EC2::FlowLog resources that point at this VPC are folded in later.
    flowLogsEnabled: awsDefault(false, r.source()),
    publicSubnetIds: publicSubnetsOf(r.ctx, r.logicalId, r),
    isDefault: false,
  });
}

export function mapEbsVolume(r: ResourceReader): EbsVolume {
  return withBase<EbsVolume>(baseOf(r, awsDefault(r.logicalId, r.source())), {
    type: 'AWS::EC2::Volume',
    encrypted: r.boolean(['Encrypted'], false),
    kmsKeyId: r.string(['KmsKeyId'], null),
    sizeGiB: r.required(['Size'], (v) => (Number.isFinite(Number(v)) ? Number(v) : undefined)),
    attachedInstanceIds: [],
  });
}
