import type { CloudTrailTrail, LoadBalancer } from '../../../model/resources/index.js';
import { awsDefault, explicit, unknown, type Value } from '../../../model/value.js';
import { Unresolved } from '../intrinsics.js';
import { asBoolean, asOneOf, asString, type Parser, type ResourceReader } from '../resource-reader.js';
import { baseOf, readName, withBase } from './common.js';

interface DataResource {
  Type?: unknown;
}
interface EventSelector {
  ReadWriteType?: unknown;
  DataResources?: DataResource[];
}
interface FieldSelector {
  Field?: unknown;
  Equals?: unknown[];
}

/** S3 object-level logging from classic or advanced event selectors. */
function readS3DataEvents(r: ResourceReader): CloudTrailTrail['s3DataEvents'] {
  const classic = r.get(['EventSelectors']);
  const advanced = r.get(['AdvancedEventSelectors']);
  const src = r.source(advanced !== undefined ? ['AdvancedEventSelectors'] : ['EventSelectors']);
  if (classic instanceof Unresolved || advanced instanceof Unresolved)
    return unknown('event selectors are unknown', src);
  const seen = { read: false, write: false };
  for (const selector of (Array.isArray(classic) ? classic : []) as EventSelector[]) {
    if (!selector?.DataResources?.some((d) => d?.Type === 'AWS::S3::Object')) continue;
    const mode = typeof selector.ReadWriteType === 'string' ? selector.ReadWriteType : 'All';
    if (mode !== 'WriteOnly') seen.read = true;
    if (mode !== 'ReadOnly') seen.write = true;
  }
  for (const selector of (Array.isArray(advanced) ? advanced : []) as {
    FieldSelectors?: FieldSelector[];
  }[]) {
    const fields = selector?.FieldSelectors ?? [];
    const equals = (name: string) => fields.find((f) => f?.Field === name)?.Equals?.map(String);
    if (!equals('resources.type')?.includes('AWS::S3::Object')) continue;
    const readOnly = equals('readOnly');
    if (!readOnly || readOnly.includes('true')) seen.read = true;
    if (!readOnly || readOnly.includes('false')) seen.write = true;
  }
  return classic === undefined && advanced === undefined ? awsDefault(seen, src) : explicit(seen, src);
}

export function mapCloudTrailTrail(r: ResourceReader): CloudTrailTrail {
  const trailName = readName(r, 'TrailName');
  return withBase<CloudTrailTrail>(baseOf(r, trailName), {
    type: 'AWS::CloudTrail::Trail',
    isLogging: r.required(['IsLogging'], asBoolean),
    multiRegion: r.boolean(['IsMultiRegionTrail'], false),
    includeGlobalServiceEvents: r.boolean(['IncludeGlobalServiceEvents'], true),
    logFileValidation: r.boolean(['EnableLogFileValidation'], false),
    kmsKeyId: r.string(['KMSKeyId'], null),
    s3BucketName: r.required(['S3BucketName'], asString),
    cloudWatchLogsGroupArn: r.string(['CloudWatchLogsLogGroupArn'], null),
    organizationTrail: r.boolean(['IsOrganizationTrail'], false),
    s3DataEvents: readS3DataEvents(r),
  });
}

/** Attributes are a Key/Value list; a key that is absent takes the AWS default. */
function readAttribute<T>(r: ResourceReader, key: string, parse: Parser<T>, absent: T): Value<T> {
  const list = r.get(['LoadBalancerAttributes']);
  if (list instanceof Unresolved)
    return unknown(`attributes ${list.reason}`, r.source(['LoadBalancerAttributes']));
  const index = Array.isArray(list) ? list.findIndex((a) => (a as { Key?: unknown })?.Key === key) : -1;
  if (index < 0) return awsDefault(absent, r.source());
  return r.read(['LoadBalancerAttributes', index, 'Value'], parse, absent);
}

/** A text attribute; absent or empty is null (no value set). */
function readTextAttribute(r: ResourceReader, key: string): Value<string | null> {
  const value = readAttribute<string | null>(r, key, asString, null);
  return value.known && value.value === '' ? explicit(null, value.source) : value;
}

export function mapLoadBalancer(r: ResourceReader): LoadBalancer {
  const name = readName(r, 'Name');
  return withBase<LoadBalancer>(baseOf(r, name), {
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    lbType: r.read(['Type'], asOneOf(['application', 'network', 'gateway'] as const), 'application'),
    scheme: r.read(['Scheme'], asOneOf(['internet-facing', 'internal'] as const), 'internet-facing'),
    accessLogsEnabled: readAttribute(r, 'access_logs.s3.enabled', asBoolean, false),
    accessLogsBucket: readTextAttribute(r, 'access_logs.s3.bucket'),
    deletionProtection: readAttribute(r, 'deletion_protection.enabled', asBoolean, false),
    dropInvalidHeaderFields: readAttribute(
      r,
      'routing.http.drop_invalid_header_fields.enabled',
      asBoolean,
      false,
    ),
    // AWS::ElasticLoadBalancingV2::Listener resources are folded in later.
    listeners: [],
  });
}
