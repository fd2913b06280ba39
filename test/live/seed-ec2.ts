import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateFlowLogsCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeVpcsCommand,
  EC2Client,
  RegisterImageCommand,
  RunInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

export interface SeededNetwork {
  defaultVpcId: string;
  flowLogVpcId: string;
  plainVpcId: string;
  subnetA: string;
  subnetB: string;
  openSshGroupId: string;
  cleanGroupId: string;
  publicInstanceId: string;
  privateInstanceId: string;
  stoppedInstanceId: string;
}

export interface SeedConfig {
  region: string;
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/**
 * VPCs with and without flow logs (into the bucket whoowns-logs), an open and a clean security
 * group, a public subnet A and a private subnet B, and instances (all in subnet A): IMDSv1 with a public IP and an unencrypted volume, IMDSv2 private and
 * encrypted, and a stopped one.
 */
export async function seedNetwork(config: SeedConfig): Promise<SeededNetwork> {
  const ec2 = new EC2Client(config);
  const defaultVpcId =
    (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] })))
      .Vpcs?.[0]?.VpcId ?? '';
  const flowLogVpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }))).Vpc?.VpcId ?? '';
  const plainVpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }))).Vpc?.VpcId ?? '';
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'whoowns-logs' }));
  await ec2.send(
    new CreateFlowLogsCommand({
      ResourceIds: [flowLogVpcId],
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 's3',
      LogDestination: 'arn:aws:s3:::whoowns-logs',
    }),
  );
  const subnetA =
    (
      await ec2.send(
        new CreateSubnetCommand({
          VpcId: plainVpcId,
          CidrBlock: '10.2.1.0/24',
          AvailabilityZone: 'us-east-1a',
        }),
      )
    ).Subnet?.SubnetId ?? '';
  const subnetB =
    (
      await ec2.send(
        new CreateSubnetCommand({
          VpcId: plainVpcId,
          CidrBlock: '10.2.2.0/24',
          AvailabilityZone: 'us-east-1b',
        }),
      )
    ).Subnet?.SubnetId ?? '';

  // subnetA is public: its own route table sends 0.0.0.0/0 to an internet gateway; subnetB keeps the main table.
  const igwId =
    (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway?.InternetGatewayId ?? '';
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: plainVpcId }));
  const publicTableId =
    (await ec2.send(new CreateRouteTableCommand({ VpcId: plainVpcId }))).RouteTable?.RouteTableId ?? '';
  await ec2.send(
    new CreateRouteCommand({
      RouteTableId: publicTableId,
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: igwId,
    }),
  );
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicTableId, SubnetId: subnetA }));

  const openSshGroupId =
    (
      await ec2.send(
        new CreateSecurityGroupCommand({ GroupName: 'open-ssh', Description: 'ssh', VpcId: plainVpcId }),
      )
    ).GroupId ?? '';
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: openSshGroupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }),
  );
  const cleanGroupId =
    (
      await ec2.send(
        new CreateSecurityGroupCommand({ GroupName: 'clean', Description: 'https', VpcId: plainVpcId }),
      )
    ).GroupId ?? '';
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: cleanGroupId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
      ],
    }),
  );

  const imageId =
    (await ec2.send(new RegisterImageCommand({ Name: 'whoowns-test', RootDeviceName: '/dev/xvda' })))
      .ImageId ?? '';
  const launch = async (
    tokens: 'optional' | 'required',
    publicIp: boolean,
    encrypted: boolean,
    group: string,
  ) =>
    (
      await ec2.send(
        new RunInstancesCommand({
          ImageId: imageId,
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          MetadataOptions: { HttpTokens: tokens, HttpEndpoint: 'enabled' },
          NetworkInterfaces: [
            { DeviceIndex: 0, SubnetId: subnetA, AssociatePublicIpAddress: publicIp, Groups: [group] },
          ],
          BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, Encrypted: encrypted } }],
        }),
      )
    ).Instances?.[0]?.InstanceId ?? '';
  const publicInstanceId = await launch('optional', true, false, openSshGroupId);
  const privateInstanceId = await launch('required', false, true, cleanGroupId);
  const stoppedInstanceId = await launch('required', true, true, cleanGroupId);
  await ec2.send(new StopInstancesCommand({ InstanceIds: [stoppedInstanceId] }));

  for (const client of [ec2, s3]) client.destroy();
  return {
    defaultVpcId,
    flowLogVpcId,
    plainVpcId,
    subnetA,
    subnetB,
    openSshGroupId,
    cleanGroupId,
    publicInstanceId,
    privateInstanceId,
    stoppedInstanceId,
  };
}
