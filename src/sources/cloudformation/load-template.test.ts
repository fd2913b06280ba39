import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  Ec2Instance,
  EcrRepository,
  IamRole,
  RdsDbInstance,
  S3Bucket,
  SecretsManagerSecret,
  SecurityGroup,
  Vpc,
} from '../../model/resources/index.js';
import { loadTemplateFile, loadTemplateText, MAX_TEMPLATE_BYTES, TemplateParseError } from './index.js';

function byId<T>(inventory: { resources: { id: string }[] }, id: string): T {
  const found = inventory.resources.find((r) => r.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found as T;
}

describe('loading a CloudFormation template', () => {
  it('keeps the line of each resource and property, in YAML and JSON alike', () => {
    const yaml = loadTemplateText(
      'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: logs\n',
      'a.yaml',
    );
    const bucket = byId<S3Bucket>(yaml, 'B');
    expect(bucket.source).toMatchObject({ file: 'a.yaml', line: 2, logicalId: 'B' });
    expect(bucket.bucketName).toMatchObject({ value: 'logs', origin: 'explicit', source: { line: 5 } });
    const json = loadTemplateText(
      JSON.stringify(
        { Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'x' } } } },
        null,
        2,
      ),
      'a.json',
    );
    expect(byId<S3Bucket>(json, 'B').bucketName.source.line).toBe(6);
  });

  it('applies AWS defaults where a property is absent, and says so', () => {
    const inv = loadTemplateText('Resources:\n  B: { Type: AWS::S3::Bucket }\n', 'a.yaml');
    const bucket = byId<S3Bucket>(inv, 'B');
    expect(bucket.encryption).toMatchObject({ value: { algorithm: 'AES256' }, origin: 'default' });
    expect(bucket.publicAccessBlock.blockPublicPolicy).toMatchObject({ value: true, origin: 'default' });
  });

  it('treats flags left out of a given PublicAccessBlockConfiguration as off', () => {
    const inv = loadTemplateText(
      'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration: { BlockPublicAcls: true }\n',
      'a.yaml',
    );
    const block = byId<S3Bucket>(inv, 'B').publicAccessBlock;
    expect(block.blockPublicAcls.known && block.blockPublicAcls.value).toBe(true);
    expect(block.restrictPublicBuckets.known && block.restrictPublicBuckets.value).toBe(false);
  });

  it('folds satellites into their parents and lists orphans as not assessed', () => {
    const inv = loadTemplateText(
      `Resources:
  G: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: g } }
  Rule: { Type: AWS::EC2::SecurityGroupIngress, Properties: { GroupId: !GetAtt G.GroupId, IpProtocol: -1, CidrIp: 0.0.0.0/0 } }
  B: { Type: AWS::S3::Bucket, Properties: { BucketName: !Sub "logs-\${AWS::AccountId}" } }
  P: { Type: AWS::S3::BucketPolicy, Properties: { Bucket: !Sub "logs-\${AWS::AccountId}", PolicyDocument: { Statement: [{ Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*" }] } } }
  Elsewhere: { Type: AWS::S3::BucketPolicy, Properties: { Bucket: existing-bucket, PolicyDocument: {} } }
`,
      'a.yaml',
    );
    const group = byId<SecurityGroup>(inv, 'G');
    expect(group.rules).toHaveLength(1);
    expect(group.rules[0]?.fromPort).toMatchObject({ value: 0 });
    expect(group.rules[0]?.toPort).toMatchObject({ value: 65535 });
    const bucket = byId<S3Bucket>(inv, 'B');
    expect(bucket.name).toBe('logs-${AWS::AccountId}');
    expect(bucket.policy.known && bucket.policy.value?.statements).toHaveLength(1);
    expect(inv.unmodeled.map((u) => u.id)).toEqual(['Elsewhere']);
  });

  it('folds a bucket policy into the bucket whose name it spells the same way, deploy-time parts included', () => {
    const inventory = loadTemplateText(
      [
        'Parameters:',
        '  AppName: { Type: String }',
        'Resources:',
        '  Data:',
        '    Type: AWS::S3::Bucket',
        '    Properties: { BucketName: !Sub "${AppName}-${AWS::Region}-data" }',
        '  DataPolicy:',
        '    Type: AWS::S3::BucketPolicy',
        '    Properties:',
        '      Bucket: !Sub "${AppName}-${AWS::Region}-data"',
        '      PolicyDocument: { Statement: [{ Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*" }] }',
        '  OtherPolicy:',
        '    Type: AWS::S3::BucketPolicy',
        '    Properties:',
        '      Bucket: !Sub "${AppName}-other"',
        '      PolicyDocument: { Statement: [{ Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*" }] }',
      ].join('\n'),
      'p.yaml',
    );
    expect(byId<S3Bucket>(inventory, 'Data').policy).toMatchObject({ known: true, origin: 'explicit' });
    expect(inventory.unmodeled.map((u) => u.id)).toEqual(['OtherPolicy']);
  });

  it('folds AWS::IAM::RolePolicy and AWS::IAM::Policy into the role they name', () => {
    const inv = loadTemplateText(
      `Resources:
  R: { Type: AWS::IAM::Role, Properties: { RoleName: app, AssumeRolePolicyDocument: { Statement: [] } } }
  P1: { Type: AWS::IAM::RolePolicy, Properties: { RoleName: !Ref R, PolicyName: one, PolicyDocument: { Statement: [{ Effect: Allow, Action: "s3:GetObject", Resource: "*" }] } } }
  P2: { Type: AWS::IAM::Policy, Properties: { Roles: [app], PolicyName: two, PolicyDocument: { Statement: [] } } }
`,
      'a.yaml',
    );
    const role = byId<IamRole>(inv, 'R');
    expect(role.inlinePolicies.map((p) => [p.name, p.via])).toEqual([
      ['one', 'P1'],
      ['two', 'P2'],
    ]);
  });

  it('copies only the variant properties asked for into unmodeled resources', () => {
    const inv = loadTemplateText(
      `Parameters:
  Mode: { Type: String }
Resources:
  Task: { Type: AWS::ECS::TaskDefinition, Properties: { RequiresCompatibilities: [FARGATE], ContainerDefinitions: [{ Name: a, Environment: [{ Name: P, Value: hunter2 }] }] } }
  Svc: { Type: AWS::ECS::Service, Properties: { LaunchType: !Ref Mode } }
  Other: { Type: AWS::SSM::Parameter, Properties: { Value: secret } }
`,
      'a.yaml',
      {
        variantProperties: new Map([
          ['AWS::ECS::TaskDefinition', ['RequiresCompatibilities']],
          ['AWS::ECS::Service', ['LaunchType']],
        ]),
      },
    );
    const byIdUnmodeled = new Map(inv.unmodeled.map((u) => [u.id, u]));
    expect(byIdUnmodeled.get('Task')?.properties).toEqual({ RequiresCompatibilities: ['FARGATE'] });
    expect(byIdUnmodeled.get('Svc')?.properties?.LaunchType).toMatchObject({ known: false });
    expect(byIdUnmodeled.get('Other')?.properties).toBeUndefined();
    expect(JSON.stringify(inv)).not.toContain('hunter2');
  });

  it('maps Secrets Manager secrets with their folded resource policy, and ECR repositories', () => {
    const inv = loadTemplateText(
      `Resources:
  Secret: { Type: AWS::SecretsManager::Secret, Properties: { Name: db } }
  Policy: { Type: AWS::SecretsManager::ResourcePolicy, Properties: { SecretId: !Ref Secret, ResourcePolicy: { Statement: [{ Effect: Allow, Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" }] } } }
  Repo: { Type: AWS::ECR::Repository, Properties: { RepositoryName: images } }
`,
      'a.yaml',
    );
    const secret = byId<SecretsManagerSecret>(inv, 'Secret');
    expect(secret.policy.known && secret.policy.value?.statements).toHaveLength(1);
    expect(byId<EcrRepository>(inv, 'Repo').policy).toMatchObject({ known: true, value: null });
    expect(inv.unmodeled).toEqual([]);
  });

  it('defaults HttpTokens from the AMI: required on Amazon Linux 2023, optional elsewhere', () => {
    const template = (imageId: string, parameter?: string, given?: string) =>
      loadTemplateText(
        [
          ...(parameter
            ? [
                'Parameters:',
                '  Ami:',
                '    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
                `    Default: ${parameter}`,
              ]
            : []),
          'Resources:',
          '  I:',
          '    Type: AWS::EC2::Instance',
          '    Properties:',
          `      ImageId: ${imageId}`,
        ].join('\n'),
        'i.yaml',
        given ? { parameters: { Ami: given } } : {},
      );
    const tokens = (inventory: ReturnType<typeof template>) =>
      byId<Ec2Instance>(inventory, 'I').metadataHttpTokens;
    const al2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64';
    const al2 = '/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2';
    expect(tokens(template('!Ref Ami', al2023))).toMatchObject({ value: 'required', origin: 'default' });
    expect(tokens(template(`'{{resolve:ssm:${al2023}}}'`))).toMatchObject({ value: 'required' });
    expect(tokens(template('!Ref Ami', al2))).toMatchObject({ value: 'optional', origin: 'default' });
    // A value given at deploy time replaces the default parameter name.
    expect(tokens(template('!Ref Ami', al2023, al2))).toMatchObject({ value: 'optional' });
    expect(tokens(template('ami-0abcdef1234567890'))).toMatchObject({ value: 'optional' });
  });

  it('makes an instance public through the Elastic IPs the template associates with it or its interface', () => {
    const text = `
Parameters:
  Subnet: { Type: String, Default: subnet-1 }
  WithIp: { Type: String }
Conditions:
  HasIp: !Equals [!Ref WithIp, 'yes']
Resources:
  Direct:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-1, SubnetId: !Ref Subnet }
  DirectIp:
    Type: AWS::EC2::EIP
    Properties: { Domain: vpc, InstanceId: !Ref Direct }
  Nic:
    Type: AWS::EC2::NetworkInterface
    Properties: { SubnetId: !Ref Subnet }
  ThroughNic:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
      NetworkInterfaces: [{ DeviceIndex: '0', NetworkInterfaceId: !Ref Nic }]
  NicIp:
    Type: AWS::EC2::EIPAssociation
    Properties: { AllocationId: eipalloc-1, NetworkInterfaceId: !Ref Nic }
  QuietNic:
    Type: AWS::EC2::NetworkInterface
    Properties: { SubnetId: !Ref Subnet }
  ThroughQuietNic:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
      NetworkInterfaces: [{ DeviceIndex: '0', NetworkInterfaceId: !Ref QuietNic }]
  ThroughOutsideNic:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
      NetworkInterfaces: [{ DeviceIndex: '0', NetworkInterfaceId: eni-0123 }]
  Maybe:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-1, SubnetId: !Ref Subnet }
  MaybeIp:
    Type: AWS::EC2::EIP
    Condition: HasIp
    Properties: { InstanceId: !Ref Maybe }
  SecondEni:
    Type: AWS::EC2::NetworkInterface
    Properties: { SubnetId: !Ref Subnet }
  SecondIp:
    Type: AWS::EC2::EIPAssociation
    Properties: { AllocationId: eipalloc-2, NetworkInterfaceId: !Ref SecondEni }
  SecondNic:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
      NetworkInterfaces:
        - { DeviceIndex: '0', SubnetId: !Ref Subnet, AssociatePublicIpAddress: false }
        - { DeviceIndex: '1', NetworkInterfaceId: !Ref SecondEni }
  Attached:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-1, NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: !Ref Subnet, AssociatePublicIpAddress: false }] }
  Attachment:
    Type: AWS::EC2::NetworkInterfaceAttachment
    Properties: { InstanceId: !Ref Attached, NetworkInterfaceId: !Ref SecondEni, DeviceIndex: '1' }
  MaybeButPublicSubnet:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-1, NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: !Ref Subnet, AssociatePublicIpAddress: true }] }
  MaybeIp2:
    Type: AWS::EC2::EIP
    Condition: HasIp
    Properties: { InstanceId: !Ref MaybeButPublicSubnet }
`;
    const instances = new Map(
      loadTemplateText(text, 't.yaml')
        .resources.filter((r): r is Ec2Instance => r.type === 'AWS::EC2::Instance')
        .map((r) => [r.id, r.publicIp]),
    );
    expect(instances.get('Direct')).toMatchObject({
      known: true,
      value: true,
      source: { logicalId: 'DirectIp' },
    });
    expect(instances.get('ThroughNic')).toMatchObject({
      known: true,
      value: true,
      source: { logicalId: 'NicIp' },
    });
    expect(instances.get('ThroughQuietNic')).toMatchObject({
      known: true,
      value: false,
      origin: 'default',
    });
    expect(instances.get('ThroughOutsideNic')).toMatchObject({ known: false });
    expect(instances.get('SecondNic')).toMatchObject({
      known: true,
      value: true,
      source: { logicalId: 'SecondIp' },
    });
    expect(instances.get('Attached')).toMatchObject({
      known: true,
      value: true,
      source: { logicalId: 'SecondIp' },
    });
    expect(instances.get('MaybeButPublicSubnet')).toMatchObject({ known: true, value: true });
    expect(instances.get('Maybe')).toMatchObject({
      known: false,
      reason: expect.stringContaining('condition HasIp'),
    });
  });

  it("tells a VPC's public subnets from its route tables: a default route to an internet gateway", () => {
    const vpcWith = (routes: string) =>
      loadTemplateText(
        `
Parameters:
  Table: { Type: String }
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  Public: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24 } }
  Unassociated: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 } }
  Rt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  Link: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref Public, RouteTableId: !Ref Rt } }
${routes}`,
        't.yaml',
      ).resources.find((r): r is Vpc => r.type === 'AWS::EC2::VPC')?.publicSubnetIds;
    expect(
      vpcWith(
        '  R: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }',
      ),
    ).toMatchObject({ known: true, value: ['{{Public}}'] });
    expect(
      vpcWith(
        '  R: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: nat-1 } }',
      ),
    ).toMatchObject({ known: true, value: [] });
    expect(
      vpcWith(
        '  R: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }',
      ),
    ).toMatchObject({ known: false });
    // Any route to the internet gateway makes the subnet public, not only the default route.
    expect(
      vpcWith(
        '  R: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/1, GatewayId: !Ref Igw } }',
      ),
    ).toMatchObject({ known: true, value: ['{{Public}}'] });
  });

  it('gives a read replica the encryption of its source instance', () => {
    const replicaOf = (encrypted: string) =>
      loadTemplateText(
        `
Resources:
  Main: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBInstanceClass: db.t3.micro, StorageEncrypted: ${encrypted} } }
  Replica: { Type: AWS::RDS::DBInstance, Properties: { SourceDBInstanceIdentifier: !Ref Main, DBInstanceClass: db.t3.micro } }
`,
        't.yaml',
      ).resources.find((r): r is RdsDbInstance => r.id === 'Replica')?.storageEncrypted;
    expect(replicaOf('true')).toMatchObject({ known: true, value: true, source: { logicalId: 'Main' } });
    expect(replicaOf('false')).toMatchObject({ known: true, value: false });
  });

  it('does not give a read replica the 1-day backup default of a new instance', () => {
    const inventory = loadTemplateText(
      [
        'Resources:',
        '  Main: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBInstanceClass: db.t3.micro } }',
        '  Replica:',
        '    Type: AWS::RDS::DBInstance',
        '    Properties: { SourceDBInstanceIdentifier: !Ref Main, DBInstanceClass: db.t3.micro }',
      ].join('\n'),
      'r.yaml',
    );
    expect(byId<RdsDbInstance>(inventory, 'Main').backupRetentionDays).toMatchObject({
      value: 1,
      origin: 'default',
    });
    expect(byId<RdsDbInstance>(inventory, 'Replica').backupRetentionDays).toMatchObject({ known: false });
  });

  it('leaves out resources whose condition is false, and lists them', () => {
    const inv = loadTemplateText(
      'Conditions:\n  No: !Equals [a, b]\nResources:\n  B: { Type: AWS::S3::Bucket, Condition: No }\n',
      'a.yaml',
    );
    expect(inv.resources).toHaveLength(0);
    expect(inv.notCreated.map((r) => r.id)).toEqual(['B']);
  });

  it('derives RDS public access from the VPC internet gateway, as CreateDBInstance does', () => {
    const template = (igw: boolean) => `Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  ${igw ? 'Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: igw-1 } }' : ''}
  S1: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24 } }
  Group: { Type: AWS::RDS::DBSubnetGroup, Properties: { DBSubnetGroupDescription: d, SubnetIds: [!Ref S1] } }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBInstanceClass: db.t3.micro, DBSubnetGroupName: !Ref Group } }
  Default: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBInstanceClass: db.t3.micro } }
`;
    expect(
      byId<RdsDbInstance>(loadTemplateText(template(true), 'a.yaml'), 'Db').publiclyAccessible,
    ).toMatchObject({ value: true });
    expect(
      byId<RdsDbInstance>(loadTemplateText(template(false), 'a.yaml'), 'Db').publiclyAccessible,
    ).toMatchObject({ value: false });
    expect(
      byId<RdsDbInstance>(loadTemplateText(template(false), 'a.yaml'), 'Default').publiclyAccessible,
    ).toMatchObject({
      value: true,
      origin: 'default',
    });
  });

  it('marks values from unresolvable parameters unknown, with the reason', () => {
    const inv = loadTemplateText(
      'Parameters:\n  Enc: { Type: String }\nResources:\n  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBInstanceClass: x, StorageEncrypted: !Ref Enc } }\n',
      'a.yaml',
    );
    const db = byId<RdsDbInstance>(inv, 'Db');
    expect(db.storageEncrypted.known).toBe(false);
    expect(!db.storageEncrypted.known && db.storageEncrypted.reason).toMatch(/parameter Enc has no default/);
  });

  it('still reports on the rest when some resources cannot be read', () => {
    const inv = loadTemplateText(
      'Resources:\n  NoType: { Properties: {} }\n  Loop: { Type: !Rain::Module x.yaml }\n  B: { Type: AWS::S3::Bucket, Properties: [1, 2] }\n  C: { Type: AWS::S3::Bucket }\n',
      'a.yaml',
    );
    expect(inv.resources.map((r) => r.id)).toEqual(['B', 'C']);
    expect(inv.unmodeled.map((u) => u.id)).toEqual(['NoType', 'Loop']);
  });
});

describe('bad input gives one clear error naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whoowns-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const expectError = async (path: string, pattern: RegExp) => {
    const error = await loadTemplateFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateParseError);
    expect((error as TemplateParseError).file).toBe(path);
    expect((error as Error).message).toMatch(pattern);
  };

  it('a missing file', () => expectError(join(dir, 'nope.yaml'), /file not found/));
  it('invalid YAML, with line and column', () =>
    expectError(write('bad.yaml', 'Resources:\n  A: [\n'), /invalid YAML\/JSON at line \d+, column \d+/));
  it('invalid JSON', () => expectError(write('bad.json', '{"Resources": {"A": }'), /invalid YAML\/JSON/));
  it('a file that is not a template', () =>
    expectError(write('list.json', '[{"ParameterKey":"a"}]'), /not a CloudFormation template/));
  it('a YAML alias bomb', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      Tags: *a11');
    return expectError(write('bomb.yaml', lines.join('\n')), /alias bomb/);
  });
  it('a file larger than any template', () => {
    const path = write('huge.yaml', `# ${'x'.repeat(MAX_TEMPLATE_BYTES)}\n`);
    return expectError(path, /whoowns reads templates up to 20 MB/);
  });
});
