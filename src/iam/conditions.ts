/**
 * Evaluates a statement's Condition block as AWS documents it: operators AND, keys under an
 * operator AND, values of a key OR (NOR for negated operators). A key the request lacks makes a
 * positive operator false and a negated one true, IfExists true, ForAllValues true and
 * ForAnyValue false. Keys the caller leaves open make the result 'unknown', and the outcome
 * names them so an answer can say what it depends on.
 */
import type { ConditionBlock, Effect } from '../model/policy.js';
import { type ParsedOperator, parseOperator } from './condition-operators.js';
import { lookupKey, type RequestContext } from './context.js';
import { type Tri, triEvery, triNot, triSome } from './tri.js';

export interface ConditionOutcome {
  result: Tri;
  /** What an 'unknown' result depends on: condition keys, or template values. */
  dependsOn: string[];
}

function testKey(
  op: ParsedOperator,
  key: string,
  policyValues: readonly string[],
  ctx: RequestContext,
  effect: Effect,
  variables: boolean,
): Tri {
  const found = lookupKey(ctx, key);
  // The caller picks whatever value suits them: Allow conditions hold, Deny conditions do not.
  if (found.kind === 'chosen') return effect === 'Allow';
  if (found.kind === 'unknown') return 'unknown';
  if (op.isNull) {
    const present = found.kind !== 'absent';
    return triSome(policyValues, (v) => (v.toLowerCase() === 'true' ? !present : present));
  }
  if (found.kind === 'arbitrary') {
    const positive = policyValues.some(op.universal);
    return op.negated ? !positive : positive;
  }
  const values = found.kind === 'values' ? found.values : [];
  if (values.length === 0) {
    if (op.ifExists || op.set === 'all') return true;
    if (op.set === 'any') return false;
    return op.negated;
  }
  const matchesAny = (v: string): Tri => triSome(policyValues, (p) => op.match(p, v, ctx, variables));
  if (op.set === 'all') {
    return triEvery(values, (v) => (op.negated ? triNot(matchesAny(v)) : matchesAny(v)));
  }
  if (op.set === 'any' && op.negated) return triSome(values, (v) => triNot(matchesAny(v)));
  const positive = triSome(values, matchesAny);
  return op.negated ? triNot(positive) : positive;
}

/**
 * `variables`: substitute `${aws:username}`-style policy variables (only in 2012-10-17 policies).
 * `effect` matters only for keys the caller chooses.
 */
export function evaluateConditions(
  block: ConditionBlock,
  ctx: RequestContext,
  effect: Effect,
  variables: boolean,
): ConditionOutcome {
  let result: Tri = true;
  let dependsOn: string[] | undefined;
  for (const [operator, keys] of Object.entries(block)) {
    const op = parseOperator(operator);
    for (const [key, values] of Object.entries(keys)) {
      const r: Tri = op ? testKey(op, key, values, ctx, effect, variables) : 'unknown';
      if (r === false) return { result: false, dependsOn: [] };
      if (r === 'unknown') {
        result = 'unknown';
        dependsOn ??= [];
        dependsOn.push(op ? `${operator} ${key}` : `unsupported operator ${operator}`);
      }
    }
  }
  return { result, dependsOn: dependsOn ?? [] };
}
