import { type PolicyType, validatePolicy } from '../../iam/validate-policy.js';
import type { PolicyDocument } from '../../model/policy.js';
import type { Resource } from '../../model/resources/index.js';
import type { Value } from '../../model/value.js';
import { cannotTell, defineCheck, fail, pass, type Verdict } from '../check.js';
import { some } from './iam-wording.js';

interface Labelled {
  label: string;
  type: PolicyType;
  document: Value<PolicyDocument | null>;
}

function documentsOf(r: Resource): Labelled[] {
  const inline = (owner: {
    inlinePolicies: Array<{ name: string; via?: string; document: Value<PolicyDocument> }>;
  }) =>
    owner.inlinePolicies.map((p) => ({
      label: p.via ? `policy ${p.via}` : `inline policy ${p.name}`,
      type: 'identity' as const,
      document: p.document,
    }));
  switch (r.type) {
    case 'AWS::IAM::ManagedPolicy':
      return r.awsManaged ? [] : [{ label: 'its document', type: 'identity', document: r.document }];
    case 'AWS::IAM::Role':
      return [...inline(r), { label: 'its trust policy', type: 'trust', document: r.assumeRolePolicy }];
    case 'AWS::IAM::User':
    case 'AWS::IAM::Group':
      return inline(r);
    default:
      return [];
  }
}

function judge(r: Resource): Verdict | Verdict[] {
  const docs = documentsOf(r);
  if (docs.length === 0) return [];
  const problems: string[] = [];
  const notes: string[] = [];
  const unknown: string[] = [];
  for (const d of docs) {
    if (!d.document.known) {
      unknown.push(`${d.label} (${d.document.reason})`);
      continue;
    }
    if (!d.document.value) continue;
    for (const p of validatePolicy(d.document.value, d.type)) {
      const where =
        p.statement === undefined
          ? d.label
          : `${d.label}, ${p.sid ? `statement "${p.sid}"` : `statement #${p.statement + 1}`}`;
      const line = `${where} ${p.message}`;
      // A typo in an action grants nothing and hides what was meant: worth fixing like an error.
      if (p.severity === 'error' || /matches no action|names no AWS service|not of the form/.test(p.message))
        problems.push(line);
      else notes.push(line);
    }
  }
  if (problems.length) return fail(`${r.name}: ${some(problems, 5)}`, r.source);
  if (unknown.length) return cannotTell(`${r.name}: cannot read ${some(unknown)}`, r.source);
  const extra = notes.length ? `; notes: ${some(notes, 3)}` : '';
  return pass(`${r.name}: policies are well formed and name only documented actions${extra}`, r.source);
}

export const iamPolicyValid = defineCheck({
  id: 'iam-policy-valid',
  title: 'IAM policies are well formed and name only real actions',
  severity: 'low',
  area: 'iam.cloud',
  rationale:
    'A misspelt action (s3:GetObjects) or a Principal in an identity policy does not do what its author ' +
    'meant: AWS grants nothing for it, or rejects the policy at deploy time, and a reviewer reading the policy ' +
    'is misled. Actions are checked against the AWS Service Authorization Reference.',
  remediation: {
    text:
      'Fix the listed statements: spell actions as the Service Authorization Reference does, keep Principal ' +
      'out of identity policies and in resource policies, and give every statement an Action and a Resource.',
    cloudformation: `ReadPolicy:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Action: s3:GetObject
          Resource: !Sub '\${DataBucket.Arn}/*'`,
  },
  frameworks: {
    nist80053: ['AC-3', 'CM-6'],
    iso27001: ['A.8.9'],
    soc2: ['CC6.1'],
  },
  // Resource policies are read by the exposure checks, which report what they could not parse.
  resourceTypes: ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  reads: ['awsManaged', 'document', 'inlinePolicies', 'assumeRolePolicy'],
  evaluate: judge,
});
