/** Policy builders and a request helper shared by the evaluator's tests. */
import { parsePolicyDocument } from '../model/parse-policy.js';
import { type EvaluationInput, evaluateRequest, type NamedPolicy } from './evaluate.js';

export type Stmt = Record<string, unknown>;
export const policy = (name: string, ...Statement: Stmt[]): NamedPolicy => ({
  name,
  document: parsePolicyDocument({ Version: '2012-10-17', Statement }),
});
export const allow = (Action: unknown, Resource: unknown = '*', extra: Stmt = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
export const deny = (Action: unknown, Resource: unknown = '*', extra: Stmt = {}) => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});

export const ALICE = 'arn:aws:iam::111111111111:user/alice';
export const ROLE = 'arn:aws:iam::111111111111:role/app';
export const SESSION = 'arn:aws:sts::111111111111:assumed-role/app/s1';
export const BUCKET = 'arn:aws:s3:::data/report.csv';

export function decide(
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
