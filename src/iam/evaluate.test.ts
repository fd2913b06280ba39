import { describe, expect, it } from 'vitest';
import { makeContext } from './context.js';
import { evaluateRequest, type NamedPolicy } from './evaluate.js';
import { ALICE, allow, BUCKET, decide, deny, policy, ROLE, SESSION } from './evaluate-test-support.js';

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
    const tags = (p: NamedPolicy, keys?: string[]) =>
      evaluateRequest({
        identityPolicies: [p],
        request: {
          action: 's3:PutObject',
          resource: BUCKET,
          principalArn: ALICE,
          ...(keys ? { context: makeContext({ 'aws:TagKeys': keys }) } : {}),
        },
      }).decision;
    expect(tags(anyTag, ['team', 'cost'])).toBe('Allowed');
    expect(tags(anyTag)).toBe('ImplicitDeny');
    expect(tags(allTags, ['team', 'cost'])).toBe('ImplicitDeny');
    expect(tags(allTags, ['env'])).toBe('Allowed');
    // ForAllValues holds vacuously when the request has no such key.
    expect(tags(allTags)).toBe('Allowed');
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
