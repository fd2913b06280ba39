import type { S3Bucket } from '../../model/resources/index.js';
import type { Value } from '../../model/value.js';
import type { CheckContext, Verdict } from '../check.js';
import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { describeGrant, exposureOf } from '../identity/resource-exposure.js';
import { at } from './wording.js';

/** Says how a Block Public Access flag settles an exposure: on (neutralised), off, or unknown. */
function settle(flag: Value<boolean>, exposure: string, onNote: string, name: string): Verdict {
  if (!flag.known)
    return cannotTell(`${exposure}; whether ${name} neutralises it is unknown: ${flag.reason}`, flag.source);
  if (flag.value) return pass(`${exposure}, but ${name} is on, so ${onNote}`, flag.source);
  return fail(`${exposure} and ${name} is false${at(flag.source)}`, flag.source);
}

/** S3's own rating only corroborates the message; it never decides (templates cannot know it). */
function corroboration(bucket: S3Bucket): string {
  const rated = bucket.policyIsPublic;
  return rated.known && rated.value === true ? ' (S3 itself rates the policy public)' : '';
}

/**
 * The bucket policy is evaluated for a stranger (see iam/exposure.ts): what they get is public,
 * whatever the spelling of the grant, and conditions only the customer's callers meet keep it private.
 */
function policyVerdicts(bucket: S3Bucket, context: CheckContext): Verdict[] {
  const policy = bucket.policy;
  if (!policy.known)
    return [cannotTell(`bucket ${bucket.name}: bucket policy unknown: ${policy.reason}`, policy.source)];
  const found = exposureOf(bucket, context);
  if (!found || policy.value === null) return [];
  const out: Verdict[] = [];
  const note = "S3 lets only AWS services and the bucket owner's account use the public grant";
  const restrict = bucket.publicAccessBlock.restrictPublicBuckets;
  for (const grant of found.exposure.public) {
    if (grant.allowed.length === 0) {
      const maybe = `bucket ${bucket.name}: the bucket policy may let everyone in: ${describeGrant(grant)}`;
      // RestrictPublicBuckets settles a grant that might be public as surely as one that is.
      out.push(
        restrict.known && restrict.value
          ? pass(`${maybe}, but RestrictPublicBuckets is on, so ${note}`, restrict.source)
          : cannotTell(maybe, policy.source),
      );
      continue;
    }
    const exposure = `bucket ${bucket.name}: the bucket policy lets everyone in: ${describeGrant(grant)}${at(policy.source)}${corroboration(bucket)}`;
    out.push(settle(restrict, exposure, note, 'RestrictPublicBuckets'));
  }
  if (policy.value.problems.length > 0 && out.length === 0) {
    out.push(
      cannotTell(
        `bucket ${bucket.name}: some policy statements could not be read: ${policy.value.problems.join('; ')}`,
        policy.source,
      ),
    );
  }
  return out;
}

function aclVerdicts(bucket: S3Bucket): Verdict[] {
  const acl = bucket.aclPublicPermissions;
  if (!acl.known) return [cannotTell(`bucket ${bucket.name}: bucket ACL unknown: ${acl.reason}`, acl.source)];
  if (acl.value.length === 0) return [];
  const ownership = bucket.objectOwnership;
  if (ownership.known && ownership.value === 'BucketOwnerEnforced') return [];
  const exposure = `bucket ${bucket.name}: the ACL grants ${acl.value.join(', ')} to AllUsers or AuthenticatedUsers${at(acl.source)}`;
  return [
    settle(bucket.publicAccessBlock.ignorePublicAcls, exposure, 'S3 ignores public ACLs', 'IgnorePublicAcls'),
  ];
}

export const s3BucketNoPublicAccess = defineCheck({
  id: 's3-bucket-no-public-access',
  title: 'S3 buckets do not grant access to everyone',
  severity: 'critical',
  area: 'iam.resource-policy',
  rationale:
    'A bucket policy that allows Principal "*" without a condition pinning the caller, or an ACL granting AllUsers ' +
    'or AuthenticatedUsers (any AWS account), lets anyone on the internet read or change the data. Block Public ' +
    'Access neutralises such grants: RestrictPublicBuckets for policies, IgnorePublicAcls for ACLs.',
  remediation: {
    text: 'Grant access to named principals, or add a condition on aws:SourceArn, aws:SourceAccount, aws:SourceVpce or aws:PrincipalOrgID; drop public ACLs and use BucketOwnerEnforced object ownership. Keep Block Public Access on.',
    cloudformation: `DataBucketPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref DataBucket
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Sid: AllowCloudFrontOnly
          Effect: Allow
          Principal:
            Service: cloudfront.amazonaws.com
          Action: s3:GetObject
          Resource: !Sub '\${DataBucket.Arn}/*'
          Condition:
            StringEquals:
              aws:SourceArn: !Sub 'arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${Distribution}'`,
  },
  frameworks: {
    fsbp: ['S3.2', 'S3.3'],
    nist80053: ['AC-3', 'AC-21', 'SC-7'],
    pci: ['1.4.4'],
    iso27001: ['A.8.3'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::S3::Bucket'],
  reads: [
    'aclPublicPermissions',
    'objectOwnership',
    'policy',
    'policyIsPublic',
    'publicAccessBlock',
    'bucketName',
  ],
  evaluate: (bucket, context) => {
    const verdicts = [...policyVerdicts(bucket, context), ...aclVerdicts(bucket)];
    if (verdicts.length > 0) return verdicts;
    return pass(
      `bucket ${bucket.name}: neither the bucket policy nor the ACL grants access to everyone`,
      bucket.source,
    );
  },
});
