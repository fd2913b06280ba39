import { defineCheck, fail, pass } from '../check.js';
import { listing, shown } from '../data/wording.js';

export const iamUserNoInlinePolicies = defineCheck({
  id: 'iam-user-no-inline-policies',
  title: 'IAM users get permissions only through groups',
  severity: 'low',
  area: 'iam.cloud',
  rationale:
    'Policies attached to individual users drift apart and are forgotten when people change roles; granting ' +
    'through groups keeps permissions reviewable in one place and removes them with group membership. Better ' +
    'still, people sign in through IAM Identity Center and workloads use roles, with no IAM users at all.',
  remediation: {
    text:
      "Move the user's inline and directly attached managed policies to a group and add the user to it " +
      '(or replace the user with an IAM Identity Center user or a role).',
    cloudformation: `DevelopersGroup:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns:
      - arn:aws:iam::aws:policy/ReadOnlyAccess
Alice:
  Type: AWS::IAM::User
  Properties:
    Groups:
      - !Ref DevelopersGroup`,
  },
  frameworks: {
    cis: ['1.15'],
    fsbp: ['IAM.2'],
    nist80053: ['AC-2', 'AC-6'],
    iso27001: ['A.5.15', 'A.5.18'],
    soc2: ['CC6.3'],
  },
  resourceTypes: ['AWS::IAM::User'],
  reads: ['inlinePolicies', 'managedPolicyArns'],
  evaluate: (user) => {
    const direct = [
      ...user.inlinePolicies.map((p) => (p.via ? `policy ${p.via}` : `inline policy ${p.name}`)),
      // An unresolved ARN is still a policy attached to the user, whatever it turns out to be.
      ...user.managedPolicyArns.map(
        (arn) => `managed policy ${arn.known ? shown(arn.value) : '(set at deployment)'}`,
      ),
    ];
    if (direct.length > 0) {
      const evidence = user.inlinePolicies[0]?.source ?? user.managedPolicyArns[0]?.source ?? user.source;
      return fail(
        `user ${user.name} has ${listing(direct)} attached directly; grant them through a group`,
        evidence,
      );
    }
    return pass(`user ${user.name} has no policies attached directly`, user.source);
  },
});
