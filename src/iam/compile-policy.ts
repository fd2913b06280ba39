/**
 * Turns a PolicyDocument into matchers once, so that evaluating thousands of requests against the
 * same policy costs a few cached lookups per statement. Template tokens are expanded through the
 * inventory's resolver here (a named bucket's `{{Bucket.Arn}}` becomes its real ARN).
 */
import type { Effect, PolicyDocument, PolicyStatement, Principal } from '../model/policy.js';
import type { RequestContext } from './context.js';
import { compileGlob, type Glob } from './glob.js';
import { expandTokens, type TokenResolver } from './tokens.js';
import type { Tri } from './tri.js';

export interface CompiledStatement {
  readonly statement: PolicyStatement;
  readonly effect: Effect;
  readonly variables: boolean;
  actionTest(actionKey: string): Tri;
  resourceTest(resource: string, ctx: RequestContext): Tri;
  readonly principal?: Principal;
  readonly notPrincipal?: Principal;
}

export interface CompiledPolicy {
  readonly statements: readonly CompiledStatement[];
}

/** The request resource that stands for "every resource" (as in Resource "*"). */
export const EVERY_RESOURCE = '*';

const actionResults = new Map<string, Map<string, Tri>>();

/** Action names are case-insensitive; results are cached per pattern because policies repeat them. */
function actionPatternTest(pattern: string): (actionKey: string) => Tri {
  const p = pattern.toLowerCase();
  if (p === '*') return () => true;
  let results = actionResults.get(p);
  if (!results) {
    results = new Map();
    actionResults.set(p, results);
  }
  const glob = compileGlob(p, { ignoreCase: true, wildcards: true, variables: false });
  const cache = results;
  return (key) => {
    let r = cache.get(key);
    if (r === undefined) {
      r = glob.test(key);
      cache.set(key, r);
    }
    return r;
  };
}

function anyOf(tests: ReadonlyArray<(key: string) => Tri>): (key: string) => Tri {
  if (tests.length === 1 && tests[0]) return tests[0];
  return (key) => {
    let out: Tri = false;
    for (const t of tests) {
      const r = t(key);
      if (r === true) return true;
      if (r === 'unknown') out = 'unknown';
    }
    return out;
  };
}

const not = (t: (key: string) => Tri) => (key: string): Tri => {
  const r = t(key);
  return r === 'unknown' ? r : !r;
};

/** A pattern that covers every resource: `*`, `arn:*`, `arn:aws:*:*:*:*` and the like. */
function coversEveryResource(pattern: string): Tri {
  if (pattern === '*' || /^arn(:\*+)+$/.test(pattern) || /^arn:aws[a-z-]*(:\*+)+$/.test(pattern)) return true;
  return pattern.includes('{{unresolved:') ? 'unknown' : false;
}

function resourcePatternTest(pattern: string, variables: boolean): (r: string, ctx: RequestContext) => Tri {
  if (pattern === '*') return () => true;
  const glob: Glob = compileGlob(pattern, { ignoreCase: false, wildcards: true, variables });
  const every = coversEveryResource(pattern);
  return (r, ctx) => (r === EVERY_RESOURCE ? every : glob.test(r, ctx));
}

function resourceTest(s: PolicyStatement, variables: boolean, resolve?: TokenResolver) {
  const list = s.resource ?? s.notResource;
  // Trust policies and many resource policies leave Resource out: the statement covers the resource itself.
  if (!list) return () => true;
  const tests = list.map((p) => resourcePatternTest(expandTokens(p, resolve), variables));
  const any = (r: string, ctx: RequestContext): Tri => {
    let out: Tri = false;
    for (const t of tests) {
      const hit = t(r, ctx);
      if (hit === true) return true;
      if (hit === 'unknown') out = 'unknown';
    }
    return out;
  };
  if (s.resource) return any;
  return (r: string, ctx: RequestContext): Tri => {
    // "Everything except a few" reaches the every-resource probe: only listed resources are spared.
    if (r === EVERY_RESOURCE) return true;
    const hit = any(r, ctx);
    return hit === 'unknown' ? hit : !hit;
  };
}

function expandPrincipal(p: Principal | undefined, resolve?: TokenResolver): Principal | undefined {
  if (p === undefined || p === '*' || !resolve) return p;
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.map((e) => expandTokens(e, resolve))]));
}

function compileStatement(s: PolicyStatement, variables: boolean, resolve?: TokenResolver): CompiledStatement {
  const actionPatterns = s.action ?? s.notAction ?? [];
  const actions = anyOf(actionPatterns.map((p) => actionPatternTest(expandTokens(p, resolve))));
  const principal = expandPrincipal(s.principal, resolve);
  const notPrincipal = expandPrincipal(s.notPrincipal, resolve);
  return {
    statement: s,
    effect: s.effect,
    variables,
    actionTest: s.action ? actions : s.notAction ? not(actions) : () => false,
    resourceTest: resourceTest(s, variables, resolve),
    ...(principal ? { principal } : {}),
    ...(notPrincipal ? { notPrincipal } : {}),
  };
}

const plain = new WeakMap<PolicyDocument, CompiledPolicy>();
const withResolver = new WeakMap<TokenResolver, WeakMap<PolicyDocument, CompiledPolicy>>();

export function compilePolicy(doc: PolicyDocument, resolve?: TokenResolver): CompiledPolicy {
  let cache = plain;
  if (resolve) {
    cache = withResolver.get(resolve) ?? new WeakMap();
    withResolver.set(resolve, cache);
  }
  let compiled = cache.get(doc);
  if (!compiled) {
    // Policy variables exist only in version 2012-10-17; in older policies "${" is literal text.
    const variables = doc.version === '2012-10-17';
    compiled = { statements: doc.statements.map((s) => compileStatement(s, variables, resolve)) };
    cache.set(doc, compiled);
  }
  return compiled;
}
