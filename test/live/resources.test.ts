import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.js';
import { MODELED_RESOURCE_TYPES, type Resource, type ResourceType } from '../../src/model/resources/index.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import { collectAwsInventory, type LiveScan } from '../../src/sources/aws/collect-inventory.js';
import { declaredOperations } from '../../src/sources/aws/permissions.js';
import { type Moto, startMoto } from './moto.js';
import { CHECKS, OURS, statuses } from './resources-checks.js';
import { scanMoto } from './scan-live.js';
import { SECRET_MARKER, type SeededAccount, seedAccount } from './seed.js';

let moto: Moto;
let seeded: SeededAccount;
let report: ScanReport;
let savedInventory: string;
const dir = mkdtempSync(join(tmpdir(), 'whoowns-resources-'));

beforeAll(async () => {
  moto = await startMoto();
  seeded = await seedAccount(moto.endpoint);
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe('live scan of regional resources (moto)', () => {
  beforeAll(async () => {
    const file = join(dir, 'inventory.json.gz');
    // scanMoto also proves that every call sent is declared and planned for exactly these checks.
    report = (
      await scanMoto(
        moto.endpoint,
        '--regions',
        'us-east-1',
        '--fail-on',
        'none',
        '--save-inventory',
        file,
        '--check',
        CHECKS.join(','),
      )
    ).report;
    savedInventory = gunzipSync(readFileSync(file)).toString();
  }, 60_000);

  it('gives the exact expected status per check and resource', () => {
    const s = seeded;
    const instances = [s.publicInstanceId, s.privateInstanceId, s.stoppedInstanceId];
    const defaultGroups = report.results
      .filter(
        (r) =>
          r.resource.type === 'AWS::EC2::SecurityGroup' &&
          r.checkId === 'ec2-security-group-admin-ports-open',
      )
      .map((r) => r.resource.name)
      .filter((n) => ![s.openSshGroupId, s.cleanGroupId].includes(n));
    expect(defaultGroups).toHaveLength(3); // one default group per VPC
    const expected: Record<string, string> = {
      [`ec2-instance-imdsv2-required ${s.publicInstanceId}`]: 'FAIL',
      [`ec2-instance-imdsv2-required ${s.privateInstanceId}`]: 'PASS',
      [`ec2-instance-no-public-ip ${s.publicInstanceId}`]: 'FAIL',
      [`ec2-instance-no-public-ip ${s.privateInstanceId}`]: 'PASS',
      [`ec2-instance-imdsv2-required ${s.stoppedInstanceId}`]: 'PASS',
      // A stopped instance shows no public address, but may get one again when it starts.
      [`ec2-instance-no-public-ip ${s.stoppedInstanceId}`]: 'UNKNOWN',
      [`ec2-security-group-admin-ports-open ${s.openSshGroupId}`]: 'FAIL',
      [`ec2-security-group-admin-ports-open ${s.cleanGroupId}`]: 'PASS',
      [`ec2-security-group-database-ports-open ${s.openSshGroupId}`]: 'PASS',
      [`ec2-security-group-database-ports-open ${s.cleanGroupId}`]: 'PASS',
      // Every instance sits in subnet A, whose route table sends 0.0.0.0/0 to an internet gateway.
      [`ec2-instance-in-private-subnet ${s.plainVpcId}`]: 'FAIL',
      [`ec2-instance-in-private-subnet ${s.flowLogVpcId}`]: 'PASS',
      [`ec2-instance-in-private-subnet ${s.defaultVpcId}`]: 'PASS',
      [`vpc-flow-logs-enabled ${s.flowLogVpcId}`]: 'PASS',
      [`vpc-flow-logs-enabled ${s.plainVpcId}`]: 'FAIL',
      [`vpc-flow-logs-enabled ${s.defaultVpcId}`]: 'FAIL',
      'rds-instance-not-public public-db': 'FAIL',
      'rds-instance-not-public private-db': 'PASS',
      'rds-storage-encrypted public-db': 'FAIL',
      'rds-storage-encrypted private-db': 'PASS',
      'rds-backup-retention public-db': 'FAIL',
      'rds-backup-retention private-db': 'PASS',
      'rds-deletion-protection public-db': 'FAIL',
      'rds-deletion-protection private-db': 'PASS',
      'rds-multi-az public-db': 'FAIL',
      'rds-multi-az private-db': 'PASS',
      'rds-auto-minor-version-upgrade public-db': 'PASS',
      'rds-auto-minor-version-upgrade private-db': 'PASS',
      // Aurora: encryption is read from the cluster; the other settings are the cluster's to judge.
      'rds-storage-encrypted aurora-prod-1': 'PASS',
      'rds-instance-not-public aurora-prod-1': 'PASS',
      'rds-backup-retention aurora-prod-1': 'UNKNOWN',
      'rds-deletion-protection aurora-prod-1': 'UNKNOWN',
      'rds-multi-az aurora-prod-1': 'UNKNOWN',
      'rds-auto-minor-version-upgrade aurora-prod-1': 'PASS',
      'lambda-runtime-supported old-runtime': 'FAIL',
      'dynamodb-table-customer-key orders': 'PASS',
      'dynamodb-table-customer-key sessions': 'FAIL',
      'dynamodb-point-in-time-recovery orders': 'PASS',
      'dynamodb-point-in-time-recovery sessions': 'FAIL',
      [`kms-key-rotation ${s.rotatingKeyId}`]: 'PASS',
      [`kms-key-rotation ${s.staticKeyId}`]: 'FAIL',
      'cloudtrail-multi-region main-trail': 'PASS',
      'cloudtrail-log-file-validation main-trail': 'PASS',
      'cloudtrail-kms-encryption main-trail': 'FAIL',
      'elbv2-listener-https web': 'FAIL',
      'elbv2-access-logs web': 'FAIL',
      'sns-topic-encrypted alerts': 'PASS',
      'sns-topic-encrypted plain': 'FAIL',
      'sqs-queue-encrypted jobs': 'PASS',
      'sqs-queue-encrypted plain-queue': 'FAIL',
    };
    // moto has no SSM DescribeInstanceInformation: not assessable, never a FAIL.
    for (const id of instances) expected[`ec2-instance-managed-by-ssm ${id}`] = 'UNKNOWN';
    for (const group of defaultGroups) {
      expected[`ec2-security-group-admin-ports-open ${group}`] = 'PASS';
      expected[`ec2-security-group-database-ports-open ${group}`] = 'PASS';
    }
    // Each volume is judged once, as a volume; the instances point at it instead of judging it again.
    const volumes = report.results.filter((r) => r.checkId === 'ebs-volume-encrypted');
    expect(volumes.every((r) => r.resource.type === 'AWS::EC2::Volume')).toBe(true);
    for (const v of volumes) expected[`ebs-volume-encrypted ${v.resource.name}`] = v.status;
    expect(volumes.map((v) => v.status).sort()).toEqual(['FAIL', 'PASS', 'PASS']);
    expect(statuses(report)).toEqual(Object.fromEntries(Object.entries(expected).sort()));
    expect(instances.every((id) => report.results.some((r) => r.resource.name === id))).toBe(true);
    const find = (check: string, name: string) =>
      report.results.find((r) => r.checkId === check && r.resource.name === name);
    expect(find('ec2-instance-no-public-ip', s.stoppedInstanceId)?.message).toMatch(/stopped/);
    expect(find('ec2-instance-managed-by-ssm', s.publicInstanceId)?.message).toContain(
      'ssm:DescribeInstanceInformation',
    );
    expect(find('rds-storage-encrypted', 'aurora-prod-1')).toMatchObject({
      message: expect.stringContaining('aurora-prod'),
      evidence: { api: 'rds:DescribeDBClusters' },
    });
    expect(find('rds-instance-not-public', 'public-db')?.resource).toMatchObject({
      id: 'arn:aws:rds:us-east-1:123456789012:db:public-db',
      region: 'us-east-1',
      account: '123456789012',
    });
  });

  it('says which calls the emulator could not answer, and declares every call it sent', () => {
    expect(report.scan.live?.partial).toBe(true);
    expect(report.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining('ssm:DescribeInstanceInformation'),
    );
    const sent = Object.keys(report.scan.live?.operations ?? {});
    const declared = declaredOperations();
    expect(sent.filter((op) => !declared.has(op))).toEqual([]);
    // Nothing is fetched per function that no selected check reads.
    expect(sent).not.toContain('lambda:ListFunctionUrlConfigs');
    expect(sent).not.toContain('lambda:GetPolicy');
    expect(sent).toContain('ec2:DescribeVolumes');
  });

  it('keeps the Lambda environment value out of the report and the saved inventory', () => {
    expect(JSON.stringify(report)).not.toContain(SECRET_MARKER);
    expect(savedInventory).toContain('API_TOKEN');
    expect(savedInventory).not.toContain(SECRET_MARKER);
  });
});

describe('collecting every modeled field (moto)', () => {
  let scan: LiveScan;
  const byName = (type: ResourceType, name: string) =>
    scan.inventory.resources.find((r) => r.type === type && r.name === name) as Resource;
  beforeAll(async () => {
    // Every field of every type these collectors fill: each operation they declare is exercised.
    const needs = new Map(MODELED_RESOURCE_TYPES.filter((t) => OURS.includes(t)).map((t) => [t, undefined]));
    scan = await collectAwsInventory(needs, {
      regions: ['us-east-1', 'us-west-2'],
      homeRegion: 'us-east-1',
      endpointUrl: moto.endpoint,
      credentials: async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' }),
    });
  }, 30_000);

  it('reports the Lambda APIs moto lacks as unknown, naming the operation', () => {
    const fn = byName('AWS::Lambda::Function', 'old-runtime');
    if (fn.type !== 'AWS::Lambda::Function') throw new Error('no function');
    expect(fn.functionUrlAuthType).toMatchObject({
      known: false,
      reason: expect.stringContaining('lambda:ListFunctionUrlConfigs'),
    });
    expect(fn.runtimeUpdateMode).toMatchObject({
      known: false,
      reason: expect.stringContaining('lambda:GetRuntimeManagementConfig'),
    });
    expect(fn.environmentVariableNames).toMatchObject({ known: true, value: ['API_TOKEN'] });
    expect(
      fn.permissions.map((p) =>
        [p.principal, p.action, p.sourceArn, p.sourceAccount].map((v) => v.known && v.value),
      ),
    ).toEqual([['s3.amazonaws.com', 'lambda:InvokeFunction', 'arn:aws:s3:::whoowns-logs', '123456789012']]);
    expect(scan.partial).toBe(true);
    expect(JSON.stringify(scan.inventory as Inventory)).not.toContain(SECRET_MARKER);
  });

  it('joins network interfaces, flow logs and volumes across one call per region', () => {
    const open = byName('AWS::EC2::SecurityGroup', seeded.openSshGroupId);
    if (open.type !== 'AWS::EC2::SecurityGroup') throw new Error('no group');
    expect(open.inUse).toMatchObject({ known: true, value: true });
    expect(
      open.rules.filter((r) => r.direction === 'ingress').map((r) => r.cidrIpv4?.known && r.cidrIpv4.value),
    ).toEqual(['0.0.0.0/0']);
    const vpc = byName('AWS::EC2::VPC', seeded.defaultVpcId);
    expect(vpc.type === 'AWS::EC2::VPC' && vpc.isDefault).toBe(true);
    // Subnet A has its own route table to the internet gateway; subnet B falls back to the main table.
    const plain = byName('AWS::EC2::VPC', seeded.plainVpcId);
    expect(plain.type === 'AWS::EC2::VPC' && plain.publicSubnetIds).toMatchObject({
      known: true,
      value: [seeded.subnetA],
    });
    const instance = byName('AWS::EC2::Instance', seeded.privateInstanceId);
    if (instance.type !== 'AWS::EC2::Instance') throw new Error('no instance');
    expect(instance.volumes.map((v) => v.encrypted.known && v.encrypted.value)).toEqual([true]);
    expect(instance.hasUserData).toBe(false);
    const once = [
      'ec2:DescribeVolumes',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeFlowLogs',
      'ec2:DescribeSubnets',
      'ec2:DescribeRouteTables',
      'kms:ListAliases',
    ];
    for (const op of once) expect(scan.stats.byOperation.get(op)).toBe(2); // one per region
    expect(scan.stats.operations.has('ec2:DescribeInstanceAttribute')).toBe(false);
    for (const op of scan.stats.operations) expect(declaredOperations().has(op)).toBe(true);
  });

  it('reads Aurora settings from one DescribeDBClusters for the region', () => {
    const db = byName('AWS::RDS::DBInstance', 'aurora-prod-1');
    if (db.type !== 'AWS::RDS::DBInstance') throw new Error('no DB instance');
    expect(db.backupRetentionDays).toMatchObject({
      known: true,
      value: 14,
      source: { api: 'rds:DescribeDBClusters' },
    });
    expect(db.multiAz).toMatchObject({ known: false, reason: expect.stringMatching(/Aurora/) });
    expect(scan.stats.byOperation.get('rds:DescribeDBClusters')).toBe(1); // us-west-2 has no Aurora
  });

  it('lists a multi-region trail once, in its home region', () => {
    const trails = scan.inventory.resources.filter((r) => r.type === 'AWS::CloudTrail::Trail');
    expect(trails.map((t) => [t.name, t.region])).toEqual([['main-trail', 'us-east-1']]);
  });

  it('tells AWS managed keys from customer keys and reads the rotation of customer keys', () => {
    const keys = scan.inventory.resources.filter((r) => r.type === 'AWS::KMS::Key');
    const ebsKey = keys.find((k) => k.name === 'alias/aws/ebs');
    expect(ebsKey?.type === 'AWS::KMS::Key' && ebsKey.managedBy).toBe('aws');
    const rotating = byName('AWS::KMS::Key', seeded.rotatingKeyId);
    expect(rotating.type === 'AWS::KMS::Key' && rotating.rotationEnabled).toMatchObject({
      known: true,
      value: true,
    });
  });
});
