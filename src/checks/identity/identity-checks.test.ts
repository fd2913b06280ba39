import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../model/inventory.js';
import type { PolicyDocument, PolicyStatement } from '../../model/policy.js';
import type {
  IamManagedPolicy,
  IamRole,
  IamUser,
  Resource,
  ResourceOfType,
  ResourceType,
} from '../../model/resources/index.js';
import { explicit, unknown, type Value } from '../../model/value.js';
import { type Check, createCheckContext, type Verdict } from '../check.js';
import { firstStatus } from '../../../test/template-checks.js';
import { iamNoSensitiveWriteOnAllResources } from './iam-no-sensitive-write-on-all-resources.js';
import { iamPolicyNoFullAdmin } from './iam-policy-no-full-admin.js';
import { resourcePolicyNoCrossAccount } from './resource-policy-no-cross-account.js';
import { resourcePolicyNoPublicAccess } from './resource-policy-no-public-access.js';
import { iamRoleTrustNotPublic } from './iam-role-trust-not-public.js';
import { iamUserNoInlinePolicies } from './iam-user-no-inline-policies.js';

const src = { file: 't.yaml', line: 12 };

function run<T extends ResourceType>(
  check: Check<T>,
  resource: ResourceOfType<T>,
  others: Resource[] = [],
): Verdict[] {
  const resources = [resource, ...others];
  const inventory: Inventory = {
    source: { kind: 'cloudformation', location: 't.yaml' },
    resources,
    unmodeled: [],
    notCreated: [],
    problems: [],
  };
  const out = check.evaluate(resource, createCheckContext(inventory));
  return Array.isArray(out) ? out : [out];
}
const status = (vs: Verdict[]) => vs.map((v) => v.status).join(',');

type Stmt = Omit<PolicyStatement, 'index' | 'effect'> & { effect?: PolicyStatement['effect'] };
function doc(...statements: Stmt[]): Value<PolicyDocument> {
  return explicit(
    { statements: statements.map((s, index) => ({ effect: 'Allow', ...s, index })), problems: [] },
    src,
  );
}

function role(over: Partial<IamRole> = {}): IamRole {
  return {
    type: 'AWS::IAM::Role',
    id: 'AppRole',
    name: 'AppRole',
    source: src,
    roleName: explicit('app', src),
    assumeRolePolicy: doc({ principal: { Service: ['lambda.amazonaws.com'] }, action: ['sts:AssumeRole'] }),
    maxSessionDuration: explicit(3600, src),
    lastUsed: explicit(null, src),
    inlinePolicies: [],
    managedPolicyArns: [],
    permissionsBoundary: explicit(null, src),
    ...over,
  };
}
const inline = (document: Value<PolicyDocument>) => [{ name: 'main', document, source: src }];

describe('iam-policy-no-full-admin', () => {
  const admin = { action: ['*:*'], resource: ['*'] };
  it('fails "*:*" on "*", and answers UNKNOWN when a condition the caller may not meet guards it', () => {
    expect(status(run(iamPolicyNoFullAdmin, role({ inlinePolicies: inline(doc(admin)) })))).toBe('FAIL');
    const conditioned = { ...admin, condition: { Bool: { 'aws:MultiFactorAuthPresent': ['true'] } } };
    const [v] = run(iamPolicyNoFullAdmin, role({ inlinePolicies: inline(doc(conditioned)) }));
    expect(v?.status).toBe('UNKNOWN');
    expect(v?.message).toContain('aws:MultiFactorAuthPresent');
  });

  it('sees through NotAction and honours Deny statements and permissions boundaries', () => {
    const almostAll = { notAction: ['aws-portal:*'], resource: ['*'] };
    expect(status(run(iamPolicyNoFullAdmin, role({ inlinePolicies: inline(doc(almostAll)) })))).toBe('FAIL');
    const noIam = { effect: 'Deny' as const, action: ['iam:*'], resource: ['*'] };
    expect(status(run(iamPolicyNoFullAdmin, role({ inlinePolicies: inline(doc(admin, noIam)) })))).toBe(
      'PASS',
    );
    const bounded = role({
      inlinePolicies: inline(doc(admin)),
      permissionsBoundary: explicit('{{Boundary}}', src),
    });
    const boundary = {
      type: 'AWS::IAM::ManagedPolicy',
      id: 'Boundary',
      name: 'Boundary',
      source: src,
      document: doc({ action: ['s3:*'], resource: ['*'] }),
      awsManaged: false,
    } as IamManagedPolicy;
    expect(status(run(iamPolicyNoFullAdmin, bounded, [boundary]))).toBe('PASS');
  });

  it('ignores Deny and NotAction statements', () => {
    const deny = { effect: 'Deny' as const, action: ['*'], resource: ['*'] };
    const notAction = { notAction: ['iam:*'], resource: ['*'] };
    expect(status(run(iamPolicyNoFullAdmin, role({ inlinePolicies: inline(doc(deny, notAction)) })))).toBe(
      'PASS',
    );
  });

  it('answers UNKNOWN when an action or an attached policy is known only at deploy time', () => {
    const later = { action: ['{{unresolved:parameter Actions}}'], resource: ['*'] };
    expect(status(run(iamPolicyNoFullAdmin, role({ inlinePolicies: inline(doc(later)) })))).toBe('UNKNOWN');
    const arn = unknown('parameter PolicyArn has no default', src);
    expect(status(run(iamPolicyNoFullAdmin, role({ managedPolicyArns: [arn] })))).toBe('UNKNOWN');
  });

  it('finds AdministratorAccess in any partition, and admin grants in attached template policies', () => {
    const gov = explicit('arn:aws-us-gov:iam::aws:policy/AdministratorAccess', src);
    expect(status(run(iamPolicyNoFullAdmin, role({ managedPolicyArns: [gov] })))).toBe('FAIL');
    const policy = {
      type: 'AWS::IAM::ManagedPolicy',
      id: 'Everything',
      name: 'Everything',
      source: src,
      document: doc({ action: ['*'], resource: ['*'] }),
      awsManaged: false,
    } as IamManagedPolicy;
    const [v] = run(iamPolicyNoFullAdmin, role({ managedPolicyArns: [explicit('{{Everything}}', src)] }), [
      policy,
    ]);
    expect(v?.message).toContain('identity policy "Everything"');
    expect(run(iamPolicyNoFullAdmin, { ...policy, awsManaged: true })).toEqual([]);
  });
});

const trust = (...statements: Stmt[]) =>
  run(iamRoleTrustNotPublic, role({ assumeRolePolicy: doc(...statements) }));
const anyone = { principal: { AWS: ['*'] }, action: ['sts:AssumeRole'] };

describe('iam-role-trust-not-public', () => {
  it('fails "*" and {AWS: "*"} without a confining condition, and passes one pinned to an address range', () => {
    expect(status(trust({ ...anyone, principal: '*' }))).toBe('FAIL');
    expect(status(trust(anyone))).toBe('FAIL');
    expect(
      status(trust({ ...anyone, condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } })),
    ).toBe('PASS');
    expect(status(trust({ ...anyone, condition: { IpAddress: { 'aws:SourceIp': ['0.0.0.0/0'] } } }))).toBe(
      'FAIL',
    );
  });

  it('passes "*" confined to an organization, an account or an external id', () => {
    expect(
      status(trust({ ...anyone, condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-abc'] } } })),
    ).toBe('PASS');
    expect(status(trust({ ...anyone, condition: { StringEquals: { 'sts:ExternalId': ['x-123'] } } }))).toBe(
      'PASS',
    );
  });

  it('does not count IfExists or wildcard values as confining', () => {
    const ifExists = { StringEqualsIfExists: { 'aws:PrincipalOrgID': ['o-abc'] } };
    expect(status(trust({ ...anyone, condition: ifExists }))).toBe('FAIL');
    expect(status(trust({ ...anyone, condition: { StringLike: { 'aws:PrincipalAccount': ['*'] } } }))).toBe(
      'FAIL',
    );
  });

  it('answers UNKNOWN when the confining value or the principal is known only at deploy time', () => {
    const later = { StringEquals: { 'aws:PrincipalOrgID': ['{{unresolved:parameter OrgId}}'] } };
    expect(status(trust({ ...anyone, condition: later }))).toBe('UNKNOWN');
    expect(status(trust({ ...anyone, principal: { AWS: ['{{unresolved:parameter Trusted}}'] } }))).toBe(
      'UNKNOWN',
    );
  });

  it('fails web identity federation without conditions, passes it with them, and leaves SAML alone', () => {
    const github = {
      Federated: ['arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'],
    };
    const web = { principal: github, action: ['sts:AssumeRoleWithWebIdentity'] };
    expect(status(trust(web))).toBe('FAIL');
    const sub = { StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:org/app:*'] } };
    expect(status(trust({ ...web, condition: sub }))).toBe('PASS');
    const saml = { Federated: ['arn:aws:iam::111122223333:saml-provider/Okta'] };
    expect(status(trust({ principal: saml, action: ['sts:AssumeRoleWithSAML'] }))).toBe('PASS');
  });
});

describe('iam-user-no-inline-policies', () => {
  const user = (over: Partial<IamUser>) =>
    ({
      type: 'AWS::IAM::User',
      id: 'Bob',
      name: 'Bob',
      source: src,
      inlinePolicies: [],
      managedPolicyArns: [],
      ...over,
    }) as IamUser;
  it('fails a directly attached policy even when its ARN is unknown', () => {
    const [v] = run(iamUserNoInlinePolicies, user({ managedPolicyArns: [unknown('parameter Arn', src)] }));
    expect(v?.status).toBe('FAIL');
    expect(v?.message).toContain('(set at deployment)');
  });
  it('passes a user with permissions only from groups', () => {
    expect(status(run(iamUserNoInlinePolicies, user({ groups: [explicit('Developers', src)] })))).toBe(
      'PASS',
    );
  });
});

/** The sensitive-write verdict on an EC2 role with these extra properties (YAML, indented for Properties). */
function sensitiveWriteOfRole(properties: string): string | undefined {
  const text = `
Parameters:
  AppName: { Type: String }
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }]
${properties}
`;
  return firstStatus(iamNoSensitiveWriteOnAllResources, text);
}

describe('iam-no-sensitive-write-on-all-resources and AWS managed policies', () => {
  const statusWith = (policy: string) =>
    sensitiveWriteOfRole(`      ManagedPolicyArns: ['arn:aws:iam::aws:policy/${policy}']`);

  it('reads the AWS managed policies it carries: AmazonEC2RoleforSSM puts objects into every bucket', () => {
    expect(statusWith('service-role/AmazonEC2RoleforSSM')).toBe('FAIL');
    expect(statusWith('AmazonS3FullAccess')).toBe('FAIL');
    expect(statusWith('service-role/AWSLambdaBasicExecutionRole')).toBe('PASS');
  });

  it('cannot tell for an AWS managed policy it does not carry, unless its name says read-only', () => {
    expect(statusWith('service-role/AmazonDMSVPCManagementRole')).toBe('UNKNOWN');
    expect(statusWith('ReadOnlyAccess')).toBe('PASS');
  });
});

describe('iam-no-sensitive-write-on-all-resources and resources written as ARNs', () => {
  const statusFor = (statement: string) =>
    sensitiveWriteOfRole(`      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement: [${statement}]`);

  it('counts an ARN of wildcards for the statement’s own service as every resource', () => {
    expect(statusFor("{ Effect: Allow, Action: 's3:PutObject', Resource: 'arn:aws:s3:::*' }")).toBe('FAIL');
    expect(statusFor("{ Effect: Allow, Action: 's3:PutObject', Resource: 'arn:aws:s3:::*/*' }")).toBe('FAIL');
    expect(statusFor("{ Effect: Allow, Action: 'dynamodb:PutItem', Resource: 'arn:aws:s3:::*' }")).toBe(
      'PASS',
    );
    expect(statusFor("{ Effect: Allow, Action: 's3:*', Resource: 'arn:*:s3:::*' }")).toBe('FAIL');
  });

  it('does not take a Deny on an ARN of wildcards as denying every resource: it spares what the ARN does not name', () => {
    const allowAllDenyBuckets =
      "{ Effect: Allow, Action: 's3:*', Resource: '*' }, { Effect: Deny, Action: 's3:*', Resource: 'arn:aws:s3:::*' }";
    expect(statusFor(allowAllDenyBuckets)).toBe('FAIL');
  });

  it('does not count a deploy-time name with fixed text around it as every resource', () => {
    expect(
      statusFor(
        "{ Effect: Allow, Action: 's3:PutObject', Resource: !Sub 'arn:aws:s3:::${AppName}-replicas/*' }",
      ),
    ).toBe('PASS');
    expect(
      statusFor("{ Effect: Allow, Action: 's3:PutObject', Resource: !Sub 'arn:aws:s3:::${AppName}' }"),
    ).toBe('UNKNOWN');
  });
});

describe('resource-policy-no-cross-account and the stack’s own account', () => {
  it('takes aws:SourceAccount pinned to AWS::AccountId as keeping other accounts out, account id unknown', () => {
    const text = `
Parameters:
  Bucket: { Type: String }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.12, Handler: index.handler, Role: arn:aws:iam::111122223333:role/r, Code: { ZipFile: x } }
  Pinned:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !GetAtt Fn.Arn
      Action: lambda:InvokeFunction
      Principal: s3.amazonaws.com
      SourceAccount: !Ref AWS::AccountId
      SourceArn: !Sub arn:\${AWS::Partition}:s3:::\${Bucket}
`;
    expect(firstStatus(resourcePolicyNoCrossAccount, text)).toBe('PASS');
  });
});

describe('resource-policy-no-public-access and principals a parameter completes', () => {
  const statusWith = (principal: string) =>
    firstStatus(
      resourcePolicyNoPublicAccess,
      `
Parameters:
  Partner: { Type: String }
Resources:
  Queue:
    Type: AWS::SQS::Queue
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { AWS: ${principal} }, Action: sqs:SendMessage, Resource: !GetAtt Queue.Arn }
`,
    );

  it('takes an ARN whose account a parameter gives as one account, never everyone', () => {
    expect(statusWith("!Sub 'arn:aws:iam::${Partner}:root'")).toBe('PASS');
  });

  it('cannot tell when the parameter is the whole principal (it may be "*")', () => {
    expect(statusWith('!Ref Partner')).toBe('UNKNOWN');
  });
});
