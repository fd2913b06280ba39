/**
 * The condition operators AWS documents, reduced to their positive form plus flags: a negated
 * operator (StringNotEquals) is the NOR of its positive twin over the policy's values; the
 * IfExists suffix and the ForAnyValue:/ForAllValues: prefixes only change how absent keys and
 * multi-valued keys are treated (see conditions.ts).
 */
import type { RequestContext } from './context.js';
import { globMatch } from './glob.js';
import { cidrContains, isOpenCidr, parseCidr } from './ip.js';
import { hasToken } from './tokens.js';
import type { Tri } from './tri.js';

export interface ParsedOperator {
  name: string;
  set?: 'any' | 'all';
  ifExists: boolean;
  negated: boolean;
  isNull: boolean;
  /** Positive comparison of one policy value with one request value. */
  match: (policyValue: string, requestValue: string, ctx: RequestContext, variables: boolean) => Tri;
  /** True when the policy value matches every possible request value (`*`, 0.0.0.0/0). */
  universal: (policyValue: string) => boolean;
}

type Matcher = ParsedOperator['match'];

const never = () => false;

function str(ignoreCase: boolean, wildcards: boolean): Matcher {
  return (p, v, ctx, variables) => globMatch(p, v, { ignoreCase, wildcards, variables }, ctx);
}

function unknownIfToken(p: string, fn: () => boolean): Tri {
  return hasToken(p) ? 'unknown' : fn();
}

function num(cmp: (a: number, b: number) => boolean): Matcher {
  return (p, v) =>
    unknownIfToken(p, () => {
      const a = Number(v);
      const b = Number(p);
      return p.trim() !== '' && Number.isFinite(a) && Number.isFinite(b) && cmp(a, b);
    });
}

function toTime(s: string): number {
  return /^\d+$/.test(s.trim()) ? Number(s) * 1000 : Date.parse(s);
}

function date(cmp: (a: number, b: number) => boolean): Matcher {
  return (p, v) =>
    unknownIfToken(p, () => {
      const a = toTime(v);
      const b = toTime(p);
      return Number.isFinite(a) && Number.isFinite(b) && cmp(a, b);
    });
}

/** ARNs compare component by component, so `*` never crosses a colon before the resource part. */
const arn: Matcher = (p, v, ctx, variables) => {
  if (hasToken(p) || hasToken(v))
    return globMatch(p, v, { ignoreCase: false, wildcards: true, variables }, ctx);
  const split = (s: string) => {
    const parts = s.split(':');
    return parts.length < 6 ? undefined : [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const ps = split(p);
  const vs = split(v);
  if (!ps || !vs) return p === '*' ? true : false;
  let out: Tri = true;
  for (let i = 0; i < 6; i++) {
    const r = globMatch(ps[i] ?? '', vs[i] ?? '', { ignoreCase: false, wildcards: true, variables }, ctx);
    if (r === false) return false;
    if (r === 'unknown') out = 'unknown';
  }
  return out;
};

const allStars = (p: string) =>
  /^[*:]+$/.test(p) && p.includes('*') && (p === '*' || p.split(':').length >= 6);

interface Base {
  match: Matcher;
  negated: boolean;
  universal: (p: string) => boolean;
}

const b = (match: Matcher, negated = false, universal: (p: string) => boolean = never): Base => ({
  match,
  negated,
  universal,
});

const BASES: Record<string, Base> = {
  stringequals: b(str(false, false)),
  stringnotequals: b(str(false, false), true),
  stringequalsignorecase: b(str(true, false)),
  stringnotequalsignorecase: b(str(true, false), true),
  stringlike: b(str(false, true), false, (p) => /^\*+$/.test(p)),
  stringnotlike: b(str(false, true), true, (p) => /^\*+$/.test(p)),
  numericequals: b(num((a, c) => a === c)),
  numericnotequals: b(
    num((a, c) => a === c),
    true,
  ),
  numericlessthan: b(num((a, c) => a < c)),
  numericlessthanequals: b(num((a, c) => a <= c)),
  numericgreaterthan: b(num((a, c) => a > c)),
  numericgreaterthanequals: b(num((a, c) => a >= c)),
  dateequals: b(date((a, c) => a === c)),
  datenotequals: b(
    date((a, c) => a === c),
    true,
  ),
  datelessthan: b(date((a, c) => a < c)),
  datelessthanequals: b(date((a, c) => a <= c)),
  dategreaterthan: b(date((a, c) => a > c)),
  dategreaterthanequals: b(date((a, c) => a >= c)),
  bool: b((p, v) => unknownIfToken(p, () => p.toLowerCase() === v.toLowerCase())),
  binaryequals: b((p, v) => unknownIfToken(p, () => p === v)),
  ipaddress: b(
    (p, v) =>
      unknownIfToken(p, () => {
        const c = parseCidr(p);
        return c !== undefined && cidrContains(c, v);
      }),
    false,
    isOpenCidr,
  ),
  notipaddress: b(
    (p, v) =>
      unknownIfToken(p, () => {
        const c = parseCidr(p);
        return c !== undefined && cidrContains(c, v);
      }),
    true,
    isOpenCidr,
  ),
  arnequals: b(arn, false, allStars),
  arnlike: b(arn, false, allStars),
  arnnotequals: b(arn, true, allStars),
  arnnotlike: b(arn, true, allStars),
  null: b(() => false),
};

const parsedCache = new Map<string, ParsedOperator | undefined>();

/** Parses `ForAllValues:StringLikeIfExists` and the like; undefined for an operator AWS does not have. */
export function parseOperator(name: string): ParsedOperator | undefined {
  if (parsedCache.has(name)) return parsedCache.get(name);
  let rest = name.toLowerCase();
  let set: 'any' | 'all' | undefined;
  if (rest.startsWith('foranyvalue:')) set = 'any';
  else if (rest.startsWith('forallvalues:')) set = 'all';
  if (set) rest = rest.slice(rest.indexOf(':') + 1);
  const ifExists = rest.endsWith('ifexists');
  if (ifExists) rest = rest.slice(0, -'ifexists'.length);
  const base = BASES[rest];
  const valid = base !== undefined && !(rest === 'null' && (ifExists || set));
  const parsed: ParsedOperator | undefined = valid
    ? {
        name,
        ifExists,
        negated: base.negated,
        isNull: rest === 'null',
        match: base.match,
        universal: base.universal,
        ...(set ? { set } : {}),
      }
    : undefined;
  parsedCache.set(name, parsed);
  return parsed;
}

/** Lower-case names of every operator family, for validation messages and tests. */
export const OPERATOR_FAMILIES: readonly string[] = Object.keys(BASES);
