import { defineCheck, fail, pass } from '../check.js';
import { judgeFor } from '../data/wording.js';

export const ec2InstanceManagedBySsm = defineCheck({
  id: 'ec2-instance-managed-by-ssm',
  title: 'EC2 instances are managed by Systems Manager',
  severity: 'medium',
  area: 'os.patch',
  rationale:
    "On EC2 the guest operating system is the customer's to patch, inventory and access. An instance that " +
    'Systems Manager manages can be patched, inventoried and reached through Session Manager without open SSH ' +
    'ports; one it does not manage is usually one nobody patches. Only a live scan can tell: the SSM agent ' +
    'must run and the instance role must allow it.',
  remediation: {
    text:
      'Run the SSM agent (preinstalled on Amazon Linux and Windows AMIs), give the instance a role with ' +
      'AmazonSSMManagedInstanceCore (or turn on Default Host Management Configuration), and allow it to reach ' +
      'the SSM endpoints.',
    cloudformation: `InstanceRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Principal: { Service: ec2.amazonaws.com }
          Action: sts:AssumeRole
    ManagedPolicyArns:
      - !Sub arn:\${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore
InstanceProfile:
  Type: AWS::IAM::InstanceProfile
  Properties:
    Roles: [!Ref InstanceRole]`,
  },
  frameworks: {
    fsbp: ['SSM.1'],
    nist80053: ['CM-8', 'SI-2'],
    pci: ['6.3.3'],
    iso27001: ['A.8.8'],
    soc2: ['CC7.1'],
  },
  resourceTypes: ['AWS::EC2::Instance'],
  reads: ['managedBySsm'],
  evaluate: (instance) =>
    judgeFor(`instance ${instance.name}`, instance.managedBySsm, (managed) =>
      managed
        ? pass(`instance ${instance.name} is managed by Systems Manager`)
        : fail(`instance ${instance.name} is not managed by Systems Manager`),
    ),
});
