/**
 * Turns a PolicyDocument into matchers once, so that evaluating thousands of requests against the
 * same policy costs a few cached lookups per statement. Template tokens are expanded through the
 * inventory's resolver here (a named bucket's `{{Bucket.Arn}}` becomes its real ARN).
 */
import type { ConditionBlock, Effect, PolicyDocument, PolicyStatement, Principal } from '../model/policy.js';
import type { RequestContext } from './context.js';
import { compileGlob, type Glob } from './glob.js';
import { actionIds, IdCache, type Interned, resourceIds } from './intern.js';
import { expandTokens, type TokenResolver } from './tokens.js';
import type { Tri } from './tri.js';

export interface CompiledStatement {
  readonly statement: PolicyStatement;
  readonly effect: Effect;
  readonly variables: boolean;
  actionTest(action: Interned): Tri;
  resourceTest(resource: Interned, ctx: RequestContext): Tri;
  readonly principal?: Principal;
  readonly notPrincipal?: Principal;
  /** The statement's Condition with the tokens the resolver spells out (the stack's own account…). */
  readonly condition?: ConditionBlock;
}

export interface CompiledPolicy {
  readonly statements: readonly CompiledStatement[];
}

/** The request resource that stands for "every resource" (as in Resource "*"). */
export const EVERY_RESOURCE = '*';

/** Results per distinct action list: policies repeat the same lists across many principals. */
const actionListResults = new Map<string, IdCache<Tri>>();

function actionListTest(patterns: readonly string[]): (action: Interned) => Tri {
  const lower = patterns.map((p) => p.toLowerCase());
  if (lower.includes('*')) return () => true;
  const listKey = lower.join('\u0000');
  let results = actionListResults.get(listKey);
  if (!results) {
    results = new IdCache(actionIds);
    actionListResults.set(listKey, results);
  }
  const globs = lower.map((p) => compileGlob(p, { ignoreCase: true, wildcards: true, variables: false }));
  const cache = results;
  return (action) => {
    let r = cache.get(action.id);
    if (r === undefined) {
      r = false;
      for (const g of globs) {
        const hit = g.test(action.text);
        if (hit === true) {
          r = true;
          break;
        }
        if (hit === 'unknown') r = 'unknown';
      }
      cache.set(action.id, r);
    }
    return r;
  };
}

const not =
  (t: (action: Interned) => Tri) =>
  (action: Interned): Tri => {
    const r = t(action);
    return r === 'unknown' ? r : !r;
  };

/**
 * A pattern that covers every resource: `*`, `arn:*`, `arn:aws:*:*:*:*` and the like; and, for a
 * statement whose actions are all of one service, every resource of that service written as an
 * ARN of wildcards (`arn:aws:s3:::*`, `arn:aws:s3:::*\/*`). A deploy-time part counts as anything:
 * the pattern may then cover everything ('unknown') or, if its fixed text rules that out, cannot.
 */
function coversEveryResource(pattern: string, soleService: string | undefined): Tri {
  const every = (p: string): boolean => {
    if (p === '*' || /^arn(:\*+)+$/.test(p) || /^arn:aws[a-z-]*(:\*+)+$/.test(p)) return true;
    const scoped = /^arn:(?:aws[a-z-]*|\*):([a-z0-9-]+|\*):([*:/]*\*)$/.exec(p);
    return scoped !== null && soleService !== undefined && (scoped[1] === soleService || scoped[1] === '*');
  };
  if (every(pattern)) return true;
  if (!pattern.includes('{{unresolved:')) return false;
  return every(pattern.replace(/\{\{unresolved:.*?\}\}/g, '*')) ? 'unknown' : false;
}

/**
 * The one service every action of an Allow statement belongs to, if there is one. Only Allows
 * widen: a Deny on `arn:aws:s3:::*` spares what that ARN does not name (access points, account
 * settings), so it must not count as denying every resource.
 */
function soleServiceOf(s: PolicyStatement): string | undefined {
  if (s.effect !== 'Allow' || !s.resource || !s.action || s.action.length === 0) return undefined;
  let service: string | undefined;
  for (const pattern of s.action) {
    const prefix = pattern.slice(0, pattern.indexOf(':')).toLowerCase();
    if (prefix === '' || /[*?{]/.test(prefix) || (service !== undefined && service !== prefix))
      return undefined;
    service = prefix;
  }
  return service;
}

function resourcePatternTest(
  pattern: string,
  variables: boolean,
  soleService: string | undefined,
): (r: string, ctx: RequestContext) => Tri {
  if (pattern === '*') return () => true;
  const glob: Glob = compileGlob(pattern, { ignoreCase: false, wildcards: true, variables });
  const every = coversEveryResource(pattern, soleService);
  return (r, ctx) => (r === EVERY_RESOURCE ? every : glob.test(r, ctx));
}

const resourceListResults = new Map<string, IdCache<Tri>>();

function resourceTest(s: PolicyStatement, variables: boolean, resolve?: TokenResolver) {
  const list = s.resource ?? s.notResource;
  // Trust policies and many resource policies leave Resource out: the statement covers the resource itself.
  if (!list) return () => true;
  const patterns = list.map((p) => expandTokens(p, resolve));
  const soleService = soleServiceOf(s);
  const tests = patterns.map((p) => resourcePatternTest(p, variables, soleService));
  const any = (r: string, ctx: RequestContext): Tri => {
    let out: Tri = false;
    for (const t of tests) {
      const hit = t(r, ctx);
      if (hit === true) return true;
      if (hit === 'unknown') out = 'unknown';
    }
    return out;
  };
  const negate = s.resource === undefined;
  const test = negate
    ? (r: string, ctx: RequestContext): Tri => {
        // "Everything except a few" reaches the every-resource probe: only listed resources are spared.
        if (r === EVERY_RESOURCE) return true;
        const hit = any(r, ctx);
        return hit === 'unknown' ? hit : !hit;
      }
    : any;
  // Results depend on the request context only through policy variables; cache the rest.
  if (variables && patterns.some((p) => p.includes('${')))
    return (r: Interned, ctx: RequestContext) => test(r.text, ctx);
  const listKey = `${negate ? '!' : ''}${soleService ?? ''}\u0001${patterns.join('\u0000')}`;
  let results = resourceListResults.get(listKey);
  if (!results) {
    results = new IdCache(resourceIds);
    resourceListResults.set(listKey, results);
  }
  const cache = results;
  return (r: Interned, ctx: RequestContext): Tri => {
    let hit = cache.get(r.id);
    if (hit === undefined) {
      hit = test(r.text, ctx);
      cache.set(r.id, hit);
    }
    return hit;
  };
}

/** The Principal with the tokens the resolver spells out (a template's ARNs, the own account). */
export function expandPrincipal(p: Principal | undefined, resolve?: TokenResolver): Principal | undefined {
  if (p === undefined || p === '*' || !resolve) return p;
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.map((e) => expandTokens(e, resolve))]));
}

function expandCondition(
  block: ConditionBlock | undefined,
  resolve?: TokenResolver,
): ConditionBlock | undefined {
  if (!block || !resolve || !JSON.stringify(block).includes('{{')) return block;
  const out: ConditionBlock = {};
  for (const [operator, keys] of Object.entries(block)) {
    out[operator] = Object.fromEntries(
      Object.entries(keys).map(([key, values]) => [key, values.map((v) => expandTokens(v, resolve))]),
    );
  }
  return out;
}

function compileStatement(
  s: PolicyStatement,
  variables: boolean,
  resolve?: TokenResolver,
): CompiledStatement {
  const actions = actionListTest((s.action ?? s.notAction ?? []).map((p) => expandTokens(p, resolve)));
  const principal = expandPrincipal(s.principal, resolve);
  const notPrincipal = expandPrincipal(s.notPrincipal, resolve);
  const condition = expandCondition(s.condition, resolve);
  return {
    statement: s,
    effect: s.effect,
    variables,
    actionTest: s.action ? actions : s.notAction ? not(actions) : () => false,
    resourceTest: resourceTest(s, variables, resolve),
    ...(principal ? { principal } : {}),
    ...(notPrincipal ? { notPrincipal } : {}),
    ...(condition ? { condition } : {}),
  };
}

const CACHE = Symbol('compiled');
interface CacheEntry {
  resolve: TokenResolver | undefined;
  compiled: CompiledPolicy;
  /** Compilations for other resolvers (the exposure analysis spells the own account differently). */
  others?: Map<TokenResolver | undefined, CompiledPolicy>;
}
type Cached = PolicyDocument & { [CACHE]?: CacheEntry };

/**
 * Compiled once per document and resolver. The result rides on the document under a symbol
 * (invisible to JSON and to other code), which is cheaper on the hot path than a WeakMap.
 */
export function compilePolicy(doc: PolicyDocument, resolve?: TokenResolver): CompiledPolicy {
  const cached = (doc as Cached)[CACHE];
  if (cached && cached.resolve === resolve) return cached.compiled;
  const other = cached?.others?.get(resolve);
  if (other) return other;
  // Policy variables exist only in version 2012-10-17; in older policies "${" is literal text.
  const variables = doc.version === '2012-10-17';
  const compiled = { statements: doc.statements.map((s) => compileStatement(s, variables, resolve)) };
  if (cached) {
    cached.others ??= new Map();
    cached.others.set(resolve, compiled);
  } else {
    const entry: CacheEntry = { resolve, compiled };
    Object.defineProperty(doc, CACHE, {
      value: entry,
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  return compiled;
}
