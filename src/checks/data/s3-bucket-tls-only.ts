import type { PolicyStatement } from '../../model/policy.js';
import { isUnresolvedToken } from '../../model/policy.js';
import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { conditionValues, describeStatement, principalIsEveryone } from '../policy-helpers.js';
import { at, judgeFor } from './wording.js';

type Finding = 'enforces' | 'no' | 'unknown' | 'narrowed';

/** A bucket policy can only name its own bucket, so any `.../*` resource means this bucket's objects. */
function coversObjects(resource: string): boolean {
  return resource === '*' || /:::\*$/.test(resource) || /^[^/]*\/\*$/.test(resource);
}

function secureTransportFalse(statement: PolicyStatement): Finding {
  const values =
    conditionValues(statement, 'Bool', 'aws:SecureTransport') ??
    conditionValues(statement, 'BoolIfExists', 'aws:SecureTransport');
  if (!values) return 'no';
  if (values.some(isUnresolvedToken)) return 'unknown';
  return values.some((v) => v.toLowerCase() === 'false') ? 'enforces' : 'no';
}

function classify(statement: PolicyStatement): Finding {
  if (statement.effect !== 'Deny' || !principalIsEveryone(statement.principal)) return 'no';
  if (!statement.action?.some((a) => a === '*' || a.toLowerCase() === 's3:*')) return 'no';
  if (!statement.resource?.some(coversObjects)) return 'no';
  const finding = secureTransportFalse(statement);
  if (finding !== 'enforces') return finding;
  // Every extra condition must also hold for the Deny to apply, so it leaves some HTTP requests allowed.
  const keyCount = Object.values(statement.condition ?? {}).reduce(
    (n, keys) => n + Object.keys(keys).length,
    0,
  );
  return keyCount > 1 ? 'narrowed' : 'enforces';
}

export const s3BucketTlsOnly = defineCheck({
  id: 's3-bucket-tls-only',
  title: 'S3 bucket policies deny requests that do not use TLS',
  severity: 'medium',
  area: 'data.enc-in-transit',
  rationale:
    'S3 answers plain HTTP as well as HTTPS. Only a bucket policy that denies aws:SecureTransport false makes sure ' +
    'no client, SDK misconfiguration or old tool sends or receives the data unencrypted.',
  remediation: {
    text: 'Add a bucket policy statement that denies s3:* to every principal on the bucket and its objects when aws:SecureTransport is false.',
    cloudformation: `DataBucketPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref DataBucket
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Sid: DenyInsecureTransport
          Effect: Deny
          Principal: '*'
          Action: 's3:*'
          Resource:
            - !GetAtt DataBucket.Arn
            - !Sub '\${DataBucket.Arn}/*'
          Condition:
            Bool:
              aws:SecureTransport: 'false'`,
  },
  frameworks: {
    cis: ['2.1.1'],
    fsbp: ['S3.5'],
    nist80053: ['SC-8'],
    pci: ['4.2.1'],
    hipaa: ['164.312(e)(1)'],
    iso27001: ['A.8.24'],
    soc2: ['CC6.7'],
  },
  resourceTypes: ['AWS::S3::Bucket'],
  reads: ['policy'],
  evaluate: (bucket) =>
    judgeFor(`bucket ${bucket.name}`, bucket.policy, (doc) => {
      if (doc === null) {
        return fail(`bucket ${bucket.name}: no bucket policy, so S3 also accepts plain HTTP requests`);
      }
      const findings = doc.statements.map((s) => ({ s, finding: classify(s) }));
      const enforcing = findings.find((f) => f.finding === 'enforces');
      if (enforcing) {
        return pass(
          `bucket ${bucket.name}: ${describeStatement(enforcing.s)} denies s3:* when aws:SecureTransport is false`,
        );
      }
      const unsure = findings.find((f) => f.finding === 'unknown');
      if (unsure) {
        return cannotTell(
          `bucket ${bucket.name}: ${describeStatement(unsure.s)} tests aws:SecureTransport against a value known only at deployment`,
        );
      }
      if (doc.problems.length > 0) {
        return cannotTell(
          `bucket ${bucket.name}: no TLS-only statement found, but some statements could not be read: ${doc.problems.join('; ')}`,
        );
      }
      const narrowed = findings.find((f) => f.finding === 'narrowed');
      const why = narrowed
        ? `${describeStatement(narrowed.s)} denies insecure transport only under further conditions`
        : 'the bucket policy has no Deny of s3:* for aws:SecureTransport false on the objects';
      return fail(`bucket ${bucket.name}: ${why}${at(bucket.policy.source)}`);
    }),
});
