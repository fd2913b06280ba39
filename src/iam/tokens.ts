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

export function tokenKind(token: string): TokenKind {
  if (token.startsWith('{{unresolved:')) return 'unresolved';
  if (token.startsWith('{{AWS::')) return 'pseudo';
  return 'ref';
}

export function hasToken(s: string): boolean {
  return s.includes('{{');
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Where the next token starts and ends (`{{` to the first `}}`, on one line), from `from` on;
 * scanned by hand, as every policy string and ARN of a template passes here.
 */
function nextToken(s: string, from: number): { start: number; end: number } | undefined {
  for (let start = s.indexOf('{{', from); start >= 0; start = s.indexOf('{{', start + 1)) {
    const close = s.indexOf('}}', start + 2);
    if (close < 0) return undefined;
    if (!LINE_BREAK.test(s.slice(start + 2, close))) return { start, end: close + 2 };
  }
  return undefined;
}

/** Splits a string into literal text and tokens, in order. */
export function splitTokens(s: string): Array<string | TokenPart> {
  const out: Array<string | TokenPart> = [];
  let last = 0;
  for (let t = nextToken(s, 0); t; t = nextToken(s, t.end)) {
    if (t.start > last) out.push(s.slice(last, t.start));
    const token = s.slice(t.start, t.end);
    out.push({ token, kind: tokenKind(token) });
    last = t.end;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

/** Replaces each token by what `replace` gives for it. */
function replaceTokens(s: string, replace: (token: string) => string): string {
  let out = '';
  let last = 0;
  for (let t = nextToken(s, 0); t; t = nextToken(s, t.end)) {
    out += s.slice(last, t.start) + replace(s.slice(t.start, t.end));
    last = t.end;
  }
  return last === 0 ? s : out + s.slice(last);
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
    const next: string = replaceTokens(out, (t) => (tokenKind(t) === 'unresolved' ? t : (resolve(t) ?? t)));
    if (next === out) break;
    out = next;
  }
  cache.set(s, out);
  return out;
}
