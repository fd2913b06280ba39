/**
 * Template tokens inside policy strings. The CloudFormation source writes `{{LogicalId}}` or
 * `{{LogicalId.Attribute}}` for a value that names a template resource, `{{AWS::AccountId}}` for a
 * pseudo parameter it was not given, and `{{unresolved:why}}` for a value known only at deploy
 * time. Matching treats them differently (see glob.ts):
 * - `unresolved` could be any string at all;
 * - `pseudo` is one fixed but unknown string (the account id may well equal "111122223333");
 * - `ref` names a template resource whose generated identifier no policy can spell out literally,
 *   so it equals only itself (or whatever a wildcard covers).
 */

export type TokenKind = 'unresolved' | 'pseudo' | 'ref';

export interface TokenPart {
  token: string;
  kind: TokenKind;
}

const TOKEN_RE = /\{\{(?:(?!\}\}).)*\}\}/g;

export function tokenKind(token: string): TokenKind {
  if (token.startsWith('{{unresolved:')) return 'unresolved';
  if (token.startsWith('{{AWS::')) return 'pseudo';
  return 'ref';
}

export function hasToken(s: string): boolean {
  return s.includes('{{');
}

/** Splits a string into literal text and tokens, in order. */
export function splitTokens(s: string): Array<string | TokenPart> {
  const out: Array<string | TokenPart> = [];
  let last = 0;
  for (const m of s.matchAll(TOKEN_RE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(s.slice(last, at));
    out.push({ token: m[0], kind: tokenKind(m[0]) });
    last = at + m[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

/** True when the string holds a value known only at deploy time. */
export function hasUnresolved(s: string): boolean {
  return s.includes('{{unresolved:');
}

/** The logical id a `{{LogicalId}}` or `{{LogicalId.Attr}}` token names, when the whole string is one. */
export function logicalIdOf(s: string): string | undefined {
  const m = /^\{\{([^:{}.]+)(?:\.[^{}]+)?\}\}$/.exec(s);
  return m?.[1];
}

/**
 * Replaces tokens a resolver can spell out (a named bucket's ARN, a given account id), repeatedly,
 * since an expansion may itself hold tokens (`{{Bucket.Arn}}` → `arn:aws:s3:::{{Bucket}}`).
 */
export type TokenResolver = (token: string) => string | undefined;

const expansions = new WeakMap<TokenResolver, Map<string, string>>();

export function expandTokens(s: string, resolve: TokenResolver | undefined): string {
  if (!resolve || !hasToken(s)) return s;
  let cache = expansions.get(resolve);
  if (!cache) {
    cache = new Map();
    expansions.set(resolve, cache);
  }
  const cached = cache.get(s);
  if (cached !== undefined) return cached;
  let out: string = s;
  for (let depth = 0; depth < 4 && hasToken(out); depth++) {
    const next: string = out.replace(TOKEN_RE, (t) =>
      tokenKind(t) === 'unresolved' ? t : (resolve(t) ?? t),
    );
    if (next === out) break;
    out = next;
  }
  cache.set(s, out);
  return out;
}
