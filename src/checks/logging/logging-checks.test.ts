import { describe, expect, it } from 'vitest';
import type {
  CloudTrailTrail,
  LoadBalancer,
  LoadBalancerListener,
  S3Bucket,
  Vpc,
} from '../../model/resources/index.js';
import { awsDefault, explicit, unknown } from '../../model/value.js';
import type { Verdict } from '../check.js';
import { runCheck } from '../test-support.js';
import { cloudtrailKmsEncryption } from './cloudtrail-kms-encryption.js';
import { cloudtrailMultiRegion } from './cloudtrail-multi-region.js';
import { elbv2AccessLogs } from './elbv2-access-logs.js';
import { s3BucketAccessLogging } from './s3-bucket-access-logging.js';
import { vpcFlowLogsEnabled } from './vpc-flow-logs-enabled.js';

const src = { file: 't.yaml', line: 9 };

const run = runCheck;
const status = (vs: Verdict[]) => vs.map((v) => v.status).join(',');

const trail = (over: Partial<CloudTrailTrail>) =>
  ({ type: 'AWS::CloudTrail::Trail', id: 'Trail', name: 'Trail', source: src, ...over }) as CloudTrailTrail;

describe('CloudTrail', () => {
  it('needs both multi-region and logging; a known failure wins over an unknown', () => {
    const multi = explicit(true, src);
    expect(
      status(run(cloudtrailMultiRegion, trail({ multiRegion: multi, isLogging: explicit(false, src) }))),
    ).toBe('FAIL');
    const later = unknown('parameter Logging has no default', src);
    expect(
      status(run(cloudtrailMultiRegion, trail({ multiRegion: awsDefault(false, src), isLogging: later }))),
    ).toBe('FAIL');
    expect(status(run(cloudtrailMultiRegion, trail({ multiRegion: multi, isLogging: later })))).toBe(
      'UNKNOWN',
    );
    expect(
      status(run(cloudtrailMultiRegion, trail({ multiRegion: multi, isLogging: explicit(true, src) }))),
    ).toBe('PASS');
  });

  it('names a template key by its logical id', () => {
    const [v] = run(cloudtrailKmsEncryption, trail({ kmsKeyId: explicit('{{TrailKey.Arn}}', src) }));
    expect(v?.message).toBe('trail Trail encrypts its logs with KMS key TrailKey.Arn');
  });
});

function bucket(id: string, logging: S3Bucket['accessLogging']): S3Bucket {
  return {
    type: 'AWS::S3::Bucket',
    id,
    name: id,
    source: src,
    bucketName: unknown('generated', src),
    accessLogging: logging,
  } as S3Bucket;
}

describe('s3-bucket-access-logging', () => {
  it('fails a log bucket and says which buckets log into it', () => {
    const logs = bucket('LogBucket', awsDefault(null, src));
    const data = bucket('DataBucket', explicit({ targetBucket: '{{LogBucket}}' }, src));
    const [v] = run(s3BucketAccessLogging, logs, [data]);
    expect(v?.status).toBe('FAIL');
    expect(v?.message).toContain('receives the access logs of DataBucket');
    expect(status(run(s3BucketAccessLogging, data, [logs]))).toBe('PASS');
  });
});

function lb(lbType: LoadBalancer['lbType'], listeners: string[] = []): LoadBalancer {
  const ls = listeners.map(
    (p, i) => ({ id: `L${i}`, protocol: explicit(p, src), source: src }) as LoadBalancerListener,
  );
  return {
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    id: 'Lb',
    name: 'Lb',
    source: src,
    lbType,
    accessLogsEnabled: awsDefault(false, src),
    accessLogsBucket: awsDefault(null, src),
    listeners: ls,
  } as LoadBalancer;
}

describe('elbv2-access-logs', () => {
  it('assesses ALBs and TLS Network Load Balancers only', () => {
    expect(status(run(elbv2AccessLogs, lb(explicit('application', src))))).toBe('FAIL');
    expect(run(elbv2AccessLogs, lb(explicit('gateway', src)))).toEqual([]);
    expect(run(elbv2AccessLogs, lb(explicit('network', src), ['TCP']))).toEqual([]);
    expect(status(run(elbv2AccessLogs, lb(explicit('network', src), ['TCP', 'TLS'])))).toBe('FAIL');
    expect(status(run(elbv2AccessLogs, lb(unknown('parameter LbType', src))))).toBe('UNKNOWN');
  });
});

describe('vpc-flow-logs-enabled', () => {
  it('names the VPC when flow logs are unknown', () => {
    const vpc = {
      type: 'AWS::EC2::VPC',
      id: 'Vpc',
      name: 'Vpc',
      source: src,
      flowLogsEnabled: unknown('the flow log is conditional', src),
    } as Vpc;
    const [v] = run(vpcFlowLogsEnabled, vpc);
    expect(v?.status).toBe('UNKNOWN');
    expect(v?.message).toContain('VPC Vpc');
  });
});
