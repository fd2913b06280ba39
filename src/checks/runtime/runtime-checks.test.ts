import { describe, expect, it } from 'vitest';
import type { Ec2Instance, LambdaFunction, RdsDbInstance } from '../../model/resources/index.js';
import { awsDefault, explicit, unknown } from '../../model/value.js';
import type { Verdict } from '../check.js';
import { runCheck } from '../test-support.js';
import { ec2InstanceImdsv2Required } from './ec2-instance-imdsv2-required.js';
import { lambdaRuntimeSupported } from './lambda-runtime-supported.js';
import { LAMBDA_RUNTIMES, runtimeStatus, runtimeTableSchema } from './lambda-runtimes.js';
import table from './lambda-runtimes.json' with { type: 'json' };
import { rdsAutoMinorVersionUpgrade } from './rds-auto-minor-version-upgrade.js';

const src = { file: 't.yaml', line: 5 };

const run = runCheck;
const status = (vs: Verdict[]) => vs.map((v) => v.status).join(',');

describe('the Lambda runtime table', () => {
  it('matches its schema', () => {
    expect(runtimeTableSchema.safeParse(table).success).toBe(true);
  });

  it('points every deprecated runtime at a successor that is itself supported', () => {
    for (const [id, entry] of Object.entries(LAMBDA_RUNTIMES.runtimes)) {
      const status = runtimeStatus(id);
      if (status.kind !== 'deprecated') continue;
      expect(entry.successor, id).toBeDefined();
      expect(runtimeStatus(entry.successor ?? '').kind, `${id} → ${entry.successor}`).toBe('supported');
    }
  });

  it('counts a runtime as deprecated on its deprecation day, judged as of the table date', () => {
    const tiny = {
      asOf: '2026-01-01',
      source: 'https://example.com',
      runtimes: { a: { deprecation: '2026-01-01' }, b: { deprecation: '2026-01-02' } },
    };
    expect(runtimeStatus('a', tiny).kind).toBe('deprecated');
    expect(runtimeStatus('b', tiny).kind).toBe('supported');
  });
});

function fn(
  runtime: LambdaFunction['runtime'],
  packageType: LambdaFunction['packageType'] = awsDefault('Zip', src),
) {
  return {
    type: 'AWS::Lambda::Function',
    id: 'Fn',
    name: 'Fn',
    source: src,
    runtime,
    packageType,
  } as LambdaFunction;
}

describe('lambda-runtime-supported', () => {
  it('fails a deprecated runtime and names its successor', () => {
    const [v] = run(lambdaRuntimeSupported, fn(explicit('python3.8', src)));
    expect(v?.status).toBe('FAIL');
    expect(v?.message).toContain('deprecated on 2024-10-14');
    expect(v?.message).toContain('python3.14');
  });

  it('passes a supported runtime and does not judge container images', () => {
    expect(status(run(lambdaRuntimeSupported, fn(explicit('nodejs22.x', src))))).toBe('PASS');
    expect(run(lambdaRuntimeSupported, fn(explicit(null, src), explicit('Image', src)))).toEqual([]);
  });

  it('answers UNKNOWN for an unknown or unlisted runtime', () => {
    expect(status(run(lambdaRuntimeSupported, fn(unknown('parameter Runtime', src))))).toBe('UNKNOWN');
    expect(status(run(lambdaRuntimeSupported, fn(explicit('python9.9', src))))).toBe('UNKNOWN');
  });
});

describe('rds-auto-minor-version-upgrade', () => {
  const db = (over: Partial<RdsDbInstance>) =>
    ({
      type: 'AWS::RDS::DBInstance',
      id: 'Db',
      name: 'Db',
      source: src,
      isCustom: false,
      autoMinorVersionUpgrade: awsDefault(true, src),
      ...over,
    }) as RdsDbInstance;
  it('passes the default and leaves RDS Custom out', () => {
    expect(status(run(rdsAutoMinorVersionUpgrade, db({})))).toBe('PASS');
    expect(
      run(rdsAutoMinorVersionUpgrade, db({ isCustom: true, autoMinorVersionUpgrade: explicit(false, src) })),
    ).toEqual([]);
  });
});

describe('ec2-instance-imdsv2-required', () => {
  const instance = (
    tokens: Ec2Instance['metadataHttpTokens'],
    endpoint: Ec2Instance['metadataEndpoint'] = awsDefault('enabled', src),
  ) =>
    ({
      type: 'AWS::EC2::Instance',
      id: 'Web',
      name: 'Web',
      source: src,
      metadataHttpTokens: tokens,
      metadataEndpoint: endpoint,
    }) as Ec2Instance;

  it('fails the optional default, mentioning the AMI and account defaults that may still apply', () => {
    const [v] = run(ec2InstanceImdsv2Required, instance(awsDefault('optional', src)));
    expect(v?.status).toBe('FAIL');
    expect(v?.message).toContain('ImdsSupport');
    expect(v?.message).toContain('account-level');
  });

  it('passes required tokens or a disabled endpoint, and never fails on an unknown endpoint', () => {
    expect(status(run(ec2InstanceImdsv2Required, instance(explicit('required', src))))).toBe('PASS');
    expect(
      status(run(ec2InstanceImdsv2Required, instance(explicit('optional', src), explicit('disabled', src)))),
    ).toBe('PASS');
    const later = unknown('parameter MetadataEndpoint', src);
    expect(status(run(ec2InstanceImdsv2Required, instance(explicit('optional', src), later)))).toBe(
      'UNKNOWN',
    );
  });
});
