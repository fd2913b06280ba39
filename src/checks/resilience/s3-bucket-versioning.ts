import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from '../data/wording.js';

export const s3BucketVersioning = defineCheck({
  id: 's3-bucket-versioning',
  title: 'S3 buckets keep object versions',
  severity: 'low',
  area: 'res.backup',
  rationale:
    'S3 stores objects durably, but an overwrite or delete by the customer (or an attacker with their ' +
    'credentials) is final unless versioning keeps the previous version. It is off by default; suspended ' +
    'versioning keeps old versions but protects no new writes.',
  remediation: {
    text: 'Enable versioning, with a lifecycle rule that expires noncurrent versions to bound the cost.',
    cloudformation: `DataBucket:
  Type: AWS::S3::Bucket
  Properties:
    VersioningConfiguration:
      Status: Enabled
    LifecycleConfiguration:
      Rules:
        - Id: expire-old-versions
          Status: Enabled
          NoncurrentVersionExpiration:
            NoncurrentDays: 90`,
  },
  frameworks: {
    fsbp: ['S3.14'],
    nist80053: ['CP-9', 'CP-10'],
    hipaa: ['164.308(a)(7)(ii)(A)'],
    iso27001: ['A.8.13'],
    soc2: ['A1.2'],
  },
  resourceTypes: ['AWS::S3::Bucket'],
  reads: ['versioning'],
  evaluate: (bucket) =>
    judgeFor(`bucket ${bucket.name}: versioning`, bucket.versioning, (state, origin) =>
      state === 'Enabled'
        ? pass(`bucket ${bucket.name} has versioning enabled`)
        : fail(
            `bucket ${bucket.name} has versioning ${state.toLowerCase()}${byDefault(origin)}${at(bucket.versioning.source)}`,
          ),
    ),
});
