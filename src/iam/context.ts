/**
 * The request context a condition is tested against. AWS's own semantics apply to keys the
 * request does not carry ("absent"), but an analysis often does not know the request: who-can
 * leaves keys open ("unknown", so the answer says what it depends on); an exposure analysis lets
 * an outsider pick values that suit them ("chosen") or gives them some value outside any narrow
 * range ("arbitrary", e.g. a stranger's source IP).
 */

export type KeyState = 'absent' | 'unknown' | 'chosen' | 'arbitrary';

export type KeyLookup =
  { readonly kind: 'values'; readonly values: readonly string[] } | { readonly kind: KeyState };

export interface RequestContext {
  /** Known values by lower-case key. */
  readonly values: ReadonlyMap<string, readonly string[]>;
  /** Keys set to a state other than a value, by lower-case key. */
  readonly states: ReadonlyMap<string, KeyState>;
  /** Values the request implies (aws:PrincipalArn from the principal, …), asked for only when needed. */
  readonly implied?: (lowerKey: string) => readonly string[] | undefined;
  /** What every other key is. */
  readonly otherwise: (lowerKey: string) => KeyState;
}

const LOOKUPS: Record<KeyState, KeyLookup> = {
  absent: { kind: 'absent' },
  unknown: { kind: 'unknown' },
  chosen: { kind: 'chosen' },
  arbitrary: { kind: 'arbitrary' },
};

const ABSENT = (): KeyState => 'absent';

/**
 * Builds a context. Plain strings and arrays are values; `{ state: 'unknown' }` marks one key;
 * `otherwise` decides the rest (AWS semantics: absent).
 */
export function makeContext(
  input: Readonly<Record<string, string | readonly string[] | { state: KeyState }>> = {},
  otherwise: (lowerKey: string) => KeyState = ABSENT,
): RequestContext {
  const values = new Map<string, readonly string[]>();
  const states = new Map<string, KeyState>();
  for (const [key, value] of Object.entries(input)) {
    const k = key.toLowerCase();
    if (typeof value === 'string') values.set(k, [value]);
    else if (Array.isArray(value)) values.set(k, value as readonly string[]);
    else states.set(k, (value as { state: KeyState }).state);
  }
  return { values, states, otherwise };
}

export function lookupKey(ctx: RequestContext, key: string): KeyLookup {
  const k = key.toLowerCase();
  const values = ctx.values.get(k);
  if (values) return { kind: 'values', values };
  const state = ctx.states.get(k);
  if (state) return LOOKUPS[state];
  const implied = ctx.implied?.(k);
  if (implied) return { kind: 'values', values: implied };
  return LOOKUPS[ctx.otherwise(k)];
}

/** A single value for a policy variable such as `${aws:username}`; null when absent. */
export function variableValue(ctx: RequestContext, key: string): string | null | 'unknown' {
  const found = lookupKey(ctx, key);
  if (found.kind === 'values') return found.values.length === 1 ? (found.values[0] ?? null) : null;
  return found.kind === 'absent' ? null : 'unknown';
}
