/** Why a call gave no answer, in the words a report uses. */
export type FailureKind = 'access-denied' | 'not-enabled' | 'unavailable' | 'throttled' | 'timeout' | 'error';

export interface CallFailure {
  kind: FailureKind;
  /** e.g. `s3:GetBucketPolicy`. */
  operation: string;
  code: string;
  message: string;
}

const ACCESS_DENIED =
  /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|UnauthorizedAccess|AuthorizationError|Forbidden)$/;
const THROTTLED = /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/;
const NOT_ENABLED =
  /OptInRequired|SubscriptionRequired|InvalidAccessException|AWSOrganizationsNotInUseException|NotSignedUp/;

/** Classifies an SDK error without trusting its shape: anything can be thrown. */
export function classifyFailure(operation: string, error: unknown): CallFailure {
  const e = (error ?? {}) as {
    name?: unknown;
    Code?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  const code = String(e.name ?? e.Code ?? 'Error');
  const message = String(e.message ?? error).split('\n')[0] ?? '';
  const status = e.$metadata?.httpStatusCode;
  let kind: FailureKind = 'error';
  if (ACCESS_DENIED.test(code) || status === 403) kind = 'access-denied';
  else if (THROTTLED.test(code)) kind = 'throttled';
  else if (NOT_ENABLED.test(code)) kind = 'not-enabled';
  else if (/Timeout|AbortError|ECONNRESET|ETIMEDOUT|RequestTimeout/.test(`${code} ${message}`))
    kind = 'timeout';
  // An emulator or a partition without the API answers 404/501 or HTML that does not deserialize.
  else if (
    status === 404 ||
    status === 501 ||
    /Deserializ|not (yet )?implemented|UnknownOperation|InvalidAction/i.test(`${code} ${message}`) ||
    // An HTML page where JSON or XML was expected (moto's 404/500 for an unknown operation).
    (code === 'SyntaxError' && /Unexpected token '<'|<!doctype|<html/i.test(message))
  ) {
    kind = 'unavailable';
  }
  return { kind, operation, code, message };
}

export function describeFailure(failure: CallFailure): string {
  const what: Record<FailureKind, string> = {
    'access-denied': 'access denied',
    'not-enabled': 'not enabled or not subscribed',
    unavailable: 'the API is not available here',
    throttled: 'throttled beyond the retries',
    timeout: 'timed out',
    error: 'failed',
  };
  return `${failure.operation} ${what[failure.kind]} (${failure.code}${failure.message && failure.message !== failure.code ? `: ${failure.message.slice(0, 160)}` : ''})`;
}
