import { describe, expect, it } from 'vitest';
import { s3DataEventsOf } from './cloudtrail.js';
import { rulesOf } from './ec2-network.js';
import { permissionsFromPolicy } from './lambda-policy.js';

const src = { arn: 'arn:aws:lambda:us-east-1:123456789012:function:f', api: 'lambda:GetPolicy' };
const known = (v: { known: boolean; value?: unknown }) => (v.known ? v.value : 'UNKNOWN');

describe('Lambda resource policy → permissions', () => {
  it('reads principals, actions and the conditions AddPermission writes', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'lambda:InvokeFunction',
          Resource: 'arn',
          Condition: {
            ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::b' },
            StringEquals: { 'AWS:SourceAccount': '123456789012' },
          },
        },
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'lambda:InvokeFunctionUrl',
          Resource: 'arn',
          Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
        },
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'lambda:InvokeFunction',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
        },
        { Effect: 'Deny', Principal: '*', Action: 'lambda:*' },
      ],
    });
    const rows = permissionsFromPolicy(policy, src).map((p) =>
      [p.principal, p.action, p.sourceArn, p.sourceAccount, p.principalOrgId, p.functionUrlAuthType].map(
        known,
      ),
    );
    expect(rows).toEqual([
      ['s3.amazonaws.com', 'lambda:InvokeFunction', 'arn:aws:s3:::b', '123456789012', null, null],
      ['*', 'lambda:InvokeFunctionUrl', null, null, null, 'NONE'],
      ['arn:aws:iam::111122223333:root', 'lambda:InvokeFunction', null, null, 'o-abc', null],
    ]);
  });

  it('turns an unreadable policy into an unknown permission, never into none', () => {
    const [only] = permissionsFromPolicy('not json', src);
    expect(only?.principal).toMatchObject({
      known: false,
      reason: expect.stringContaining('not valid JSON'),
    });
  });
});

describe('CloudTrail event selectors → S3 data events', () => {
  it('reads classic selectors by ReadWriteType', () => {
    const out = s3DataEventsOf({
      $metadata: {},
      EventSelectors: [
        { ReadWriteType: 'WriteOnly', DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] },
      ],
    });
    expect(out).toEqual({ read: false, write: true });
  });

  it('reads advanced selectors, where no readOnly field means both', () => {
    const out = s3DataEventsOf({
      $metadata: {},
      AdvancedEventSelectors: [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          ],
        },
      ],
    });
    expect(out).toEqual({ read: true, write: true });
  });
});

describe('security group permissions → rules', () => {
  const sg = {
    arn: 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-1',
    api: 'ec2:DescribeSecurityGroups',
  };
  it('makes one rule per peer and opens every port for protocol -1', () => {
    const rules = rulesOf(
      [
        {
          IpProtocol: '6',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '0.0.0.0/0' }, { CidrIp: '10.0.0.0/8' }],
          Ipv6Ranges: [{ CidrIpv6: '::/0' }],
          UserIdGroupPairs: [{ GroupId: 'sg-2' }],
          PrefixListIds: [{ PrefixListId: 'pl-1' }],
        },
        { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      ],
      'ingress',
      sg,
    );
    expect(
      rules.map((r) => [
        known(r.protocol),
        known(r.fromPort),
        known(r.toPort),
        r.cidrIpv4 && known(r.cidrIpv4),
        r.cidrIpv6 && known(r.cidrIpv6),
        r.sourceSecurityGroupId && known(r.sourceSecurityGroupId),
        r.prefixListId && known(r.prefixListId),
      ]),
    ).toEqual([
      ['tcp', 22, 22, '0.0.0.0/0', undefined, undefined, undefined],
      ['tcp', 22, 22, '10.0.0.0/8', undefined, undefined, undefined],
      ['tcp', 22, 22, undefined, '::/0', undefined, undefined],
      ['tcp', 22, 22, undefined, undefined, 'sg-2', undefined],
      ['tcp', 22, 22, undefined, undefined, undefined, 'pl-1'],
      ['-1', 0, 65535, '0.0.0.0/0', undefined, undefined, undefined],
    ]);
  });
});
