import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  type GetEventSelectorsCommandOutput,
  GetTrailStatusCommand,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import pLimit from 'p-limit';
import type { CloudTrailTrail } from '../../../model/resources/index.js';
import { explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import { notCollected, PER_RESOURCE_CONCURRENCY } from './support.js';

const TYPE = 'AWS::CloudTrail::Trail';
const DESCRIBE = 'cloudtrail:DescribeTrails';
const STATUS = 'cloudtrail:GetTrailStatus';
const SELECTORS = 'cloudtrail:GetEventSelectors';

/** S3 object-level logging from classic or advanced selectors, read as the template source reads them. */
export function s3DataEventsOf(out: GetEventSelectorsCommandOutput): { read: boolean; write: boolean } {
  const seen = { read: false, write: false };
  for (const selector of out.EventSelectors ?? []) {
    if (!selector.DataResources?.some((d) => d.Type === 'AWS::S3::Object')) continue;
    const mode = selector.ReadWriteType ?? 'All';
    if (mode !== 'WriteOnly') seen.read = true;
    if (mode !== 'ReadOnly') seen.write = true;
  }
  for (const selector of out.AdvancedEventSelectors ?? []) {
    const fields = selector.FieldSelectors ?? [];
    const equals = (name: string) => fields.find((f) => f.Field === name)?.Equals;
    if (!equals('resources.type')?.includes('AWS::S3::Object')) continue;
    const readOnly = equals('readOnly');
    if (!readOnly || readOnly.includes('true')) seen.read = true;
    if (!readOnly || readOnly.includes('false')) seen.write = true;
  }
  return seen;
}

async function perTrail<T>(
  ctx: CollectContext,
  field: string,
  api: string,
  arn: string,
  call: () => Promise<T>,
): Promise<Value<T>> {
  const src: SourceRef = { arn, api };
  if (!ctx.wants(TYPE, field)) return notCollected(src);
  try {
    return explicit(await call(), src);
  } catch (error) {
    return unknown(ctx.builder.fail(api, error, arn), src);
  }
}

async function trailOf(
  ctx: CollectContext,
  client: CloudTrailClient,
  trail: Trail,
): Promise<CloudTrailTrail> {
  const arn = trail.TrailARN ?? '';
  const src: SourceRef = { arn, api: DESCRIBE };
  const [isLogging, s3DataEvents] = await Promise.all([
    perTrail(ctx, 'isLogging', STATUS, arn, async () => {
      const out = await client.send(new GetTrailStatusCommand({ Name: arn }));
      return out.IsLogging ?? false;
    }),
    perTrail(ctx, 's3DataEvents', SELECTORS, arn, async () =>
      s3DataEventsOf(await client.send(new GetEventSelectorsCommand({ TrailName: arn }))),
    ),
  ]);
  return {
    type: TYPE,
    id: arn,
    arn,
    name: trail.Name ?? arn,
    region: trail.HomeRegion ?? ctx.region,
    // An organization trail seen from a member account belongs to the management account.
    account: arn.split(':')[4] || ctx.accountId,
    source: src,
    isLogging,
    multiRegion: explicit(trail.IsMultiRegionTrail ?? false, src),
    includeGlobalServiceEvents: explicit(trail.IncludeGlobalServiceEvents ?? false, src),
    logFileValidation: explicit(trail.LogFileValidationEnabled ?? false, src),
    kmsKeyId: explicit(trail.KmsKeyId ?? null, src),
    s3BucketName: explicit(trail.S3BucketName ?? '', src),
    cloudWatchLogsGroupArn: explicit(trail.CloudWatchLogsLogGroupArn ?? null, src),
    organizationTrail: explicit(trail.IsOrganizationTrail ?? false, src),
    s3DataEvents,
  };
}

export const cloudtrailCollector: Collector = {
  id: 'cloudtrail',
  scope: 'regional',
  produces: [TYPE],
  operations: {
    'cloudtrail:DescribeTrails': { fields: [] },
    'cloudtrail:GetTrailStatus': { fields: ['isLogging'] },
    'cloudtrail:GetEventSelectors': { fields: ['s3DataEvents'] },
  },
  async collect(ctx) {
    if (!ctx.wants(TYPE)) return;
    const client = ctx.session.client(CloudTrailClient, ctx.region);
    let trails: Trail[];
    try {
      // Shadow trails are asked for because without them a member account does not see its
      // organization's trail at all; keeping each trail only in its home region lists a
      // multi-region trail (and the organization trail) once.
      const out = await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
      trails = (out.trailList ?? []).filter((t) => !t.HomeRegion || t.HomeRegion === ctx.region);
    } catch (error) {
      ctx.builder.fail(DESCRIBE, error, `trails in ${ctx.region}`);
      return;
    }
    // CloudTrail has no batch status call: GetTrailStatus and GetEventSelectors per trail.
    const limit = pLimit(PER_RESOURCE_CONCURRENCY);
    const found = await Promise.all(trails.map((t) => limit(() => trailOf(ctx, client, t))));
    for (const trail of found) ctx.builder.add(trail);
  },
};
