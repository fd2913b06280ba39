// npm run bench:live: seeds the moto emulator with a few thousand resources, scans it with every
// check, and prints wall time, API requests, requests per resource and where our own CPU time went.
// Targets (issue 3): requests ≈ one per list page plus at most one per resource where AWS has no
// batch call; wall time dominated by the emulator, not by our code.
import { Session } from 'node:inspector/promises';
import {
  CreateSecurityGroupCommand,
  CreateVolumeCommand,
  DescribeVpcsCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { startMotoForBench } from './moto-process.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const SCALE = Number(process.env.BENCH_LIVE_SCALE ?? 500);
const moto = await startMotoForBench();
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const config = { region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials };
const limit = pLimit(16);
const s3 = new S3Client(config);
const iam = new IAMClient(config);
const ec2 = new EC2Client(config);
const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

const seedStarted = performance.now();
const vpcId = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.[0]?.VpcId;
const jobs = [];
for (let i = 0; i < SCALE; i++) {
  jobs.push(limit(() => s3.send(new CreateBucketCommand({ Bucket: `bench-bucket-${i}` }))));
  jobs.push(
    limit(() =>
      iam.send(new CreateRoleCommand({ RoleName: `bench-role-${i}`, AssumeRolePolicyDocument: trust })),
    ),
  );
  jobs.push(limit(() => iam.send(new CreateUserCommand({ UserName: `bench-user-${i}` }))));
  jobs.push(
    limit(() =>
      ec2.send(
        new CreateSecurityGroupCommand({ GroupName: `bench-sg-${i}`, Description: 'bench', VpcId: vpcId }),
      ),
    ),
  );
  jobs.push(
    limit(() =>
      ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 8, Encrypted: i % 2 === 0 })),
    ),
  );
}
jobs.push(
  limit(() =>
    ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        MinCount: Math.min(SCALE, 500),
        MaxCount: Math.min(SCALE, 500),
      }),
    ),
  ),
);
await Promise.all(jobs);
const seedMs = performance.now() - seedStarted;

const { collectAwsInventory } = await import('../dist/sources/aws/collect-inventory.js');
const { ALL_CHECKS } = await import('../dist/checks/registry.js');
const { collectionNeeds } = await import('../dist/checks/check.js');
const { runChecks } = await import('../dist/engine/run-checks.js');

const profiler = new Session();
profiler.connect();
await profiler.post('Profiler.enable');
await profiler.post('Profiler.start');
const started = performance.now();
const cpuStart = process.cpuUsage();
const live = await collectAwsInventory(collectionNeeds(ALL_CHECKS), {
  regions: ['us-east-1'],
  homeRegion: 'us-east-1',
  endpointUrl: moto.endpoint,
  credentials: async () => credentials,
});
const results = runChecks(live.inventory, ALL_CHECKS);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
const { profile } = await profiler.post('Profiler.stop');
await moto.stop();

const resources = live.inventory.resources.length;
console.log(`seeded ${jobs.length} resources in ${(seedMs / 1000).toFixed(1)} s`);
console.log(
  `scan: ${resources} resources, ${results.length} results, ${(wallMs / 1000).toFixed(2)} s wall, our CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`,
);
console.log(
  `requests: ${live.stats.requests} (${(live.stats.requests / Math.max(resources, 1)).toFixed(2)} per resource)`,
);
const byOp = [...live.stats.byOperation].sort((a, b) => b[1] - a[1]);
for (const [op, n] of byOp.slice(0, 12)) console.log(`  ${String(n).padStart(6)}  ${op}`);

// Self time per function from the CPU profile: where our process spent its time.
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const deltas = new Map();
profile.samples.forEach((id, i) => {
  deltas.set(id, (deltas.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
for (const [id, us] of deltas) {
  const f = byId.get(id).callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + us);
}
console.log('CPU profile, top self time (idle = waiting on the emulator):');
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 10))
  console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
