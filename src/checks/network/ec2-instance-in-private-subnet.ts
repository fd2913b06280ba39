import type { Vpc } from '../../model/resources/index.js';
import { cannotTell, type CheckContext, defineCheck, fail, pass } from '../check.js';
import { listing, shown } from '../data/wording.js';

interface SubnetIndex {
  /** Subnet id → names of the instances in it. */
  bySubnet: Map<string, string[]>;
  /** Instances whose subnet is unknown. */
  unknown: string[];
}

function instancesBySubnet(context: CheckContext): SubnetIndex {
  const bySubnet = new Map<string, string[]>();
  const unknown: string[] = [];
  for (const r of context.inventory.resources) {
    if (r.type !== 'AWS::EC2::Instance') continue;
    if (!r.subnetId.known) unknown.push(r.name);
    else if (r.subnetId.value !== null)
      bySubnet.set(r.subnetId.value, [...(bySubnet.get(r.subnetId.value) ?? []), r.name]);
  }
  return { bySubnet, unknown };
}

function judgeVpc(vpc: Vpc, context: CheckContext) {
  const subnets = vpc.publicSubnetIds;
  if (!subnets.known)
    return cannotTell(`VPC ${vpc.name}: public subnets unknown: ${subnets.reason}`, subnets.source);
  const index = context.shared('ec2-instances-by-subnet', () => instancesBySubnet(context));
  const exposed = subnets.value.flatMap((id) =>
    (index.bySubnet.get(id) ?? []).map((name) => `${name} (${shown(id)})`),
  );
  if (exposed.length > 0)
    return fail(
      `VPC ${vpc.name}: instances in subnets routed to an internet gateway: ${listing(exposed)}`,
      subnets.source,
    );
  const none =
    subnets.value.length === 0
      ? `VPC ${vpc.name} has no subnet routed to an internet gateway`
      : `VPC ${vpc.name}: no instance sits in its public subnets ${listing(subnets.value.map(shown))}`;
  if (subnets.value.length > 0 && index.unknown.length > 0)
    return cannotTell(`${none}, but the subnet of ${listing(index.unknown)} is unknown`, subnets.source);
  return pass(none, subnets.source);
}

export const ec2InstanceInPrivateSubnet = defineCheck({
  id: 'ec2-instance-in-private-subnet',
  title: 'EC2 instances run in private subnets',
  severity: 'low',
  area: 'net.segmentation',
  rationale:
    'A subnet whose route table has a route to an internet gateway is public: an instance there is ' +
    'one public address or security group mistake away from the internet. Private subnets reach out through a ' +
    'NAT gateway and take traffic in only through load balancers or endpoints. The verdict is given per VPC, ' +
    'listing the instances that sit in its public subnets.',
  remediation: {
    text:
      'Move instances to subnets whose route table has no route to an internet gateway; reach the internet ' +
      'through a NAT gateway and publish services through a load balancer in the public subnets.',
    cloudformation: `PrivateRouteTable:
  Type: AWS::EC2::RouteTable
  Properties:
    VpcId: !Ref Vpc
PrivateDefaultRoute:
  Type: AWS::EC2::Route
  Properties:
    RouteTableId: !Ref PrivateRouteTable
    DestinationCidrBlock: 0.0.0.0/0
    NatGatewayId: !Ref NatGateway
PrivateSubnetRoutes:
  Type: AWS::EC2::SubnetRouteTableAssociation
  Properties:
    SubnetId: !Ref PrivateSubnet
    RouteTableId: !Ref PrivateRouteTable`,
  },
  frameworks: {
    nist80053: ['AC-4', 'SC-7'],
    iso27001: ['A.8.20', 'A.8.22'],
    soc2: ['CC6.6'],
  },
  // Instances are listed so a live scan collects them; the verdict is the VPC's, so they get none.
  resourceTypes: ['AWS::EC2::VPC', 'AWS::EC2::Instance'],
  reads: ['publicSubnetIds', 'subnetId'],
  evaluate: (resource, context) => (resource.type === 'AWS::EC2::VPC' ? judgeVpc(resource, context) : []),
});
