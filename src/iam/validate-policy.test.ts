import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../model/parse-policy.js';
import { validatePolicy } from './validate-policy.js';

const doc = (...Statement: unknown[]) => parsePolicyDocument({ Version: '2012-10-17', Statement });
const messages = (d: ReturnType<typeof doc>, type: Parameters<typeof validatePolicy>[1]) =>
  validatePolicy(d, type).map((p) => `${p.severity} ${p.statement ?? '-'} ${p.message}`);

describe('policy validation', () => {
  it('reports malformed statements with their position instead of failing', () => {
    const d = doc({ Effect: 'Maybe', Action: 's3:GetObject', Resource: '*' }, 'not a statement', {
      Effect: 'Allow',
      Action: 's3:GetObject',
      NotAction: 's3:PutObject',
      Resource: '*',
    });
    const found = messages(d, 'identity');
    expect(found).toContain('error - statement 1: Effect must be Allow or Deny');
    expect(found).toContain('error - statement 2 is not an object');
    expect(found).toContain('error 2 has both Action and NotAction');
  });
  it('knows which elements each policy type needs', () => {
    const withPrincipal = doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' });
    expect(messages(withPrincipal, 'identity')).toContain(
      'error 0 has a Principal, which a identity policy cannot have',
    );
    expect(messages(withPrincipal, 'resource')).toEqual([]);
    const noPrincipal = doc({ Effect: 'Allow', Action: 'sts:AssumeRole' });
    expect(messages(noPrincipal, 'trust')).toContain(
      'error 0 has no Principal, so it grants nobody anything',
    );
    expect(messages(doc({ Effect: 'Allow', Action: 's3:GetObject' }), 'identity')).toContain(
      'error 0 has no Resource, so it matches nothing',
    );
  });
  it('flags unknown actions and operators', () => {
    const d = doc({
      Effect: 'Allow',
      Action: ['s3:GetObjects', 'GetObject'],
      Resource: '*',
      Condition: { StringSortOf: { k: 'v' } },
    });
    const found = messages(d, 'identity');
    expect(found).toContain('warning 0 action "s3:GetObjects" matches no action AWS documents');
    expect(found).toContain('warning 0 action "GetObject" is not of the form service:Action');
    expect(found).toContain('error 0 uses condition operator "StringSortOf", which AWS does not have');
  });
});
