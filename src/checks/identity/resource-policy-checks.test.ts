import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../model/policy.js';
import type {
  EcrRepository,
  LambdaFunction,
  S3Bucket,
  SecretsManagerSecret,
} from '../../model/resources/index.js';
import { runChecks } from '../../engine/run-checks.js';
import { explicit, type Value } from '../../model/value.js';
import { resourcePolicyNoCrossAccount } from './resource-policy-no-cross-account.js';
import { resourcePolicyNoPublicAccess } from './resource-policy-no-public-access.js';
import { ACCOUNT, docOf, org, run, src, status } from './test-inventory.js';

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
  it('judges each bucket of an identical policy on its own account', () => {
    // The same document on two buckets: account 222222222222 is the owner of one, an outsider to the other.
    const policy = () =>
      docOf({ Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 's3:GetObject', Resource: '*' });
    const own = { ...bucket(policy()), id: 'own', account: '222222222222' };
    const other = { ...bucket(policy()), id: 'other' };
    const results = runChecks(
      {
        source: { kind: 'aws', location: `aws://${ACCOUNT}`, account: ACCOUNT },
        resources: [own, other],
        unmodeled: [],
        notCreated: [],
        problems: [],
        organization: org([ACCOUNT]),
      },
      [resourcePolicyNoCrossAccount],
    );
    expect(results.map((r) => `${r.resource.id} ${r.status}`)).toEqual(['own PASS', 'other FAIL']);
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

  /** A function with one AWS::Lambda::Permission, open to everyone unless `permission` narrows it. */
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

  it('rebuilds a function policy from its permissions', () => {
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
  it('lets a source ARN wildcard through to any account, and an account-pinned one only to the owner', () => {
    const fromApi = (sourceArn: string) =>
      fn({ principal: explicit('apigateway.amazonaws.com', src), sourceArn: explicit(sourceArn, src) });
    // Any account's API can invoke the function: the confused-deputy route.
    expect(status(run(resourcePolicyNoCrossAccount, fromApi('arn:aws:execute-api:*:*:*/*')))).toBe('FAIL');
    expect(status(run(resourcePolicyNoCrossAccount, fromApi(`arn:aws:execute-api:*:${ACCOUNT}:*/*`)))).toBe(
      'PASS',
    );
  });
});
