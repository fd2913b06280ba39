/**
 * IAM policy documents, normalised: single strings become arrays, and a statement keeps its
 * position so findings can point at it. Strings that a template could not resolve are kept as
 * `{{unresolved:...}}` tokens and strings that name a template resource as `{{LogicalId}}` tokens
 * (see `isTemplateToken`), so a check can tell "*" from "some specific thing" without guessing.
 */

export type Effect = 'Allow' | 'Deny';

/** `"*"` or a map such as { AWS: [...], Service: [...], Federated: [...], CanonicalUser: [...] }. */
export type Principal = '*' | Record<string, string[]>;

/** operator → condition key → values, e.g. { StringEquals: { 'aws:SourceAccount': ['123'] } }. */
export type ConditionBlock = Record<string, Record<string, string[]>>;

export interface PolicyStatement {
  sid?: string;
  effect: Effect;
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  principal?: Principal;
  notPrincipal?: Principal;
  condition?: ConditionBlock;
  /** 0-based index of the statement in its document. */
  index: number;
}

export interface PolicyDocument {
  version?: string;
  statements: PolicyStatement[];
  /** Statements that were malformed, with the reason; they are not in `statements`. */
  problems: string[];
}

/** A named policy attached to a principal or resource, wherever it came from. */
export interface AttachedPolicy {
  /** Policy name, managed policy ARN, or logical id of the AWS::IAM::Policy that carried it. */
  name: string;
  kind: 'inline' | 'managed' | 'aws-managed';
  document?: PolicyDocument;
}

const TOKEN = /^\{\{.+\}\}$/;

/** True for the placeholder tokens the template resolver emits in place of runtime values. */
export function isTemplateToken(s: string): boolean {
  return TOKEN.test(s);
}

export function isUnresolvedToken(s: string): boolean {
  return s.startsWith('{{unresolved:');
}
