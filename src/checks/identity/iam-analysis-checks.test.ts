import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../model/inventory.js';
import type { OrganizationFacts } from '../../model/organization.js';
import { parsePolicyDocument } from '../../model/parse-policy.js';
import type { PolicyDocument } from '../../model/policy.js';
import type {
  EcrRepository,
  IamRole,
  IamUser,
  LambdaFunction,
  Resource,
  S3Bucket,
  SecretsManagerSecret,
} from '../../model/resources/index.js';
import { explicit, unknown, type Value } from '../../model/value.js';
import { type CheckContext, createCheckContext, type Verdict } from '../check.js';
import { iamNoPrivilegeEscalation } from './iam-no-privilege-escalation.js';
import { iamRoleTrustExternalAccount } from './iam-role-trust-external-account.js';
import { iamRoleUnused } from './iam-role-unused.js';
import { resourcePolicyNoCrossAccount } from './resource-policy-no-cross-account.js';
import { resourcePolicyNoPublicAccess } from './resource-policy-no-public-access.js';

const src = { arn: 'arn:aws:iam::111111111111:role/x', api: 'test' };
const ACCOUNT = '111111111111';
const NOW = new Date('2026-11-23T00:00:00Z');

const docOf = (...Statement: Record<string, unknown>[]): Value<PolicyDocument> =>
  explicit(parsePolicyDocument({ Version: '2012-10-17', Statement }), src);

function org(accounts: string[] | undefined): OrganizationFacts {
  return {
    id: explicit('o-ours', src),
    accountIds: accounts ? explicit(accounts, src) : unknown('not readable from a member account', src),
    isManagementAccount: explicit(false, src),
    serviceControlPolicies: unknown('not readable', src),
    resourceControlPolicies: unknown('not readable', src),
  };
}

interface Evaluates {
  evaluate(resource: never, context: CheckContext): Verdict | Verdict[];
}

function run(
  check: Evaluates,
  resource: Resource,
  opts: { others?: Resource[]; organization?: OrganizationFacts } = {},
) {
  const inventory: Inventory = {
    source: { kind: 'aws', location: `aws://${ACCOUNT}`, account: ACCOUNT },
    resources: [resource, ...(opts.others ?? [])],
    unmodeled: [],
    notCreated: [],
    problems: [],
    ...(opts.organization ? { organization: opts.organization } : {}),
  };
  const out = check.evaluate(resource as never, createCheckContext(inventory, undefined, NOW));
  return Array.isArray(out) ? out : [out];
}
const status = (vs: Verdict[]) => vs.map((v) => v.status).join(',');

function role(name: string, over: Partial<IamRole> = {}): IamRole {
  const arn = `arn:aws:iam::${ACCOUNT}:role/${name}`;
  return {
    type: 'AWS::IAM::Role',
    id: arn,
    arn,
    name,
    account: ACCOUNT,
    source: src,
    roleName: explicit(name, src),
    assumeRolePolicy: docOf({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
    }),
    maxSessionDuration: explicit(3600, src),
    lastUsed: explicit(null, src),
    inlinePolicies: [],
    managedPolicyArns: [],
    permissionsBoundary: explicit(null, src),
    ...over,
  };
}

describe('iam-role-unused', () => {
  it('fails a role idle for 90 days or never used since long ago, passes a recent one', () => {
    expect(status(run(iamRoleUnused, role('a', { lastUsed: explicit('2026-06-01T00:00:00Z', src) })))).toBe(
      'FAIL',
    );
    expect(status(run(iamRoleUnused, role('b', { lastUsed: explicit('2026-11-01T00:00:00Z', src) })))).toBe(
      'PASS',
    );
    const old = role('c', { createdAt: explicit('2025-01-01T00:00:00Z', src) });
    expect(status(run(iamRoleUnused, old))).toBe('FAIL');
    const fresh = role('d', { createdAt: explicit('2026-11-20T00:00:00Z', src) });
    expect(status(run(iamRoleUnused, fresh))).toBe('PASS');
  });
  it('answers UNKNOWN without last use or creation date, and skips service-linked roles', () => {
    expect(status(run(iamRoleUnused, role('e')))).toBe('UNKNOWN');
    expect(
      status(run(iamRoleUnused, role('f', { lastUsed: unknown('known only from a live account', src) }))),
    ).toBe('UNKNOWN');
    expect(run(iamRoleUnused, role('AWSServiceRoleForSupport'))).toEqual([]);
  });
});

describe('iam-role-trust-external-account', () => {
  const trusting = (principal: unknown, condition?: unknown) =>
    role('partner', {
      assumeRolePolicy: docOf({
        Effect: 'Allow',
        Principal: { AWS: principal },
        Action: 'sts:AssumeRole',
        ...(condition ? { Condition: condition } : {}),
      }),
    });
  it('fails trust in an account outside the organization, even behind an external id', () => {
    const vendor = trusting('arn:aws:iam::222222222222:root', { StringEquals: { 'sts:ExternalId': 'v-1' } });
    expect(
      status(run(iamRoleTrustExternalAccount, vendor, { organization: org([ACCOUNT, '333333333333']) })),
    ).toBe('FAIL');
  });
  it('passes trust within the organization or confined to it', () => {
    expect(
      status(
        run(iamRoleTrustExternalAccount, trusting('333333333333'), {
          organization: org([ACCOUNT, '333333333333']),
        }),
      ),
    ).toBe('PASS');
    const confined = trusting('222222222222', { StringEquals: { 'aws:PrincipalOrgID': 'o-ours' } });
    expect(status(run(iamRoleTrustExternalAccount, confined, { organization: org([ACCOUNT]) }))).toBe('PASS');
  });
  it('answers UNKNOWN when the organization cannot be listed', () => {
    expect(
      status(run(iamRoleTrustExternalAccount, trusting('222222222222'), { organization: org(undefined) })),
    ).toBe('UNKNOWN');
  });
});

describe('resource policies on every service', () => {
  const bucket = (policy: Value<PolicyDocument>): S3Bucket =>
    ({
      type: 'AWS::S3::Bucket',
      id: 'b',
      name: 'data',
      arn: 'arn:aws:s3:::data',
      account: ACCOUNT,
      source: src,
      bucketName: explicit('data', src),
      policy,
    }) as S3Bucket;
  it('fails a bucket shared with an account outside the organization', () => {
    const shared = bucket(
      docOf({
        Effect: 'Allow',
        Principal: { AWS: '222222222222' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::data/*',
      }),
    );
    expect(status(run(resourcePolicyNoCrossAccount, shared, { organization: org([ACCOUNT]) }))).toBe('FAIL');
    expect(
      status(run(resourcePolicyNoCrossAccount, shared, { organization: org([ACCOUNT, '222222222222']) })),
    ).toBe('PASS');
  });
  it('judges secret and repository policies', () => {
    const secret: SecretsManagerSecret = {
      type: 'AWS::SecretsManager::Secret',
      id: 's',
      name: 'db',
      arn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-abc123',
      account: ACCOUNT,
      source: src,
      secretName: explicit('db', src),
      kmsKeyId: explicit(null, src),
      policy: docOf({
        Effect: 'Allow',
        Principal: '*',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
      }),
    };
    expect(status(run(resourcePolicyNoPublicAccess, secret))).toBe('FAIL');
    const repo: EcrRepository = {
      type: 'AWS::ECR::Repository',
      id: 'r',
      name: 'app',
      arn: 'arn:aws:ecr:eu-west-1:111111111111:repository/app',
      account: ACCOUNT,
      source: src,
      repositoryName: explicit('app', src),
      policy: docOf({
        Effect: 'Allow',
        Principal: '*',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-ours' } },
      }),
    };
    expect(status(run(resourcePolicyNoPublicAccess, repo))).toBe('PASS');
  });
  it('rebuilds a function policy from its permissions', () => {
    const fn = (permission: Partial<LambdaFunction['permissions'][number]>): LambdaFunction =>
      ({
        type: 'AWS::Lambda::Function',
        id: 'f',
        name: 'f',
        arn: 'arn:aws:lambda:eu-west-1:111111111111:function:f',
        account: ACCOUNT,
        source: src,
        functionUrlAuthType: explicit(null, src),
        permissions: [
          {
            action: explicit('lambda:InvokeFunction', src),
            principal: explicit('*', src),
            sourceArn: explicit(null, src),
            sourceAccount: explicit(null, src),
            principalOrgId: explicit(null, src),
            functionUrlAuthType: explicit(null, src),
            source: src,
            ...permission,
          },
        ],
      }) as unknown as LambdaFunction;
    expect(status(run(resourcePolicyNoPublicAccess, fn({})))).toBe('FAIL');
    const fromBucket = fn({
      principal: explicit('s3.amazonaws.com', src),
      sourceAccount: explicit(ACCOUNT, src),
    });
    expect(status(run(resourcePolicyNoPublicAccess, fromBucket))).toBe('PASS');
    expect(status(run(resourcePolicyNoCrossAccount, fromBucket))).toBe('PASS');
    const anyBucket = fn({ principal: explicit('s3.amazonaws.com', src) });
    expect(status(run(resourcePolicyNoCrossAccount, anyBucket))).toBe('FAIL');
  });
});

describe('iam-no-privilege-escalation', () => {
  const user = (statements: Record<string, unknown>[], boundary?: string): IamUser =>
    ({
      type: 'AWS::IAM::User',
      id: 'u',
      name: 'dev',
      arn: `arn:aws:iam::${ACCOUNT}:user/dev`,
      account: ACCOUNT,
      source: src,
      inlinePolicies: [{ name: 'p', document: docOf(...statements), source: src }],
      managedPolicyArns: [],
      groups: [],
      permissionsBoundary: explicit(boundary ?? null, src),
    }) as unknown as IamUser;
  const boundaryPolicy = {
    type: 'AWS::IAM::ManagedPolicy',
    id: 'arn:aws:iam::111111111111:policy/boundary',
    arn: 'arn:aws:iam::111111111111:policy/boundary',
    name: 'boundary',
    source: src,
    document: docOf({ Effect: 'Allow', Action: ['lambda:*', 's3:*'], Resource: '*' }),
    awsManaged: false,
    attachedRoles: [],
    attachedUsers: [],
    attachedGroups: [],
  } as unknown as Resource;

  it('finds a user that may attach policies to itself', () => {
    const [v] = run(
      iamNoPrivilegeEscalation,
      user([
        {
          Effect: 'Allow',
          Action: 'iam:AttachUserPolicy',
          Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
        },
      ]),
    );
    expect(v?.status).toBe('FAIL');
    expect(v?.message).toContain('iam-attach-user-policy');
  });
  it('honours iam:PassedToService and permissions boundaries', () => {
    const passToEc2 = [
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: '*',
        Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
      },
      { Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' },
    ];
    expect(status(run(iamNoPrivilegeEscalation, user(passToEc2)))).toBe('PASS');
    const passToLambda = [
      {
        Effect: 'Allow',
        Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
        Resource: '*',
      },
    ];
    expect(status(run(iamNoPrivilegeEscalation, user(passToLambda)))).toBe('FAIL');
    const bounded = user(passToLambda, 'arn:aws:iam::111111111111:policy/boundary');
    expect(status(run(iamNoPrivilegeEscalation, bounded, { others: [boundaryPolicy] }))).toBe('PASS');
  });
});
