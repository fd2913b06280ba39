import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from '../data/wording.js';

export const ec2InstanceNoPublicIp = defineCheck({
  id: 'ec2-instance-no-public-ip',
  title: 'EC2 instances do not get a public IPv4 address',
  severity: 'medium',
  area: 'net.segmentation',
  rationale:
    'An instance with a public IPv4 address is directly reachable from the internet, so a single security group ' +
    'mistake exposes it. Instances behind a load balancer, NAT gateway or VPC endpoint need no public address. ' +
    "Without an explicit setting, the subnet's MapPublicIpOnLaunch decides (true in default VPC subnets); an " +
    'Elastic IP associated with the instance or its network interface makes it public whatever the subnet does.',
  remediation: {
    text:
      'Launch instances in private subnets and set AssociatePublicIpAddress to false on the network interface; ' +
      'publish services through a load balancer and administer through Session Manager.',
    cloudformation: `AppInstance:
  Type: AWS::EC2::Instance
  Properties:
    ImageId: !Ref LatestAmiId
    InstanceType: t3.micro
    NetworkInterfaces:
      - DeviceIndex: '0'
        SubnetId: !Ref PrivateSubnet
        AssociatePublicIpAddress: false`,
  },
  frameworks: {
    fsbp: ['EC2.9'],
    nist80053: ['AC-4', 'SC-7'],
    iso27001: ['A.8.20', 'A.8.22'],
    soc2: ['CC6.6'],
  },
  resourceTypes: ['AWS::EC2::Instance'],
  reads: ['publicIp'],
  evaluate: (instance, context) => {
    // An Elastic IP associated by another resource of the template: name it.
    const by = instance.publicIp.source.logicalId;
    const types = context.shared('ec2-instance-no-public-ip:unmodeled-types', () => {
      return new Map(context.inventory.unmodeled.map((u) => [u.id, u.type]));
    });
    const elastic = by !== undefined && by !== instance.id && types.get(by)?.startsWith('AWS::EC2::EIP');
    const through = elastic ? ` through Elastic IP ${by}` : '';
    return judgeFor(`instance ${instance.name}: public IP`, instance.publicIp, (hasPublic, origin) =>
      hasPublic
        ? fail(
            `instance ${instance.name} gets a public IPv4 address${through}${byDefault(origin)}${at(instance.publicIp.source)}`,
          )
        : pass(`instance ${instance.name} has no public IPv4 address${byDefault(origin)}`),
    );
  },
});
