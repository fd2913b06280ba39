import { describe, expect, it } from 'vitest';
import type { EvaluationInput } from './evaluate.js';
import { ALICE, allow, decide, deny, policy, ROLE, SESSION } from './evaluate-test-support.js';

describe('resource policies', () => {
  const grant = (principal: unknown) =>
    policy('bucket', {
      Effect: 'Allow',
      Principal: principal,
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::data/*',
    });
  it('lets a same-account grant naming a user stand alone, even past a boundary', () => {
    const r = decide({
      resourcePolicy: grant({ AWS: ALICE }),
      permissionsBoundary: policy('b', allow('ec2:*')),
    });
    expect(r.decision).toBe('Allowed');
  });
  it('caps a grant naming a role by its boundary, but not one naming the session', () => {
    const b = policy('b', allow('ec2:*'));
    expect(
      decide({ principal: SESSION, resourcePolicy: grant({ AWS: ROLE }), permissionsBoundary: b }).decision,
    ).toBe('ImplicitDeny');
    expect(decide({ principal: SESSION, resourcePolicy: grant({ AWS: ROLE }) }).decision).toBe('Allowed');
    expect(
      decide({ principal: SESSION, resourcePolicy: grant({ AWS: SESSION }), permissionsBoundary: b })
        .decision,
    ).toBe('Allowed');
  });
  it('treats a grant to the account as delegation to its IAM policies', () => {
    const root = grant({ AWS: 'arn:aws:iam::111111111111:root' });
    expect(decide({ resourcePolicy: root }).decision).toBe('ImplicitDeny');
    expect(
      decide({ resourcePolicy: root, identityPolicies: [policy('p', allow('s3:GetObject'))] }).decision,
    ).toBe('Allowed');
  });
  it('needs both sides across accounts', () => {
    const mine = [policy('p', allow('s3:GetObject'))];
    const other = { resourceAccount: '222222222222' };
    const req = (extra: Partial<EvaluationInput>) => decide({ ...extra, request: other as never });
    expect(req({ identityPolicies: mine }).decision).toBe('ImplicitDeny');
    expect(req({ identityPolicies: mine, resourcePolicy: grant({ AWS: '111111111111' }) }).decision).toBe(
      'Allowed',
    );
    expect(req({ resourcePolicy: grant({ AWS: '111111111111' }) }).decision).toBe('ImplicitDeny');
    expect(req({ identityPolicies: mine, resourcePolicy: grant({ AWS: '333333333333' }) }).decision).toBe(
      'ImplicitDeny',
    );
  });
  it('requires a KMS key policy to let the account in before IAM policies count', () => {
    const keyPolicy = policy('key', {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:role/admin' },
      Action: 'kms:*',
      Resource: '*',
    });
    const input = {
      action: 'kms:Decrypt',
      resource: 'arn:aws:kms:eu-west-1:111111111111:key/k',
      identityPolicies: [policy('p', allow('kms:*'))],
      resourcePolicy: keyPolicy,
      resourcePolicyRequired: true,
    };
    expect(decide(input).decision).toBe('ImplicitDeny');
  });
  it('lets anonymous callers in through Principal "*" and keeps NotPrincipal Deny off the named ones', () => {
    expect(decide({ principal: '*', resourcePolicy: grant('*') }).decision).toBe('Allowed');
    const guard = policy(
      'bucket',
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', NotPrincipal: { AWS: [ALICE, '111111111111'] }, Action: 's3:*', Resource: '*' },
    );
    expect(decide({ resourcePolicy: guard }).decision).toBe('Allowed');
    expect(decide({ principal: 'arn:aws:iam::111111111111:user/bob', resourcePolicy: guard }).decision).toBe(
      'ExplicitDeny',
    );
  });
});

describe('organization policies', () => {
  const identity = [policy('all', allow('*'))];
  it('needs an Allow at every SCP level, and an SCP Deny wins', () => {
    const full = policy('FullAWSAccess', allow('*'));
    const onlyS3 = policy('OnlyS3', allow('s3:*'));
    expect(decide({ identityPolicies: identity, scps: [[full], [onlyS3]] }).decision).toBe('Allowed');
    expect(
      decide({
        identityPolicies: identity,
        scps: [[full], [onlyS3]],
        action: 'ec2:RunInstances',
        resource: '*',
      }).decision,
    ).toBe('ImplicitDeny');
    expect(
      decide({ identityPolicies: identity, scps: [[full, policy('NoS3', deny('s3:*'))]] }).decision,
    ).toBe('ExplicitDeny');
  });
});

describe('template tokens', () => {
  it('matches a token to itself and says Unknown for values known only at deploy time', () => {
    const p = [policy('p', allow('s3:GetObject', '{{Data.Arn}}/*'))];
    const at = (resource: string) => decide({ identityPolicies: p, resource }).decision;
    expect(at('{{Data.Arn}}/x')).toBe('Allowed');
    expect(at('{{Other.Arn}}/x')).toBe('ImplicitDeny');
    const later = [policy('p', allow('s3:GetObject', 'arn:aws:s3:::{{unresolved:parameter Bucket}}/*'))];
    expect(decide({ identityPolicies: later }).decision).toBe('Unknown');
    expect(
      decide({ identityPolicies: later, resource: 'arn:aws:dynamodb:eu-west-1:1:table/t' }).decision,
    ).toBe('ImplicitDeny');
  });
});
