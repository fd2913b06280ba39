import { defineCheck, fail, judge, pass } from '../check.js';

export const iamSupportRoleExists = defineCheck({
  id: 'iam-support-role-exists',
  title: 'A role exists for working with AWS Support',
  severity: 'low',
  area: 'ir.response',
  rationale:
    'During an incident someone must open and follow AWS Support cases without root or full administrator ' +
    "rights. A role with the AWSSupportAccess policy, prepared in advance, is that someone's way in.",
  remediation: {
    text: 'Create a role that your incident responders can assume, with the AWSSupportAccess managed policy attached.',
    cloudformation: `SupportRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Principal: { AWS: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root' }
          Action: sts:AssumeRole
    ManagedPolicyArns:
      - !Sub arn:\${AWS::Partition}:iam::aws:policy/AWSSupportAccess`,
  },
  frameworks: {
    cis: ['1.17'],
    fsbp: ['IAM.18'],
    nist80053: ['IR-4'],
    iso27001: ['A.5.24'],
    soc2: ['CC7.4'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['supportRoleExists'],
  evaluate: (account) =>
    judge(account.supportRoleExists, (exists) =>
      exists
        ? pass('a role has the AWSSupportAccess policy')
        : fail('no role has the AWSSupportAccess managed policy attached'),
    ),
});
