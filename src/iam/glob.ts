/**
 * IAM wildcard matching (`*` any run, `?` one character) with policy variables and template
 * tokens. Plain strings take a cached RegExp; strings with tokens take a small dynamic program that
 * answers true only when every value the tokens could stand for matches, false when none could,
 * and 'unknown' otherwise (see tokens.ts for what each token kind may stand for).
 */
import type { RequestContext } from './context.js';
import { variableValue } from './context.js';
import { splitTokens, type TokenKind } from './tokens.js';
import type { Tri } from './tri.js';

type El =
  | { k: 'c'; c: string }
  | { k: 'star' }
  | { k: 'one' }
  | { k: 'atom'; id: string; kind: TokenKind }
  | { k: 'var'; key: string; fallback?: string };

const STAR: El = { k: 'star' };
const ONE: El = { k: 'one' };

/** `${*}`, `${?}` and `${$}` are escaped literals; `${key}` or `${key, 'default'}` are variables. */
const VAR_RE = /\$\{([^}]*)\}/g;

function literalEls(text: string, wildcards: boolean, variables: boolean, out: El[]): void {
  let last = 0;
  const push = (s: string) => {
    for (const c of s) out.push(wildcards && c === '*' ? STAR : wildcards && c === '?' ? ONE : { k: 'c', c });
  };
  if (variables) {
    for (const m of text.matchAll(VAR_RE)) {
      const at = m.index ?? 0;
      push(text.slice(last, at));
      const body = (m[1] ?? '').trim();
      if (body === '*' || body === '?' || body === '$') out.push({ k: 'c', c: body });
      else {
        const d = /^([^,]+?)\s*,\s*'([^']*)'$/.exec(body);
        out.push(d ? { k: 'var', key: d[1] ?? '', fallback: d[2] ?? '' } : { k: 'var', key: body });
      }
      last = at + m[0].length;
    }
  }
  push(text.slice(last));
}

function toEls(s: string, wildcards: boolean, variables: boolean): El[] {
  const out: El[] = [];
  for (const part of splitTokens(s)) {
    if (typeof part === 'string') literalEls(part, wildcards, variables, out);
    else out.push({ k: 'atom', id: part.token, kind: part.kind });
  }
  return out;
}

/** Replaces variables by the request's values; null when one is absent (the pattern cannot match). */
function substitute(els: El[], ctx: RequestContext | undefined): El[] | null | 'unknown' {
  if (!els.some((e) => e.k === 'var')) return els;
  const out: El[] = [];
  let unknown = false;
  for (const e of els) {
    if (e.k !== 'var') {
      out.push(e);
      continue;
    }
    const value = ctx ? variableValue(ctx, e.key) : null;
    const text = value === null ? e.fallback : value;
    if (text === 'unknown') unknown = true;
    else if (text === undefined) return null;
    else for (const c of toEls(text, false, false)) out.push(c);
  }
  return unknown ? 'unknown' : out;
}

const starLike = (e: El): boolean =>
  e.k === 'star' || (e.k === 'atom' && (e.kind === 'unresolved' || e.kind === 'pseudo'));

function sameChar(a: string, b: string, ignoreCase: boolean): boolean {
  return a === b || (ignoreCase && a.toLowerCase() === b.toLowerCase());
}

/** Does the pattern match the value whatever the value's tokens stand for? */
function certainMatch(p: El[], v: El[], ic: boolean): boolean {
  const memo = new Uint8Array((p.length + 1) * (v.length + 1));
  const go = (i: number, j: number): boolean => {
    const at = i * (v.length + 1) + j;
    if (memo[at]) return memo[at] === 2;
    let r = false;
    const pe = p[i];
    const ve = v[j];
    if (!pe) r = !ve;
    else if (pe.k === 'star') r = go(i + 1, j) || (ve !== undefined && go(i, j + 1));
    else if (!ve) r = false;
    else if (pe.k === 'one') r = ve.k === 'c' && go(i + 1, j + 1);
    else if (pe.k === 'c') r = ve.k === 'c' && sameChar(pe.c, ve.c, ic) && go(i + 1, j + 1);
    else if (pe.k === 'atom')
      r = pe.kind !== 'unresolved' && ve.k === 'atom' && ve.id === pe.id && go(i + 1, j + 1);
    memo[at] = r ? 2 : 1;
    return r;
  };
  return go(0, 0);
}

/** Could the pattern match the value for some values of the tokens on either side? */
function possibleMatch(p: El[], v: El[], ic: boolean): boolean {
  const memo = new Uint8Array((p.length + 1) * (v.length + 1));
  const go = (i: number, j: number): boolean => {
    const at = i * (v.length + 1) + j;
    if (memo[at]) return memo[at] === 2;
    const pe = p[i];
    const ve = v[j];
    let r = false;
    if (!pe && !ve) r = true;
    if (!r && pe && starLike(pe)) r = go(i + 1, j) || (ve !== undefined && go(i, j + 1));
    if (!r && ve && starLike(ve)) r = go(i, j + 1) || (pe !== undefined && go(i + 1, j));
    if (!r && pe && ve && !starLike(pe) && !starLike(ve)) {
      if (pe.k === 'one') r = ve.k === 'c' && go(i + 1, j + 1);
      else if (pe.k === 'c') r = ve.k === 'c' && sameChar(pe.c, ve.c, ic) && go(i + 1, j + 1);
      else if (pe.k === 'atom') r = ve.k === 'atom' && ve.id === pe.id && go(i + 1, j + 1);
    }
    memo[at] = r ? 2 : 1;
    return r;
  };
  return go(0, 0);
}

export interface GlobOptions {
  ignoreCase: boolean;
  /** `*` and `?` are wildcards (false for StringEquals-style exact comparison). */
  wildcards: boolean;
  /** `${...}` policy variables are substituted (policy version 2012-10-17). */
  variables: boolean;
}

export interface Glob {
  readonly pattern: string;
  test(value: string, ctx?: RequestContext): Tri;
}

function escapeRe(c: string): string {
  return c.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

function fastGlob(pattern: string, o: GlobOptions): Glob | undefined {
  if (pattern.includes('{{') || (o.variables && pattern.includes('${'))) return undefined;
  if (!o.wildcards || !/[*?]/.test(pattern)) {
    const want = o.ignoreCase ? pattern.toLowerCase() : pattern;
    return {
      pattern,
      test: (value) =>
        value.includes('{{')
          ? slowTest(pattern, value, o)
          : (o.ignoreCase ? value.toLowerCase() : value) === want,
    };
  }
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeRe(c))).join('');
  const re = new RegExp(`^${source}$`, o.ignoreCase ? 'is' : 's');
  return { pattern, test: (value) => (value.includes('{{') ? slowTest(pattern, value, o) : re.test(value)) };
}

const elsCache = new Map<string, El[]>();

/** Parsed once per distinct string: template inventories repeat the same tokenised ARNs. */
function elsOf(s: string, wildcards: boolean, variables: boolean): El[] {
  const key = `${wildcards ? 1 : 0}${variables ? 1 : 0}${s}`;
  let els = elsCache.get(key);
  if (!els) {
    els = toEls(s, wildcards, variables);
    if (elsCache.size > 100_000) elsCache.clear();
    elsCache.set(key, els);
  }
  return els;
}

const results = new Map<string, Tri>();

function slowTest(pattern: string, value: string, o: GlobOptions, ctx?: RequestContext): Tri {
  const parsed = elsOf(pattern, o.wildcards, o.variables);
  // Without variables the answer depends on the two strings alone.
  const key = parsed.some((e) => e.k === 'var')
    ? undefined
    : `${o.ignoreCase ? 1 : 0}${o.wildcards ? 1 : 0}${pattern}\u0000${value}`;
  const known = key === undefined ? undefined : results.get(key);
  if (known !== undefined) return known;
  const p = substitute(parsed, ctx);
  let r: Tri;
  if (p === null) r = false;
  else if (p === 'unknown') r = 'unknown';
  else {
    const v = elsOf(value, false, false);
    r = certainMatch(p, v, o.ignoreCase) ? true : possibleMatch(p, v, o.ignoreCase) ? 'unknown' : false;
  }
  if (key !== undefined) {
    if (results.size > 200_000) results.clear();
    results.set(key, r);
  }
  return r;
}

const cache = new Map<string, Glob>();

/** A matcher for one pattern, cached: policies repeat the same patterns across principals. */
export function compileGlob(pattern: string, o: GlobOptions): Glob {
  const key = `${o.ignoreCase ? 1 : 0}${o.wildcards ? 1 : 0}${o.variables ? 1 : 0}${pattern}`;
  let glob = cache.get(key);
  if (!glob) {
    glob = fastGlob(pattern, o) ?? { pattern, test: (value, ctx) => slowTest(pattern, value, o, ctx) };
    if (cache.size > 50_000) cache.clear();
    cache.set(key, glob);
  }
  return glob;
}

/** One-off match, for callers outside the evaluator's hot path. */
export function globMatch(pattern: string, value: string, o: GlobOptions, ctx?: RequestContext): Tri {
  return compileGlob(pattern, o).test(value, ctx);
}
