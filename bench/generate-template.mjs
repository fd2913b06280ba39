// Writes a large, realistic CloudFormation YAML template: a mix of every modeled type, with
// short-form intrinsics, satellites and parameters, so the benchmark exercises the whole adapter.
import { writeFileSync } from 'node:fs';

const KINDS = [
  (i) => `  Bucket${i}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub 'bench-${i}-\${AWS::AccountId}'
      VersioningConfiguration: { Status: ${i % 2 ? 'Enabled' : 'Suspended'} }
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: !Ref Key${i} }
  BucketPolicy${i}:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket${i}
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: [!GetAtt Bucket${i}.Arn, !Sub '\${Bucket${i}.Arn}/*']
            Condition: { Bool: { 'aws:SecureTransport': 'false' } }`,
  (i) => `  Key${i}:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: ${i % 3 !== 0}`,
  (i) => `  Role${i}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }
      Policies:
        - PolicyName: p${i}
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: [dynamodb:GetItem, dynamodb:PutItem], Resource: !GetAtt Table${i}.Arn }`,
  (i) => `  Table${i}:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: !If [IsProd, true, false] }`,
  (i) => `  Group${i}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: group ${i}
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
        - { IpProtocol: tcp, FromPort: ${i % 7 ? 8080 : 22}, ToPort: ${i % 7 ? 8080 : 22}, CidrIp: ${i % 5 ? '10.0.0.0/8' : '0.0.0.0/0'} }`,
  (i) => `  Instance${i}:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: !Ref Ami
      InstanceType: !FindInMap [Sizes, !Ref Env, Web]
      SubnetId: !Ref Subnet
      SecurityGroupIds: [!GetAtt Group${i - 1}.GroupId]
      MetadataOptions: { HttpTokens: ${i % 2 ? 'required' : 'optional'} }
      BlockDeviceMappings:
        - { DeviceName: /dev/xvda, Ebs: { VolumeSize: 20, Encrypted: ${i % 4 !== 0} } }`,
  (i) => `  Db${i}:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      StorageEncrypted: true
      MultiAZ: !If [IsProd, true, false]
      BackupRetentionPeriod: ${i % 10}
      PubliclyAccessible: false`,
  (i) => `  Fn${i}:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: ${i % 3 ? 'python3.12' : 'nodejs16.x'}
      Handler: index.handler
      Role: !GetAtt Role${i - 5}.Arn
      Code: { ZipFile: 'def handler(e, c): return e' }
      Environment: { Variables: { TABLE: !Ref Table${i - 4} } }
  Queue${i}:
    Type: AWS::SQS::Queue
  Topic${i}:
    Type: AWS::SNS::Topic
    Properties: { KmsMasterKeyId: alias/aws/sns }`,
];

/** One "block" yields 10 resources; `count` is rounded up to a whole number of blocks. */
export function generateTemplate(count) {
  const lines = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Parameters:',
    '  Env: { Type: String, Default: prod }',
    '  Ami: { Type: AWS::EC2::Image::Id, Default: ami-12345678 }',
    'Mappings:',
    '  Sizes: { prod: { Web: m6i.large }, dev: { Web: t3.micro } }',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    'Resources:',
    '  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }',
    '  Subnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24 } }',
  ];
  const blocks = Math.ceil(count / 10);
  for (let b = 0; b < blocks; b++) {
    for (let k = 0; k < KINDS.length; k++) lines.push(KINDS[k](b * KINDS.length + k));
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[2]) {
  writeFileSync(process.argv[2], generateTemplate(Number(process.argv[3] ?? 5000)));
}
