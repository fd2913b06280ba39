import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import {
  AttachPolicyCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  CreateSecretCommand,
  PutResourcePolicyCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/report/scan-report.js';
import { AwsSession } from '../../src/sources/aws/aws-session.js';
import { runCli } from '../cli-helpers.js';
import { type Moto, startMoto } from './moto.js';
import { runAgainstMoto, scanMoto, statusOf } from './scan-live.js';

let moto: Moto;
const dir = mkdtempSync(join(tmpdir(), 'whoowns-live-'));
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

async function seed(endpoint: string): Promise<void> {
  const config = { region: 'us-east-1', endpoint, forcePathStyle: true, credentials };
  const secrets = new SecretsManagerClient(config);
  const shared = await secrets.send(
    new CreateSecretCommand({ Name: 'shared-token', SecretString: 'hunter2-secret-value' }),
  );
  await secrets.send(
    new PutResourcePolicyCommand({
      SecretId: shared.ARN,
      ResourcePolicy: doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
      }),
    }),
  );
  await secrets.send(
    new CreateSecretCommand({ Name: 'private-token', SecretString: 'another-secret-value' }),
  );
  const ecr = new ECRClient(config);
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'images' }));
  const s3 = new S3Client(config);
  const iam = new IAMClient(config);
  await s3.send(new CreateBucketCommand({ Bucket: 'public-site' }));
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: 'public-site',
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: false,
        RestrictPublicBuckets: false,
      },
    }),
  );
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'public-site',
      Policy: doc({
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::public-site/*',
      }),
    }),
  );
  await s3.send(new CreateBucketCommand({ Bucket: 'records' }));
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: 'records',
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
  );
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: 'records', VersioningConfiguration: { Status: 'Enabled' } }),
  );
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'records',
      Policy: doc({
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::records', 'arn:aws:s3:::records/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    }),
  );
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Correct-Horse-9!' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'alice',
      PolicyName: 'everything',
      PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
    }),
  );
  await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'deploy',
      AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
    }),
  );
  await iam.send(
    new AttachRolePolicyCommand({
      RoleName: 'deploy',
      PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    }),
  );
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'app',
      AssumeRolePolicyDocument: doc({
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole',
      }),
    }),
  );
}

describe('live scan of IAM and S3 (moto)', () => {
  let report: ScanReport;
  beforeAll(async () => {
    moto = await startMoto();
    await seed(moto.endpoint);
    report = (
      await scanMoto(moto.endpoint, '--regions', 'us-east-1', '--fail-on', 'none', '--area', 'iam,data,res')
    ).report;
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
  });

  it('names the account and caller, and counts requests', () => {
    expect(report.scan.live).toMatchObject({
      account: '123456789012',
      callerArn: expect.stringContaining('123456789012'),
    });
    expect(report.scan.live?.requests).toBeGreaterThan(5);
    expect(report.scan.sources[0]).toMatchObject({ kind: 'aws', location: 'aws://123456789012' });
  });

  it('finds the public bucket and passes the locked-down one', () => {
    expect(statusOf(report, 's3-bucket-no-public-access', 'public-site')).toEqual(['FAIL']);
    expect(statusOf(report, 's3-bucket-no-public-access', 'records')).toEqual(['PASS']);
    expect(statusOf(report, 's3-bucket-public-access-block', 'public-site')).toEqual(['FAIL']);
    expect(statusOf(report, 's3-bucket-public-access-block', 'records')).toEqual(['PASS']);
    expect(statusOf(report, 's3-bucket-tls-only', 'records')).toEqual(['PASS']);
    expect(statusOf(report, 's3-bucket-tls-only', 'public-site')).toEqual(['FAIL']);
    expect(statusOf(report, 's3-bucket-versioning', 'records')).toEqual(['PASS']);
    expect(statusOf(report, 's3-bucket-versioning', 'public-site')).toEqual(['FAIL']);
  });

  it('finds the administrators and the role anyone can assume', () => {
    expect(statusOf(report, 'iam-policy-no-full-admin', 'alice')).toEqual(['FAIL']);
    expect(statusOf(report, 'iam-policy-no-full-admin', 'deploy')).toEqual(['FAIL']);
    expect(statusOf(report, 'iam-policy-no-full-admin', 'app')).toEqual(['PASS']);
    expect(statusOf(report, 'iam-role-trust-not-public', 'deploy')).toEqual(['FAIL']);
    expect(statusOf(report, 'iam-role-trust-not-public', 'app')).toEqual(['PASS']);
    expect(statusOf(report, 'iam-user-no-inline-policies', 'alice')).toEqual(['FAIL']);
  });

  it('judges Secrets Manager resource policies, never reading a secret value', () => {
    expect(statusOf(report, 'resource-policy-no-public-access', 'shared-token')).toEqual(['FAIL']);
    expect(statusOf(report, 'resource-policy-no-public-access', 'private-token')).toEqual(['PASS']);
    expect(statusOf(report, 'resource-policy-no-public-access', 'images')).toEqual(['PASS']);
    expect(JSON.stringify(report)).not.toContain('hunter2-secret-value');
    expect(report.scan.live?.operations).not.toHaveProperty('secretsmanager:GetSecretValue');
  });

  it('saves an inventory and re-scans it offline with the same results', async () => {
    const file = join(dir, 'account.json.gz');
    const live = await runAgainstMoto(
      moto.endpoint,
      'scan',
      '--aws',
      '--endpoint-url',
      moto.endpoint,
      '--regions',
      'us-east-1',
      '--save-inventory',
      file,
      '--format',
      'json',
      '--quiet',
      '--fail-on',
      'none',
      '--area',
      'iam,data',
    );
    expect(existsSync(file)).toBe(true);
    const offline = await runCli(
      'scan',
      '--inventory',
      file,
      '--format',
      'json',
      '--fail-on',
      'none',
      '--area',
      'iam,data',
    );
    const key = (r: ScanReport['results'][number]) => `${r.checkId} ${r.resource.id} ${r.status}`;
    const liveResults = (JSON.parse(live.stdout) as ScanReport).results.map(key).sort();
    expect((JSON.parse(offline.stdout) as ScanReport).results.map(key).sort()).toEqual(liveResults);
    const saved = gunzipSync(readFileSync(file)).toString();
    expect(saved).not.toContain('Correct-Horse');
    // A standalone account: no organization, so no SCPs cap it and only it is "inside".
    const organization = JSON.parse(saved).inventories[0].organization;
    expect(organization.id).toMatchObject({ known: true, value: null });
    expect(organization.serviceControlPolicies).toMatchObject({ known: true, value: [] });
  }, 30_000);

  // Runs last: it turns the account into an organization's management account.
  it('reads the organization, its accounts and the SCPs per level', async () => {
    const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials };
    const org = new OrganizationsClient(config);
    await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const root = (await org.send(new ListRootsCommand({}))).Roots?.[0]?.Id;
    const scp = await org.send(
      new CreatePolicyCommand({
        Name: 'deny-leaving',
        Description: 'test',
        Type: 'SERVICE_CONTROL_POLICY',
        Content: doc({ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }),
      }),
    );
    await org.send(new AttachPolicyCommand({ PolicyId: scp.Policy?.PolicySummary?.Id, TargetId: root }));
    const file = join(dir, 'org.json.gz');
    await runAgainstMoto(
      moto.endpoint,
      'scan',
      '--aws',
      '--endpoint-url',
      moto.endpoint,
      '--regions',
      'us-east-1',
      '--check',
      'iam-policy-no-full-admin',
      '--save-inventory',
      file,
      '--quiet',
      '--fail-on',
      'none',
    );
    const facts = JSON.parse(gunzipSync(readFileSync(file)).toString()).inventories[0].organization;
    expect(facts.id.value).toMatch(/^o-/);
    expect(facts.isManagementAccount).toMatchObject({ value: true });
    expect(facts.accountIds.value).toContain('123456789012');
    const names = facts.serviceControlPolicies.value.flat().map((p: { name: string }) => p.name);
    expect(names).toContain('deny-leaving');
  }, 30_000);
});

describe('read-only by construction', () => {
  it('refuses a mutating command before any request leaves the machine', async () => {
    let requests = 0;
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      requests += 1;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const session = new AwsSession({
      endpointUrl: `http://127.0.0.1:${port}`,
      credentials: async () => credentials,
      maxAttempts: 1,
    });
    try {
      const iam = session.client(IAMClient, 'us-east-1');
      await expect(iam.send(new CreateUserCommand({ UserName: 'mallory' }))).rejects.toThrow(
        /refused to send CreateUser/,
      );
      await expect(
        iam.send(new PutUserPolicyCommand({ UserName: 'a', PolicyName: 'p', PolicyDocument: '{}' })),
      ).rejects.toThrow(/refused/);
      expect(requests).toBe(0);
      expect(session.stats.requests).toBe(0);
      // A read goes through the same client (and reaches the stub server).
      await iam.send(new ListUsersCommand({})).catch(() => undefined);
      expect(requests).toBeGreaterThan(0);
    } finally {
      session.close();
      server.close();
    }
  });
});

describe('bounded concurrency', () => {
  it('keeps at most perServiceConcurrency requests in flight to one service, over all regions', async () => {
    let inFlight = 0;
    let peak = 0;
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.statusCode = 500;
        res.end();
      }, 30);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const session = new AwsSession({
      endpointUrl: `http://127.0.0.1:${port}`,
      credentials: async () => credentials,
      maxAttempts: 1,
      perServiceConcurrency: 2,
    });
    try {
      const calls = ['us-east-1', 'eu-west-1', 'ap-south-1'].flatMap((region) =>
        [1, 2].map(() =>
          session
            .client(IAMClient, region)
            .send(new ListUsersCommand({}))
            .catch(() => undefined),
        ),
      );
      await Promise.all(calls);
      expect(session.stats.requests).toBe(6);
      expect(peak).toBe(2);
    } finally {
      session.close();
      server.close();
    }
  });
});

describe('bad live and inventory input: one line, exit 2', () => {
  it('an inventory file that is not one', async () => {
    const file = join(dir, 'not-an-inventory.gz');
    writeFileSync(file, 'plain text');
    const run = await runCli('scan', '--inventory', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not-an-inventory\.gz: not a whoowns inventory/);
  });
  it('mixing sources', async () => {
    const run = await runCli('scan', 'examples/ecommerce/template.yaml', '--aws');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/one kind of source at a time/);
  });
  it('no credentials reachable', async () => {
    const run = await runAgainstMoto(
      'http://127.0.0.1:9',
      'scan',
      '--aws',
      '--regions',
      'us-east-1',
      '--quiet',
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
