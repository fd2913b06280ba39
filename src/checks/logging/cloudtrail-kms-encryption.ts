import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor, shown } from '../data/wording.js';

export const cloudtrailKmsEncryption = defineCheck({
  id: 'cloudtrail-kms-encryption',
  title: 'CloudTrail logs are encrypted with a KMS key',
  severity: 'medium',
  area: 'log.audit',
  rationale:
    'CloudTrail log files are encrypted with SSE-S3 by default, which any principal that can read the bucket ' +
    'can decrypt. With SSE-KMS, reading the audit trail also needs kms:Decrypt on a key whose policy the ' +
    'customer controls, and every decryption is itself logged.',
  remediation: {
    text:
      'Create a customer managed KMS key whose policy lets cloudtrail.amazonaws.com encrypt (scoped with ' +
      "aws:SourceArn) and set it as the trail's KMSKeyId.",
    cloudformation: `Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    S3BucketName: !Ref TrailBucket
    IsLogging: true
    IsMultiRegionTrail: true
    KMSKeyId: !GetAtt TrailKey.Arn`,
  },
  frameworks: {
    cis: ['3.5'],
    fsbp: ['CloudTrail.2'],
    nist80053: ['AU-9', 'SC-28'],
    pci: ['10.3.2'],
    hipaa: ['164.312(a)(2)(iv)'],
    iso27001: ['A.8.15', 'A.8.24'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::CloudTrail::Trail'],
  reads: ['kmsKeyId'],
  evaluate: (trail) =>
    judgeFor(`trail ${trail.name}: KMS key`, trail.kmsKeyId, (key, origin) =>
      key
        ? pass(`trail ${trail.name} encrypts its logs with KMS key ${shown(key)}`)
        : fail(
            `trail ${trail.name} has no KMS key${byDefault(origin)}${at(trail.kmsKeyId.source)}; ` +
              'its logs use SSE-S3 only',
          ),
    ),
});
