import type { S3Bucket } from '../../model/resources/index.js';
import { byDefault, type CheckContext, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor, listing, shown } from '../data/wording.js';

/** Access-log target (as written: bucket name or `{{LogicalId}}`) → names of the buckets logging into it. */
function logTargets(context: CheckContext): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  for (const r of context.inventory.resources) {
    if (r.type !== 'AWS::S3::Bucket' || !r.accessLogging.known || r.accessLogging.value === null) continue;
    const target = r.accessLogging.value.targetBucket;
    targets.set(target, [...(targets.get(target) ?? []), r.name]);
  }
  return targets;
}

/** Buckets of the same inventory that deliver their access logs to `bucket`. */
function loggedInto(bucket: S3Bucket, context: CheckContext): string[] {
  const targets = context.shared('s3-access-log-targets', () => logTargets(context));
  const names = new Set([`{{${bucket.id}}}`, bucket.id]);
  if (bucket.bucketName.known) names.add(bucket.bucketName.value);
  const sources = [...names].flatMap((n) => targets.get(n) ?? []);
  return [...new Set(sources)].filter((name) => name !== bucket.name);
}

export const s3BucketAccessLogging = defineCheck({
  id: 's3-bucket-access-logging',
  title: 'S3 buckets have server access logging enabled',
  severity: 'low',
  area: 'log.service',
  rationale:
    'Server access logs record every request to a bucket, including anonymous and denied ones that CloudTrail ' +
    'data events may not cover, and are what investigators use to see which objects were read. They are off by ' +
    'default. A bucket that receives access logs is flagged too, as Security Hub S3.9 does: its own access should ' +
    'be logged to a different bucket, never to itself (that would loop).',
  remediation: {
    text:
      'Enable server access logging to a dedicated log bucket in the same region and account (or use CloudTrail ' +
      'S3 data events where object-level API records suffice).',
    cloudformation: `DataBucket:
  Type: AWS::S3::Bucket
  Properties:
    LoggingConfiguration:
      DestinationBucketName: !Ref AccessLogBucket
      LogFilePrefix: data-bucket/`,
  },
  frameworks: {
    fsbp: ['S3.9'],
    nist80053: ['AU-2', 'AU-12'],
    pci: ['10.2.1'],
    hipaa: ['164.312(b)'],
    iso27001: ['A.8.15'],
    soc2: ['CC7.2'],
  },
  resourceTypes: ['AWS::S3::Bucket'],
  reads: ['accessLogging', 'bucketName'],
  evaluate: (bucket, context) =>
    judgeFor(`bucket ${bucket.name}: access logging`, bucket.accessLogging, (logging, origin) => {
      if (logging) return pass(`bucket ${bucket.name} logs its access to ${shown(logging.targetBucket)}`);
      const sources = loggedInto(bucket, context);
      const hint = sources.length
        ? `; it receives the access logs of ${listing(sources)}, so log its own access to another bucket`
        : '';
      return fail(
        `bucket ${bucket.name} has server access logging off${byDefault(origin)}${at(bucket.source)}${hint}`,
      );
    }),
});
