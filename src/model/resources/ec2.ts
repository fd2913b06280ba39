import type { SourceRef, Value } from '../value.js';
import type { ResourceBase } from './base.js';

export interface EbsSettings {
  /** Device name for a block device mapping, or the volume's logical id. */
  device: string;
  encrypted: Value<boolean>;
  kmsKeyId: Value<string | null>;
  source: SourceRef;
}

export interface Ec2Instance extends ResourceBase {
  readonly type: 'AWS::EC2::Instance';
  imageId: Value<string>;
  instanceType: Value<string>;
  /** IMDSv2 is enforced when HttpTokens is `required`. */
  metadataHttpTokens: Value<'required' | 'optional'>;
  metadataEndpoint: Value<'enabled' | 'disabled'>;
  /** Whether the instance gets a public IPv4 address at launch. */
  publicIp: Value<boolean>;
  subnetId: Value<string | null>;
  securityGroupIds: Value<string>[];
  iamInstanceProfile: Value<string | null>;
  /** Root and data volumes from BlockDeviceMappings and attached AWS::EC2::Volume resources. */
  volumes: EbsSettings[];
  detailedMonitoring: Value<boolean>;
  /** Whether the source carries user data; the data itself is never stored. */
  hasUserData: boolean;
  managedBySsm: Value<boolean>;
}

export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  /** IP protocol: `-1` for all, `tcp`, `udp`, `icmp`, `icmpv6` or a number. */
  protocol: Value<string>;
  fromPort: Value<number>;
  toPort: Value<number>;
  cidrIpv4: Value<string> | undefined;
  cidrIpv6: Value<string> | undefined;
  sourceSecurityGroupId: Value<string> | undefined;
  prefixListId: Value<string> | undefined;
  description?: string;
  source: SourceRef;
}

export interface SecurityGroup extends ResourceBase {
  readonly type: 'AWS::EC2::SecurityGroup';
  groupName: Value<string>;
  vpcId: Value<string | null>;
  rules: SecurityGroupRule[];
  /** The default group of a VPC (live accounts only; templates cannot create it). */
  isDefault: boolean;
  /** Whether something uses it (live: network interfaces; template: references). */
  inUse: Value<boolean>;
}

export interface Vpc extends ResourceBase {
  readonly type: 'AWS::EC2::VPC';
  cidrBlock: Value<string>;
  flowLogsEnabled: Value<boolean>;
  /**
   * Subnets whose effective route table (explicit association, else the VPC's main table) routes
   * 0.0.0.0/0 or ::/0 to an internet gateway.
   */
  publicSubnetIds: Value<string[]>;
  isDefault: boolean;
}

export interface EbsVolume extends ResourceBase {
  readonly type: 'AWS::EC2::Volume';
  encrypted: Value<boolean>;
  kmsKeyId: Value<string | null>;
  sizeGiB: Value<number>;
  attachedInstanceIds: string[];
}
