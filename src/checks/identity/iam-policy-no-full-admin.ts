import { fullAdmin, policyAsPrincipal } from '../../iam/privileges.js';
import type { IamManagedPolicy, IamRole, IamUser } from '../../model/resources/index.js';
import { type CheckContext, cannotTell, defineCheck, fail, pass, type Verdict } from '../check.js';
import { fullAdminOf, kindOf, setAsideNote, some } from './iam-wording.js';

function judgeAdmin(
  resource: IamManagedPolicy | IamRole | IamUser,
  context: CheckContext,
): Verdict | Verdict[] {
  const label = `${kindOf(resource)} ${resource.name}`;
  let answer: ReturnType<typeof fullAdmin>;
  let note = '';
  if (resource.type === 'AWS::IAM::ManagedPolicy') {
    // AWS's own managed policies are judged where they are attached, not on their own.
    if (resource.awsManaged) return [];
    if (!resource.document.known)
      return cannotTell(`${label}: document unknown: ${resource.document.reason}`, resource.document.source);
    const probe = policyAsPrincipal(context.inventory, {
      name: resource.name,
      document: resource.document.value,
    });
    answer = fullAdmin(context.inventory, probe);
  } else {
    const admin = fullAdminOf(resource, context);
    answer = admin.answer;
    note = setAsideNote(admin.setAside);
  }
  const why = some(
    answer.evidence.map((m) => m.reason),
    3,
  );
  if (answer.status === 'yes') return fail(`${label} has full administrator access: ${why}`, resource.source);
  if (answer.status === 'maybe') {
    return cannotTell(
      `${label} may have full administrator access, depending on ${some([...answer.dependsOn])}: ${why}`,
      resource.source,
    );
  }
  return pass(`${label} does not have full administrator access${note}`, resource.source);
}

export const iamPolicyNoFullAdmin = defineCheck({
  id: 'iam-policy-no-full-admin',
  title: 'No IAM policy or principal has full "*:*" administrator access',
  severity: 'critical',
  area: 'iam.cloud',
  rationale:
    'An Allow of every action on every resource makes its holder account administrator: one leaked key, ' +
    'compromised workload or confused deputy then owns the whole account, logs and all. AWS enforces whatever ' +
    "the customer writes; least privilege is the customer's part. The check evaluates the policies as AWS would, " +
    'so "*", "*:*", NotAction of a few actions and the AdministratorAccess managed policy all count, while a ' +
    'Deny, a permissions boundary or an SCP that takes the power away is honoured.',
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
  reads: ['awsManaged', 'document', 'inlinePolicies', 'managedPolicyArns', 'permissionsBoundary', 'groups'],
  evaluate: judgeAdmin,
});
