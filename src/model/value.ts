/**
 * Every security-relevant leaf in the model is a Value: the datum plus where it came from and
 * how sure we are of it. Checks must answer UNKNOWN, never FAIL, when a Value is unknown.
 */

/** Where a value was read: a template position, or a live API call. */
export interface SourceRef {
  file?: string;
  line?: number;
  logicalId?: string;
  arn?: string;
  /** Live source: the API operation that produced the value, e.g. `s3:GetBucketEncryption`. */
  api?: string;
}

/**
 * explicit: set in the source. default: absent, so AWS's documented default applies.
 * unknown: the source does not tell (unresolved intrinsic, access denied, not collected).
 */
export type Origin = 'explicit' | 'default' | 'unknown';

export interface KnownValue<T> {
  readonly known: true;
  readonly value: T;
  readonly origin: 'explicit' | 'default';
  readonly source: SourceRef;
}

export interface UnknownValue {
  readonly known: false;
  readonly origin: 'unknown';
  /** Why it is unknown, in words a user understands ("parameter KmsKey has no value"). */
  readonly reason: string;
  readonly source: SourceRef;
}

export type Value<T> = KnownValue<T> | UnknownValue;

export function explicit<T>(value: T, source: SourceRef): KnownValue<T> {
  return { known: true, value, origin: 'explicit', source };
}

export function awsDefault<T>(value: T, source: SourceRef): KnownValue<T> {
  return { known: true, value, origin: 'default', source };
}

export function unknown(reason: string, source: SourceRef): UnknownValue {
  return { known: false, origin: 'unknown', reason, source };
}

/** The value when known, otherwise `fallback`; for display only, never for a verdict. */
export function valueOr<T, F>(v: Value<T>, fallback: F): T | F {
  return v.known ? v.value : fallback;
}

export function mapValue<T, U>(v: Value<T>, fn: (value: T) => U): Value<U> {
  return v.known ? { ...v, value: fn(v.value) } : v;
}
