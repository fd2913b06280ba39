import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/model/result.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import { type Moto, startMoto } from './moto.js';
import { scanMoto } from './scan-live.js';
import { type SeededSettings, seedAccountSettings } from './seed-account.js';

let moto: Moto;
let report: ScanReport;
let exitCode: number;
let seeded: SeededSettings;

const of = (checkId: string): CheckResult[] => report.results.filter((r) => r.checkId === checkId);
/** `{ region: status }` for a regional account check, from the region each message starts with. */
const byRegion = (checkId: string) =>
  Object.fromEntries(of(checkId).map((r) => [r.message.split(':')[0], r.status]));
const only = (checkId: string) => of(checkId).map((r) => r.status);

beforeAll(async () => {
  moto = await startMoto();
  seeded = await seedAccountSettings(moto.endpoint);
  const scan = await scanMoto(moto.endpoint, '--regions', 'us-east-1,eu-west-1', '--fail-on', 'none');
  exitCode = scan.run.code;
  report = scan.report;
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

describe('account-level checks on a live (emulated) account', () => {
  it('answers the regional settings region by region', () => {
    expect(byRegion('ec2-ebs-encryption-by-default')).toEqual({ 'us-east-1': 'PASS', 'eu-west-1': 'FAIL' });
    expect(byRegion('guardduty-enabled-all-regions')).toEqual({ 'us-east-1': 'PASS', 'eu-west-1': 'FAIL' });
    expect(byRegion('config-recorder-all-regions')).toEqual({ 'us-east-1': 'PASS', 'eu-west-1': 'FAIL' });
    // Not subscribed is a fact (InvalidAccessException), not an error.
    expect(byRegion('securityhub-enabled-all-regions')).toEqual({ 'us-east-1': 'FAIL', 'eu-west-1': 'FAIL' });
    expect(byRegion('rds-snapshots-not-public')).toEqual({ 'us-east-1': 'PASS', 'eu-west-1': 'PASS' });
    expect(byRegion('acm-certificates-not-expiring')).toEqual({ 'us-east-1': 'PASS', 'eu-west-1': 'PASS' });
  });

  it('finds the public snapshot and AMI by id, and only those', () => {
    expect(byRegion('ec2-ebs-snapshots-not-public')).toEqual({ 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' });
    const snapshot = of('ec2-ebs-snapshots-not-public').find((r) => r.status === 'FAIL');
    expect(snapshot?.message).toBe(`us-east-1: 1 public EBS snapshot: ${seeded.publicSnapshotId}`);
    expect(byRegion('ec2-amis-not-public')).toEqual({ 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' });
    expect(of('ec2-amis-not-public').find((r) => r.status === 'FAIL')?.message).toContain(
      seeded.publicImageId,
    );
  });

  it('reads IAM users, keys and the password policy from the account', () => {
    expect(only('iam-user-console-mfa')).toEqual(['FAIL']);
    expect(of('iam-user-console-mfa')[0]?.message).toContain('console-no-mfa');
    expect(only('iam-user-single-active-access-key')).toEqual(['FAIL']);
    expect(of('iam-user-single-active-access-key')[0]?.message).toContain('two-keys');
    expect(only('iam-password-policy-min-length')).toEqual(['FAIL']);
    expect(only('iam-password-policy-prevents-reuse')).toEqual(['FAIL']);
    // Fresh keys and passwords: nothing is old or idle yet.
    expect(only('iam-access-keys-rotated-90-days')).toEqual(['PASS']);
    expect(only('iam-credentials-unused-45-days')).toEqual(['PASS']);
    expect(only('iam-root-no-access-keys')).toEqual(['PASS']);
    expect(only('iam-support-role-exists')).toEqual(['FAIL']);
    // moto always reports the root user without MFA.
    expect(only('iam-root-mfa-enabled')).toEqual(['FAIL']);
    expect(only('account-in-organization')).toEqual(['FAIL']);
    // No account-level Block Public Access was set (S3 Control answers through the custom endpoint).
    expect(only('s3-account-public-access-block')).toEqual(['FAIL']);
  });

  it('judges the CIS 4.x pairs: an alarm counts only when it reaches a confirmed subscriber', () => {
    expect(only('cloudwatch-alarm-root-usage')).toEqual(['PASS']);
    expect(only('cloudwatch-alarm-iam-policy-changes')).toEqual(['FAIL']);
    expect(of('cloudwatch-alarm-iam-policy-changes')[0]?.message).toContain(
      'iam-policy-changes reaches nobody',
    );
    expect(only('cloudwatch-alarm-vpc-changes')).toEqual(['FAIL']);
  });

  it('is UNKNOWN, naming the operation, where the emulator has no answer', () => {
    for (const result of of('iam-access-analyzer-all-regions')) {
      expect(result.status).toBe('UNKNOWN');
      expect(result.message).toContain('access-analyzer:ListAnalyzers');
    }
    expect(Object.keys(byRegion('iam-access-analyzer-all-regions')).sort()).toEqual([
      'eu-west-1',
      'us-east-1',
    ]);
    const ssm = of('ec2-instance-managed-by-ssm');
    expect(ssm.length).toBe(1);
    expect(ssm[0]?.status).toBe('UNKNOWN');
    expect(ssm[0]?.message).toContain('ssm:DescribeInstanceInformation');
    // A plan exists in us-east-1, but moto cannot list its selections: not assessable, never a PASS.
    expect(only('backup-plans-exist')).toEqual(['UNKNOWN']);
    expect(of('backup-plans-exist')[0]?.message).toContain('backup:ListBackupSelections');
    expect(byRegion('ssm-patch-compliance')).toEqual({ 'us-east-1': 'UNKNOWN', 'eu-west-1': 'UNKNOWN' });
    for (const result of of('ssm-patch-compliance'))
      expect(result.message).toContain('ssm:ListResourceComplianceSummaries');
    expect(report.results.filter((r) => r.resource.type === 'AWS::Account' && r.status === 'ERROR')).toEqual(
      [],
    );
  });

  it('reports the scan as partial, and exits 3 when nothing at --fail-on fails', () => {
    expect(report.scan.live?.partial).toBe(true);
    expect(exitCode).toBe(3);
  });
});
