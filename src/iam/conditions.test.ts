import { describe, expect, it } from 'vitest';
import { evaluateConditions } from './conditions.js';
import { makeContext } from './context.js';
import { globMatch } from './glob.js';

const holds = (
  block: Record<string, Record<string, string[]>>,
  ctx: Record<string, string | string[]> = {},
) => evaluateConditions(block, makeContext(ctx), 'Allow', true).result;

describe('condition operators', () => {
  it('compares numbers, dates, booleans and binary values', () => {
    expect(holds({ NumericLessThan: { 's3:max-keys': ['10'] } }, { 's3:max-keys': '5' })).toBe(true);
    expect(holds({ NumericGreaterThanEquals: { 's3:max-keys': ['10'] } }, { 's3:max-keys': '5' })).toBe(
      false,
    );
    expect(
      holds(
        { DateLessThan: { 'aws:CurrentTime': ['2027-01-01T00:00:00Z'] } },
        { 'aws:CurrentTime': '2026-06-01T00:00:00Z' },
      ),
    ).toBe(true);
    expect(
      holds({ DateGreaterThan: { 'aws:EpochTime': ['1700000000'] } }, { 'aws:EpochTime': '1600000000' }),
    ).toBe(false);
    expect(holds({ Bool: { 'aws:SecureTransport': ['TRUE'] } }, { 'aws:SecureTransport': 'true' })).toBe(
      true,
    );
    expect(holds({ BinaryEquals: { 'x:key': ['QmluYXJ5'] } }, { 'x:key': 'QmluYXJ5' })).toBe(true);
  });

  it('matches IPv4 and IPv6 ranges', () => {
    expect(holds({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } }, { 'aws:SourceIp': '10.20.30.40' })).toBe(
      true,
    );
    expect(holds({ NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } }, { 'aws:SourceIp': '11.0.0.1' })).toBe(
      true,
    );
    expect(
      holds({ IpAddress: { 'aws:SourceIp': ['2001:db8::/32'] } }, { 'aws:SourceIp': '2001:db8:1::5' }),
    ).toBe(true);
    expect(
      holds({ IpAddress: { 'aws:SourceIp': ['2001:db8::/32'] } }, { 'aws:SourceIp': '2001:db9::5' }),
    ).toBe(false);
  });

  it('compares ARNs component by component', () => {
    const like = { ArnLike: { 'aws:SourceArn': ['arn:aws:sns:*:111122223333:orders-*'] } };
    expect(holds(like, { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:orders-eu' })).toBe(true);
    expect(holds(like, { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:999999999999:orders-eu' })).toBe(false);
    // A `*` in the region cannot swallow the account.
    const region = { ArnLike: { 'aws:SourceArn': ['arn:aws:sns:*:topic'] } };
    expect(holds(region, { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:topic' })).toBe(false);
  });

  it('tests presence with Null and treats negated, IfExists and set operators on absent keys as AWS documents', () => {
    expect(holds({ Null: { 'aws:TokenIssueTime': ['true'] } })).toBe(true);
    expect(holds({ Null: { 'aws:TokenIssueTime': ['false'] } })).toBe(false);
    expect(holds({ StringNotEquals: { 'aws:PrincipalTag/team': ['a'] } })).toBe(true);
    expect(holds({ StringEqualsIfExists: { 'aws:PrincipalTag/team': ['a'] } })).toBe(true);
    expect(holds({ 'ForAllValues:StringLike': { 'aws:TagKeys': ['app-*'] } })).toBe(true);
    expect(holds({ 'ForAnyValue:StringLike': { 'aws:TagKeys': ['app-*'] } })).toBe(false);
    expect(
      holds(
        { 'ForAllValues:StringLike': { 'aws:TagKeys': ['app-*'] } },
        { 'aws:TagKeys': ['app-x', 'cost'] },
      ),
    ).toBe(false);
  });

  it('substitutes policy variables in values, and treats unknown operators as unknown', () => {
    const own = { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } };
    expect(holds(own, { 's3:prefix': 'home/alice/x', 'aws:username': 'alice' })).toBe(true);
    expect(holds(own, { 's3:prefix': 'home/bob/x', 'aws:username': 'alice' })).toBe(false);
    const odd = evaluateConditions({ StringSortOf: { k: ['v'] } }, makeContext({ k: 'v' }), 'Allow', true);
    expect(odd).toEqual({ result: 'unknown', dependsOn: ['unsupported operator StringSortOf'] });
  });
});

describe('matching with template tokens', () => {
  const g = (pattern: string, value: string) =>
    globMatch(pattern, value, { ignoreCase: false, wildcards: true, variables: false });
  it('is certain where every value of a token matches, and unknown where only some might', () => {
    expect(g('arn:aws:s3:::*', 'arn:aws:s3:::{{Data}}')).toBe(true);
    expect(g('arn:aws:s3:::{{Data}}/*', 'arn:aws:s3:::{{Data}}/k')).toBe(true);
    expect(g('arn:aws:s3:::{{Data}}/*', 'arn:aws:s3:::{{Logs}}/k')).toBe(false);
    expect(g('arn:aws:iam::111122223333:root', 'arn:aws:iam::{{AWS::AccountId}}:root')).toBe('unknown');
    expect(g('arn:aws:s3:::{{unresolved:parameter B}}/*', 'arn:aws:s3:::data/k')).toBe('unknown');
    expect(g('arn:aws:s3:::{{unresolved:parameter B}}/*', 'arn:aws:sqs:eu-west-1:1:q')).toBe(false);
  });
});
