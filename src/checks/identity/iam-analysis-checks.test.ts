import { describe, expect, it } from 'vitest';
import type { IamUser, Resource } from '../../model/resources/index.js';
import { explicit, unknown } from '../../model/value.js';
import { iamNoPrivilegeEscalation } from './iam-no-privilege-escalation.js';
import { iamNoSensitiveWriteOnAllResources } from './iam-no-sensitive-write-on-all-resources.js';
import { iamRoleTrustExternalAccount } from './iam-role-trust-external-account.js';
import { iamRoleUnused } from './iam-role-unused.js';
import { ACCOUNT, docOf, org, role, run, src, status } from './test-inventory.js';

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

describe('iam-no-sensitive-write-on-all-resources', () => {
  const withPolicy = (statement: Record<string, unknown>) =>
    role('worker', {
      inlinePolicies: [{ name: 'p', document: docOf(statement), source: src }],
    });
  it('fails write access to every resource of a sensitive service', () => {
    const writer = withPolicy({ Effect: 'Allow', Action: 'ssm:SendCommand', Resource: '*' });
    expect(status(run(iamNoSensitiveWriteOnAllResources, writer))).toBe('FAIL');
  });
  it("passes the SSM agent's own reporting actions on every resource, as AWS's instance policy grants them", () => {
    const agent = withPolicy({
      Effect: 'Allow',
      Action: ['ssm:UpdateInstanceInformation', 'ssm:PutInventory', 'ssm:UpdateInstanceAssociationStatus'],
      Resource: '*',
    });
    expect(status(run(iamNoSensitiveWriteOnAllResources, agent))).toBe('PASS');
  });
});
