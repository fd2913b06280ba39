import type { S3PublicAccessBlock } from '../../model/resources/index.js';
import type { Value } from '../../model/value.js';
import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { at, listing } from './wording.js';

const FLAGS: ReadonlyArray<[keyof S3PublicAccessBlock, string]> = [
  ['blockPublicAcls', 'BlockPublicAcls'],
  ['ignorePublicAcls', 'IgnorePublicAcls'],
  ['blockPublicPolicy', 'BlockPublicPolicy'],
  ['restrictPublicBuckets', 'RestrictPublicBuckets'],
];

export const s3BucketPublicAccessBlock = defineCheck({
  id: 's3-bucket-public-access-block',
  title: 'S3 buckets keep all four Block Public Access settings on',
  severity: 'high',
  area: 'iam.resource-policy',
  rationale:
    'Block Public Access is the backstop that stops a mistaken ACL or bucket policy from publishing data to the ' +
    'internet. New buckets have all four settings on since April 2023; turning any of them off reopens that door.',
  remediation: {
    text: 'Remove the settings that turn Block Public Access off, or set all four to true. Serve public content through CloudFront with origin access control instead of a public bucket.',
    cloudformation: `DataBucket:
  Type: AWS::S3::Bucket
  Properties:
    PublicAccessBlockConfiguration:
      BlockPublicAcls: true
      IgnorePublicAcls: true
      BlockPublicPolicy: true
      RestrictPublicBuckets: true`,
  },
  frameworks: {
    cis: ['2.1.4'],
    fsbp: ['S3.8'],
    nist80053: ['AC-3', 'AC-21', 'SC-7'],
    pci: ['1.4.4'],
    iso27001: ['A.8.3'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::S3::Bucket'],
  reads: ['publicAccessBlock'],
  evaluate: (bucket) => {
    const flags = FLAGS.map(([key, label]) => ({
      label,
      value: bucket.publicAccessBlock[key] as Value<boolean>,
    }));
    const off = flags.filter((f) => f.value.known && !f.value.value);
    if (off.length > 0) {
      const first = off[0]?.value.source;
      // A flag left out of a given PublicAccessBlockConfiguration is off, not the new-bucket default.
      const names = listing(
        off.map((f) =>
          f.value.origin === 'default' ? `${f.label} (left out of PublicAccessBlockConfiguration)` : f.label,
        ),
      );
      return fail(
        `bucket ${bucket.name}: ${names} ${off.length === 1 ? 'is' : 'are'} false${at(first)}`,
        first,
      );
    }
    const unknown = flags.filter((f) => !f.value.known);
    if (unknown.length > 0) {
      const reasons = unknown.map((f) => `${f.label}: ${f.value.known ? '' : f.value.reason}`);
      return cannotTell(`bucket ${bucket.name}: cannot tell ${reasons.join('; ')}`, unknown[0]?.value.source);
    }
    const allDefault = flags.every((f) => f.value.origin === 'default');
    const how = allDefault ? ' (not set, so the April 2023 default of all four on applies)' : '';
    return pass(
      `bucket ${bucket.name}: all four Block Public Access settings are on${how}`,
      flags[0]?.value.source,
    );
  },
});
