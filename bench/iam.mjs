// npm run bench (IAM case): 1,000 principals × every action of 20 services, each action asked on a
// resource of its own type. Target (issue 5): under 5 s and 500 MB on 2 cores. Run after `npm run build`.
import { actionsOf, sampleArn } from '../dist/iam/action-catalog.js';
import { makeContext } from '../dist/iam/context.js';
import { evaluateRequest } from '../dist/iam/evaluate.js';
import { parsePolicyDocument } from '../dist/model/parse-policy.js';

const started = performance.now();
const PRINCIPALS = Number(process.env.BENCH_PRINCIPALS ?? 1000);
const ACCOUNT = '111122223333';
const SERVICES = [
  's3',
  'ec2',
  'iam',
  'lambda',
  'kms',
  'sqs',
  'sns',
  'dynamodb',
  'sts',
  'secretsmanager',
  'ecr',
  'rds',
  'cloudtrail',
  'logs',
  'cloudformation',
  'ssm',
  'ecs',
  'glue',
  'codebuild',
  'autoscaling',
];
const NAMES = ['orders', 'billing', 'reports', 'audit', 'web'];

// A small deterministic generator, so every run asks the same questions.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = (list) => list[Math.floor(rand() * list.length)];

const actions = SERVICES.flatMap((s) => actionsOf(s));
const requests = actions.map((a) => ({
  action: a.name,
  resource: sampleArn(a, { region: 'eu-west-1', account: ACCOUNT, name: pick(NAMES) }) ?? '*',
}));

/** Policies of the kinds real accounts carry: service wildcards, read-only sets, scoped grants, denies. */
function principalPolicies(i) {
  const svc = SERVICES[i % SERVICES.length];
  const app = NAMES[i % NAMES.length];
  const statements = [
    { Effect: 'Allow', Action: [`${svc}:*`], Resource: '*' },
    {
      Effect: 'Allow',
      Action: ['s3:Get*', 's3:List*'],
      Resource: [`arn:aws:s3:::${app}`, `arn:aws:s3:::${app}/*`],
    },
    {
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
      Resource: `arn:aws:dynamodb:*:${ACCOUNT}:table/${app}*`,
    },
    {
      Effect: 'Deny',
      Action: 'iam:*',
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ];
  if (i % 10 === 0)
    statements.push({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' });
  if (i % 7 === 0)
    statements.push({
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::${ACCOUNT}:role/${app}-*`,
      Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    });
  if (i % 5 === 0)
    statements.push({
      Effect: 'Deny',
      Action: ['kms:ScheduleKeyDeletion', 's3:DeleteBucket'],
      Resource: '*',
    });
  const policies = [
    { name: `${app}-${i}`, document: parsePolicyDocument({ Version: '2012-10-17', Statement: statements }) },
  ];
  const boundary =
    i % 4 === 0
      ? {
          name: 'boundary',
          document: parsePolicyDocument({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }],
          }),
        }
      : undefined;
  return { arn: `arn:aws:iam::${ACCOUNT}:role/${app}-${i}`, policies, boundary };
}

const principals = Array.from({ length: PRINCIPALS }, (_, i) => principalPolicies(i));
const context = makeContext({
  'aws:MultiFactorAuthPresent': 'true',
  'iam:PassedToService': 'lambda.amazonaws.com',
});
const setupMs = performance.now() - started;

const counts = new Map([
  ['Allowed', 0],
  ['ExplicitDeny', 0],
  ['ImplicitDeny', 0],
  ['Unknown', 0],
]);
const evalStart = performance.now();
for (const p of principals) {
  // One input per principal, its request rewritten per question: the loop measures the evaluator, not object churn.
  const request = { action: '', resource: '', principalArn: p.arn, principalAccount: ACCOUNT, context };
  const input = { identityPolicies: p.policies, permissionsBoundary: p.boundary, explain: false, request };
  for (const r of requests) {
    request.action = r.action;
    request.resource = r.resource;
    const { decision } = evaluateRequest(input);
    counts.set(decision, counts.get(decision) + 1);
  }
}
const evalMs = performance.now() - evalStart;
const total = PRINCIPALS * requests.length;
const peakMb = process.resourceUsage().maxRSS / 1024;

console.log(
  `${PRINCIPALS} principals × ${requests.length} actions of ${SERVICES.length} services = ${total.toLocaleString('en')} evaluations`,
);
console.log(`decisions   ${[...counts].map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
console.log(
  `setup     ${setupMs.toFixed(0).padStart(7)} ms  (reading the authorization reference, building policies)`,
);
console.log(
  `evaluate  ${evalMs.toFixed(0).padStart(7)} ms  ${Math.round((total / evalMs) * 1000).toLocaleString('en')} evaluations/s`,
);
console.log(`wall      ${(performance.now() - started).toFixed(0).padStart(7)} ms  (target < 5000)`);
console.log(`peak RSS  ${peakMb.toFixed(0).padStart(7)} MB  (target < 500)`);
