import type { SourceRef, Value } from '../value.js';
import type { ResourceBase } from './base.js';

export interface CloudTrailTrail extends ResourceBase {
  readonly type: 'AWS::CloudTrail::Trail';
  isLogging: Value<boolean>;
  multiRegion: Value<boolean>;
  includeGlobalServiceEvents: Value<boolean>;
  logFileValidation: Value<boolean>;
  kmsKeyId: Value<string | null>;
  s3BucketName: Value<string>;
  cloudWatchLogsGroupArn: Value<string | null>;
  organizationTrail: Value<boolean>;
  /** Whether S3 object-level (data) events are recorded, for read and for write. */
  s3DataEvents: Value<{ read: boolean; write: boolean }>;
}

export interface LoadBalancerListener {
  id: string;
  protocol: Value<string>;
  port: Value<number>;
  sslPolicy: Value<string | null>;
  /** The default action redirects to HTTPS, so plain HTTP carries no content. */
  redirectsToHttps: Value<boolean>;
  source: SourceRef;
}

export interface LoadBalancer extends ResourceBase {
  readonly type: 'AWS::ElasticLoadBalancingV2::LoadBalancer';
  lbType: Value<'application' | 'network' | 'gateway'>;
  scheme: Value<'internet-facing' | 'internal'>;
  accessLogsEnabled: Value<boolean>;
  /** The bucket access logs go to (a name, or a template token naming the bucket); null when unset. */
  accessLogsBucket: Value<string | null>;
  deletionProtection: Value<boolean>;
  dropInvalidHeaderFields: Value<boolean>;
  listeners: LoadBalancerListener[];
}
