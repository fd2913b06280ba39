import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../model/parse-policy.js';
import { makeContext } from './context.js';
import { type EvaluationInput, evaluateRequest, type NamedPolicy } from './evaluate.js';

type Stmt = Record<string, unknown>;
const policy = (name: string, ...Statement: Stmt[]): NamedPolicy => ({
  name,
  document: parsePolicyDocument({ Version: '2012-10-17', Statement }),
});
const allow = (Action: unknown, Resource: unknown = '*', extra: Stmt = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const deny = (Action: unknown, Resource: unknown = '*', extra: Stmt = {}) => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const ROLE = 'arn:aws:iam::111111111111:role/app';
const SESSION = 'arn:aws:sts::111111111111:assumed-role/app/s1';
const BUCKET = 'arn:aws:s3:::data/report.csv';

function decide(
  input: Partial<EvaluationInput> & {
    action?: string;
    resource?: string;
    principal?: string;
    context?: Record<string, string>;
  },
) {
  const { action = 's3:GetObject', resource = BUCKET, principal = ALICE, context, ...rest } = input;
  return evaluateRequest({
    ...rest,
    request: {
      action,
      resource,
      principalArn: principal,
      principalAccount: principal.startsWith('arn:') ? (principal.split(':')[4] ?? '') : '',
      ...(rest.request?.resourceAccount ? { resourceAccount: rest.request.resourceAccount } : {}),
      ...(context ? { context } : {}),
    },
  });
}

describe('identity policies', () => {
  it('allows what an Allow covers and denies the rest implicitly', () => {
    const p = [policy('read', allow('s3:Get*', 'arn:aws:s3:::data/*'))];
    expect(decide({ identityPolicies: p }).decision).toBe('Allowed');
    expect(decide({ identityPolicies: p, action: 's3:PutObject' }).decision).toBe('ImplicitDeny');
    expect(decide({ identityPolicies: p, resource: 'arn:aws:s3:::other/x' }).decision).toBe('ImplicitDeny');
  });

  it('lets an explicit Deny win over any Allow, and explains both', () => {
    const r = decide({
      identityPolicies: [policy('all', allow('*')), policy('guard', deny('s3:*', '*', { Sid: 'NoS3' }))],
    });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.matched.map((m) => m.effect).sort()).toEqual(['Allow', 'Deny']);
    expect(r.matched.find((m) => m.effect === 'Deny')?.reason).toContain('statement "NoS3"');
  });

  it('NotAction with Allow grants everything else but does not deny the listed actions', () => {
    const notIam = { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' };
    expect(decide({ identityPolicies: [policy('p', notIam)] }).decision).toBe('Allowed');
    expect(
      decide({ identityPolicies: [policy('p', notIam)], action: 'iam:CreateUser', resource: '*' }).decision,
    ).toBe('ImplicitDeny');
    const plusIam = [policy('p', notIam), policy('q', allow('iam:CreateUser'))];
    expect(decide({ identityPolicies: plusIam, action: 'iam:CreateUser', resource: '*' }).decision).toBe(
      'Allowed',
    );
  });

  it('NotResource grants everything outside the listed resources', () => {
    const p = [policy('p', { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' })];
    expect(decide({ identityPolicies: p }).decision).toBe('Allowed');
    expect(decide({ identityPolicies: p, resource: 'arn:aws:s3:::secret/key' }).decision).toBe(
      'ImplicitDeny',
    );
  });

  it('substitutes policy variables and treats an absent one as no match', () => {
    const p = [
      policy('self', allow('iam:CreateAccessKey', 'arn:aws:iam::111111111111:user/${aws:username}')),
    ];
    expect(decide({ identityPolicies: p, action: 'iam:CreateAccessKey', resource: ALICE }).decision).toBe(
      'Allowed',
    );
    expect(
      decide({
        identityPolicies: p,
        action: 'iam:CreateAccessKey',
        resource: 'arn:aws:iam::111111111111:user/bob',
      }).decision,
    ).toBe('ImplicitDeny');
    expect(
      decide({ identityPolicies: p, principal: ROLE, action: 'iam:CreateAccessKey', resource: ALICE })
        .decision,
    ).toBe('ImplicitDeny');
  });
});

describe('conditions', () => {
  const mfaDeny = deny('*', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } });
  it('applies a Deny with conditions only when they hold; IfExists holds when the key is absent', () => {
    const p = [policy('all', allow('*')), policy('mfa', mfaDeny)];
    expect(decide({ identityPolicies: p, context: { 'aws:MultiFactorAuthPresent': 'true' } }).decision).toBe(
      'Allowed',
    );
    expect(decide({ identityPolicies: p, context: { 'aws:MultiFactorAuthPresent': 'false' } }).decision).toBe(
      'ExplicitDeny',
    );
    expect(decide({ identityPolicies: p }).decision).toBe('ExplicitDeny');
  });

  it('makes positive operators false and negated ones true when the key is absent', () => {
    const onlyOrg = deny('*', '*', { Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } } });
    const p = [policy('all', allow('*')), policy('org', onlyOrg)];
    expect(decide({ identityPolicies: p }).decision).toBe('ExplicitDeny');
    expect(decide({ identityPolicies: p, context: { 'aws:PrincipalOrgID': 'o-1' } }).decision).toBe(
      'Allowed',
    );
    const needsIp = [
      policy('ip', allow('*', '*', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })),
    ];
    expect(decide({ identityPolicies: needsIp }).decision).toBe('ImplicitDeny');
    expect(decide({ identityPolicies: needsIp, context: { 'aws:SourceIp': '10.1.2.3' } }).decision).toBe(
      'Allowed',
    );
  });

  it('handles ForAnyValue and ForAllValues over multi-valued keys', () => {
    const anyTag = policy(
      'a',
      allow('*', '*', { Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'env'] } } }),
    );
    const allTags = policy(
      'b',
      allow('*', '*', { Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } } }),
    );
    const ctx = (keys: string[]) => ({ context: makeContext({ 'aws:TagKeys': keys }) as never });
    expect(
      evaluateRequest({
        identityPolicies: [anyTag],
        request: {
          action: 's3:PutObject',
          resource: BUCKET,
          principalArn: ALICE,
          context: makeContext({ 'aws:TagKeys': ['team', 'cost'] }),
        },
      }).decision,
    ).toBe('Allowed');
    expect(
      evaluateRequest({
        identityPolicies: [anyTag],
        request: { action: 's3:PutObject', resource: BUCKET, principalArn: ALICE },
      }).decision,
    ).toBe('ImplicitDeny');
    expect(
      evaluateRequest({
        identityPolicies: [allTags],
        request: {
          action: 's3:PutObject',
          resource: BUCKET,
          principalArn: ALICE,
          context: makeContext({ 'aws:TagKeys': ['team', 'cost'] }),
        },
      }).decision,
    ).toBe('ImplicitDeny');
    // ForAllValues holds vacuously when the request has no such key.
    expect(
      evaluateRequest({
        identityPolicies: [allTags],
        request: { action: 's3:PutObject', resource: BUCKET, principalArn: ALICE },
      }).decision,
    ).toBe('Allowed');
    void ctx;
  });

  it('answers Unknown, naming the key, when a condition key is left open', () => {
    const p = [policy('ip', allow('*', '*', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }))];
    const r = evaluateRequest({
      identityPolicies: p,
      request: {
        action: 's3:GetObject',
        resource: BUCKET,
        principalArn: ALICE,
        context: makeContext({}, () => 'unknown'),
      },
    });
    expect(r.decision).toBe('Unknown');
    expect(r.dependsOn).toEqual(['IpAddress aws:SourceIp']);
  });
});

describe('permissions boundaries and session policies', () => {
  const identity = [policy('wide', allow(['s3:*', 'iam:*']))];
  const boundary = policy('boundary', allow('s3:*'));
  it('allows only what both the identity policy and the boundary allow', () => {
    expect(decide({ identityPolicies: identity, permissionsBoundary: boundary }).decision).toBe('Allowed');
    expect(
      decide({
        identityPolicies: identity,
        permissionsBoundary: boundary,
        action: 'iam:CreateUser',
        resource: '*',
      }).decision,
    ).toBe('ImplicitDeny');
    expect(decide({ identityPolicies: [], permissionsBoundary: boundary }).decision).toBe('ImplicitDeny');
  });
  it('caps a session with its session policies', () => {
    const r = decide({
      principal: SESSION,
      identityPolicies: identity,
      sessionPolicies: [policy('session', allow('s3:ListBucket'))],
    });
    expect(r.decision).toBe('ImplicitDeny');
  });
});

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
