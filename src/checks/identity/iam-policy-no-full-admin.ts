import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { adminGrantsOf } from './admin-grants.js';

export const iamPolicyNoFullAdmin = defineCheck({
  id: 'iam-policy-no-full-admin',
  title: 'No IAM policy grants full "*:*" administrator access',
  severity: 'critical',
  area: 'iam.cloud',
  rationale:
    'An Allow of every action on every resource makes its holder account administrator: one leaked key, ' +
    'compromised workload or confused deputy then owns the whole account, logs and all. AWS enforces whatever ' +
    "the customer writes; least privilege is the customer's part. Checked: customer managed policies, inline " +
    'policies of roles and users, and the AWS managed AdministratorAccess policy attached to them.',
  remediation: {
    text:
      'Grant only the actions and resources the workload needs (IAM Access Analyzer can generate a policy from ' +
      'CloudTrail activity). Keep break-glass administrator access in IAM Identity Center permission sets, not in ' +
      'workload roles or users.',
    cloudformation: `AppPolicy:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Action:
            - s3:GetObject
            - s3:PutObject
          Resource: !Sub '\${DataBucket.Arn}/*'`,
  },
  frameworks: {
    cis: ['1.16'],
    fsbp: ['IAM.1'],
    nist80053: ['AC-2', 'AC-6'],
    pci: ['7.2.2'],
    hipaa: ['164.308(a)(4)'],
    iso27001: ['A.5.15', 'A.8.2'],
    soc2: ['CC6.1', 'CC6.3'],
  },
  resourceTypes: ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User'],
  reads: ['awsManaged', 'document', 'inlinePolicies', 'managedPolicyArns'],
  evaluate: (resource, context) => {
    // AWS's own managed policies are judged where they are attached, not on their own.
    if (resource.type === 'AWS::IAM::ManagedPolicy' && resource.awsManaged) return [];
    const kind = {
      'AWS::IAM::ManagedPolicy': 'managed policy',
      'AWS::IAM::Role': 'role',
      'AWS::IAM::User': 'user',
    };
    const label = `${kind[resource.type]} ${resource.name}`;
    const { grants, doubts, evidence } = adminGrantsOf(resource, context);
    if (grants.length > 0)
      return fail(`${label} grants full administrator access: ${grants.join('; ')}`, evidence);
    if (doubts.length > 0) {
      return cannotTell(
        `${label} may grant full administrator access: ${doubts.join('; ')}`,
        resource.source,
      );
    }
    return pass(`${label} grants no "*" action on "*" resource`, resource.source);
  },
});
