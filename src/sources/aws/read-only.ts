/**
 * The scanner may only read. Every SDK client gets a middleware that refuses, before anything is
 * signed or sent, any operation that is not a read: List*, Describe*, Get*, Head* and a few named
 * read-only exceptions. Reads that would return secrets or customer data are refused too.
 */

const READ_PREFIXES = ['List', 'Describe', 'Get', 'Head', 'Lookup', 'Search', 'BatchGet', 'BatchDescribe'];

/** Read-only operations whose names do not start with a read verb. */
const NAMED_READS = new Set(['GenerateCredentialReport', 'GenerateServiceLastAccessedDetails']);

/** Reads we never make: they return customer data, secrets or credentials. */
const NEVER = new Set([
  'GetObject',
  'GetObjectTorrent',
  'GetSecretValue',
  'BatchGetSecretValue',
  'GetParameter',
  'GetParameters',
  'GetParametersByPath',
  'GetSessionToken',
  'GetFederationToken',
  'GetRoleCredentials',
  'GetPasswordData',
  'GetConsoleScreenshot',
  'GetConsoleOutput',
  'GetAuthorizationToken',
  'GetFunction',
  'GetDataKey',
  'GetQueueUrl',
]);

export function isReadOnlyOperation(operation: string): boolean {
  if (NEVER.has(operation)) return false;
  if (NAMED_READS.has(operation)) return true;
  return READ_PREFIXES.some(
    (prefix) => operation.startsWith(prefix) && /^[A-Z]/.test(operation.slice(prefix.length)),
  );
}

export class ReadOnlyViolation extends Error {
  constructor(readonly operation: string) {
    super(`refused to send ${operation}: whoowns only sends read-only AWS requests`);
    this.name = 'ReadOnlyViolation';
  }
}

/** `ListBucketsCommand` → `ListBuckets`. */
export function operationName(commandName: string | undefined): string {
  return (commandName ?? 'UnknownCommand').replace(/Command$/, '');
}
