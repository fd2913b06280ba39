import { logicalIdOf } from '../../iam/tokens.js';
import type { S3Bucket } from '../../model/resources/index.js';
import { byDefault, type CheckContext, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor, shown } from './wording.js';

/**
 * Buckets that receive Application Load Balancer access logs, by name and by template logical id:
 * ALB log delivery supports SSE-S3 only, so such a bucket cannot use KMS keys.
 */
function albLogBuckets(context: CheckContext): ReadonlySet<string> {
  return context.shared('s3-bucket-kms-encryption:alb-log-buckets', () => {
    const buckets = new Set<string>();
    for (const r of context.inventory.resources) {
      if (r.type !== 'AWS::ElasticLoadBalancingV2::LoadBalancer') continue;
      const { lbType, accessLogsEnabled: enabled, accessLogsBucket: target } = r;
      if (!lbType.known || lbType.value !== 'application' || !enabled.known || !enabled.value) continue;
      if (!target.known || !target.value) continue;
      buckets.add(target.value);
      const logicalId = logicalIdOf(target.value);
      if (logicalId) buckets.add(logicalId);
    }
    return buckets;
  });
}

function receivesAlbLogs(bucket: S3Bucket, context: CheckContext): boolean {
  const buckets = albLogBuckets(context);
  if (buckets.size === 0) return false;
  return buckets.has(bucket.id) || (bucket.bucketName.known && buckets.has(bucket.bucketName.value));
}

export const s3BucketKmsEncryption = defineCheck({
  id: 's3-bucket-kms-encryption',
  title: 'S3 buckets encrypt new objects with AWS KMS keys by default',
  severity: 'low',
  area: 'data.key-mgmt',
  rationale:
    'Every S3 bucket encrypts new objects with SSE-S3 since January 2023, so data is never stored in the clear. ' +
    'SSE-S3 keys are owned by S3 and invisible to you: with SSE-KMS (or DSSE-KMS) each use of the key is logged in ' +
    'CloudTrail and reading an object also needs kms:Decrypt, a second lock the key policy controls. A bucket ' +
    'that receives Application Load Balancer access logs passes with SSE-S3, the only encryption ALB log delivery supports.',
  remediation: {
    text: 'Set the bucket default encryption to aws:kms, preferably with a customer managed key, and enable S3 Bucket Keys to keep KMS request costs down.',
    cloudformation: `DataBucket:
  Type: AWS::S3::Bucket
  Properties:
    BucketEncryption:
      ServerSideEncryptionConfiguration:
        - ServerSideEncryptionByDefault:
            SSEAlgorithm: aws:kms
            KMSMasterKeyID: !Ref DataKey
          BucketKeyEnabled: true`,
  },
  frameworks: {
    fsbp: ['S3.17'],
    nist80053: ['SC-12', 'SC-28'],
    pci: ['3.5.1'],
    iso27001: ['A.8.24'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::S3::Bucket'],
  reads: ['encryption'],
  evaluate: (bucket, context) =>
    judgeFor(`bucket ${bucket.name}`, bucket.encryption, (enc, origin) => {
      if (enc.algorithm === 'aws:kms' || enc.algorithm === 'aws:kms:dsse') {
        const key = enc.kmsKeyId ? `key ${shown(enc.kmsKeyId)}` : 'the AWS managed key aws/s3';
        return pass(`bucket ${bucket.name}: default encryption is ${enc.algorithm} with ${key}`);
      }
      if (receivesAlbLogs(bucket, context)) {
        return pass(
          `bucket ${bucket.name}: default encryption is SSE-S3 (AES256), the only encryption Application Load Balancer access log delivery supports`,
        );
      }
      return fail(
        `bucket ${bucket.name}: default encryption is SSE-S3 (AES256)${byDefault(origin)}${at(bucket.encryption.source)}; ` +
          'objects are encrypted, but with keys S3 owns, so key use is neither logged nor governed by a key policy',
      );
    }),
});
