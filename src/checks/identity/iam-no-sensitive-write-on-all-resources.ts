import type { IamManagedPolicy, IamRole, IamUser } from '../../model/resources/index.js';
import { type BroadWrite, broadWrites, policyAsPrincipal } from '../../iam/privileges.js';
import { cannotTell, type CheckContext, defineCheck, fail, pass, type Verdict } from '../check.js';
import { kindOf, principalFor, setAsideNote, some } from './iam-wording.js';

/** AWS managed policies named for reading only (ReadOnlyAccess, ViewOnlyAccess, SecurityAudit…). */
const READ_ONLY_AWS_POLICY = /readonly|viewonly|securityaudit/i;

function words(w: BroadWrite): string {
  const list = w.allowed.length ? w.allowed : w.maybe;
  return `${w.service} ${w.level.toLowerCase()} (${list.length}: ${some(list, 3)})`;
}

function judge(resource: IamManagedPolicy | IamRole | IamUser, context: CheckContext): Verdict | Verdict[] {
  const label = `${kindOf(resource)} ${resource.name}`;
  let result: ReturnType<typeof broadWrites>;
  let note = '';
  let setAside: readonly string[] = [];
  if (resource.type === 'AWS::IAM::ManagedPolicy') {
    if (resource.awsManaged) return [];
    if (!resource.document.known)
      return cannotTell(`${label}: document unknown: ${resource.document.reason}`, resource.document.source);
    result = broadWrites(
      context.inventory,
      policyAsPrincipal(context.inventory, { name: resource.name, document: resource.document.value }),
    );
  } else {
    const found = principalFor(resource, context);
    result = broadWrites(found.inventory, found.principal);
    setAside = found.setAside;
    note = setAsideNote(setAside);
  }
  const sure = result.writes.filter((w) => w.allowed.length > 0);
  if (sure.length) {
    return fail(
      `${label} may write to every resource of sensitive services: ${some(sure.map(words), 5)}`,
      resource.source,
    );
  }
  if (result.writes.length) {
    return cannotTell(
      `${label} may, under conditions, write to every resource of: ${some(result.writes.map(words), 5)}`,
      resource.source,
    );
  }
  if (result.unknownPolicies.length) {
    return cannotTell(`${label}: cannot tell, ${some(result.unknownPolicies)} unknown`, resource.source);
  }
  // Set aside as granting no administration, an unread AWS managed policy may still write to "*"
  // (AmazonEC2RoleforSSM puts objects into every bucket): only read-only ones are safe to pass.
  const mayWrite = setAside.filter((name) => !READ_ONLY_AWS_POLICY.test(name));
  if (mayWrite.length) {
    return cannotTell(
      `${label}: cannot tell, AWS managed ${mayWrite.length === 1 ? 'policy' : 'policies'} ${some(mayWrite)} not read (the document is not in this inventory; a live scan reads it)`,
      resource.source,
    );
  }
  return pass(
    `${label} holds no write or permissions-management action of a sensitive service on "*"${note}`,
    resource.source,
  );
}

export const iamNoSensitiveWriteOnAllResources = defineCheck({
  id: 'iam-no-sensitive-write-on-all-resources',
  title: 'No write or permissions-management access to every resource of sensitive services',
  severity: 'high',
  area: 'iam.cloud',
  rationale:
    'Write or permissions-management actions on Resource "*" in services such as IAM, KMS, S3, Secrets ' +
    'Manager, Lambda or CloudTrail reach every key, bucket, secret and trail in the account, including those of ' +
    'other teams and the security tooling itself. Wildcards are expanded over the AWS Service Authorization ' +
    'Reference and evaluated with Deny statements and boundaries; actions that only ever work on "*" are not counted.',
  remediation: {
    text:
      'Name the resources (ARNs, or ARN prefixes per application) in the Resource element, or split the ' +
      'statement so that only read and list actions keep Resource "*".',
    cloudformation: `AppPolicy:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Action:
            - kms:Decrypt
            - kms:GenerateDataKey
          Resource: !GetAtt DataKey.Arn`,
  },
  frameworks: {
    fsbp: ['IAM.21', 'KMS.1', 'KMS.2'],
    nist80053: ['AC-6', 'AC-3'],
    pci: ['7.2.2'],
    iso27001: ['A.5.15', 'A.8.2'],
    soc2: ['CC6.3'],
  },
  resourceTypes: ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User'],
  reads: ['awsManaged', 'document', 'inlinePolicies', 'managedPolicyArns', 'permissionsBoundary', 'groups'],
  evaluate: judge,
});
