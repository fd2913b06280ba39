import { describe, expect, it } from 'vitest';
import known from './data/aws-managed-policies.json' with { type: 'json' };
import { awsManagedPolicyName, knownAwsManagedPolicy } from './known-policies.js';
import { validatePolicy } from './validate-policy.js';

describe('the AWS managed policies we carry (data/aws-managed-policies.json)', () => {
  it('each has a unique name, an AWS documentation source and a valid identity policy document', () => {
    const names = known.policies.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const policy of known.policies) {
      expect(policy.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      const document = knownAwsManagedPolicy(`arn:aws:iam::aws:policy/${policy.name}`);
      expect(document, policy.name).toBeDefined();
      const errors = validatePolicy(document!, 'identity').filter((p) => p.severity === 'error');
      expect({ policy: policy.name, errors }).toEqual({ policy: policy.name, errors: [] });
    }
  });

  it('finds a policy by its ARN in any partition and under a path', () => {
    expect(
      awsManagedPolicyName('arn:aws-us-gov:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'),
    ).toBe('AWSLambdaBasicExecutionRole');
    expect(
      knownAwsManagedPolicy('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'),
    ).toBeDefined();
    expect(knownAwsManagedPolicy('arn:aws:iam::aws:policy/NoSuchPolicy')).toBeUndefined();
  });
});
