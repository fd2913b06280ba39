/**
 * Resolves CloudFormation intrinsic functions as far as the template alone allows.
 *
 * What cannot be known before deployment is never guessed:
 * - a whole value that cannot be computed becomes an `Unresolved` with the reason;
 * - inside strings (Fn::Sub, Fn::Join) the unknown part becomes a `{{unresolved:...}}` token, so
 *   `arn:aws:s3:::{{unresolved:BucketParam}}/*` is still recognisably one bucket, not `*`;
 * - references to template resources become `{{LogicalId}}` / `{{LogicalId.Attribute}}` tokens,
 *   and pseudo parameters without a given value become `{{AWS::AccountId}}`-style tokens: they are
 *   specific values known to exist, just not their text.
 */

export class Unresolved {
  constructor(readonly reason: string) {}
}

/**
 * A parameter CloudFormation reads from SSM Parameter Store at deploy time: its value is unknown,
 * but the parameter's name is not, and some names say what the value is (the public
 * `/aws/service/ami-amazon-linux-latest/al2023-ami-...` parameters always hold Amazon Linux 2023 AMIs).
 */
export class SsmParameterValue extends Unresolved {
  constructor(
    reason: string,
    readonly parameterName: string | undefined,
  ) {
    super(reason);
  }
}

/** AWS::NoValue: the property is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export type Resolved = unknown;

export class TemplateTooComplexError extends Error {}

export interface ResolverContext {
  parameters: ReadonlyMap<string, unknown>;
  resources: Readonly<Record<string, unknown>>;
  mappings: Readonly<Record<string, unknown>>;
  conditionValue(name: string): boolean | Unresolved;
  pseudo: Readonly<Record<string, string | undefined>>;
  /** Nodes visited so far, to stop alias bombs and pathological nesting. */
  budget: { remaining: number };
}

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::Region',
  'AWS::Partition',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::URLSuffix',
  'AWS::NotificationARNs',
]);

/** The key of a one-key object, without allocating a key list (this runs for every template node). */
function onlyKey(node: object): string | undefined {
  let only: string | undefined;
  for (const key in node) {
    if (!Object.hasOwn(node, key)) continue;
    if (only !== undefined) return undefined;
    only = key;
  }
  return only;
}

export function isIntrinsic(node: unknown): node is Record<string, unknown> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  const key = onlyKey(node);
  if (key === undefined) return false;
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') || key.startsWith('!');
}

/** Text for a value inside a string: tokens stand in for what is not known. */
function asStringPart(value: Resolved, what: string): string {
  if (value instanceof Unresolved) return `{{unresolved:${what}}}`;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `{{unresolved:${what}}}`;
}

export function resolve(node: unknown, ctx: ResolverContext): Resolved {
  ctx.budget.remaining -= 1;
  if (ctx.budget.remaining < 0) {
    throw new TemplateTooComplexError('template expands to too many nodes (possible YAML alias bomb)');
  }
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    const out: Resolved[] = [];
    for (const item of node) {
      const r = resolve(item, ctx);
      if (r !== NO_VALUE) out.push(r);
    }
    return out;
  }
  if (isIntrinsic(node)) return resolveIntrinsic(node, ctx);
  const out: Record<string, Resolved> = {};
  const record = node as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const r = resolve(record[key], ctx);
    if (r !== NO_VALUE) out[key] = r;
  }
  return out;
}

function resolveRef(name: unknown, ctx: ResolverContext): Resolved {
  if (typeof name !== 'string') return new Unresolved('Ref to a computed name');
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (ctx.parameters.has(name)) return ctx.parameters.get(name);
  if (PSEUDO_PARAMETERS.has(name)) return ctx.pseudo[name] ?? `{{${name}}}`;
  if (name in ctx.resources) return `{{${name}}}`;
  return new Unresolved(`Ref to ${name}, which the template does not define`);
}

export function resolveIntrinsic(node: Record<string, unknown>, ctx: ResolverContext): Resolved {
  const fn = onlyKey(node) ?? '';
  const rawArg = node[fn];
  switch (fn) {
    case 'Ref':
      return resolveRef(rawArg, ctx);
    case 'Condition':
      return typeof rawArg === 'string' ? ctx.conditionValue(rawArg) : new Unresolved('malformed Condition');
    case 'Fn::GetAtt':
      return resolveGetAtt(rawArg, ctx);
    case 'Fn::Sub':
      return resolveSub(rawArg, ctx);
    case 'Fn::Join':
      return resolveJoin(rawArg, ctx);
    case 'Fn::If':
      return resolveIf(rawArg, ctx);
    case 'Fn::Select':
      return resolveSelect(rawArg, ctx);
    case 'Fn::FindInMap':
      return resolveFindInMap(rawArg, ctx);
    case 'Fn::Split': {
      const args = resolve(rawArg, ctx);
      if (!Array.isArray(args) || typeof args[0] !== 'string') return new Unresolved('malformed Fn::Split');
      const [delimiter, text] = args as [string, unknown];
      if (typeof text !== 'string' || text.includes('{{'))
        return new Unresolved('Fn::Split of a value known only at deploy time');
      return text.split(delimiter);
    }
    case 'Fn::Base64':
      return resolve(rawArg, ctx);
    case 'Fn::Length': {
      const list = resolve(rawArg, ctx);
      return Array.isArray(list) ? list.length : new Unresolved('Fn::Length of an unknown list');
    }
    case 'Fn::ToJsonString': {
      const value = resolve(rawArg, ctx);
      return containsUnresolved(value)
        ? new Unresolved('Fn::ToJsonString of unknown content')
        : JSON.stringify(value);
    }
    case 'Fn::Equals':
    case 'Fn::Not':
    case 'Fn::And':
    case 'Fn::Or':
      return evaluateCondition(node, ctx);
    case 'Fn::GetAZs':
      return new Unresolved('availability zones are known only at deploy time (Fn::GetAZs)');
    case 'Fn::ImportValue':
      return new Unresolved(
        `imported from another stack (Fn::ImportValue ${describe(resolve(rawArg, ctx))})`,
      );
    case 'Fn::Cidr':
      return new Unresolved('Fn::Cidr is not evaluated');
    case 'Fn::Transform':
    case 'Fn::ForEach':
      return new Unresolved(`${fn} is expanded by a macro at deploy time`);
    default:
      return new Unresolved(
        fn.startsWith('!') ? `tag ${fn} is processed by a tool before deployment` : `unknown function ${fn}`,
      );
  }
}

function describe(value: Resolved): string {
  return typeof value === 'string' ? value : 'a computed name';
}

function containsUnresolved(value: Resolved): boolean {
  if (value instanceof Unresolved) return true;
  if (Array.isArray(value)) return value.some(containsUnresolved);
  if (value && typeof value === 'object') return Object.values(value).some(containsUnresolved);
  return false;
}

function resolveGetAtt(rawArg: unknown, ctx: ResolverContext): Resolved {
  const args = Array.isArray(rawArg) ? rawArg : typeof rawArg === 'string' ? rawArg.split('.') : [];
  const [resource, ...attributeParts] = args;
  const attribute = attributeParts.length === 1 ? resolve(attributeParts[0], ctx) : attributeParts.join('.');
  if (typeof resource !== 'string' || typeof attribute !== 'string')
    return new Unresolved('malformed Fn::GetAtt');
  if (!(resource in ctx.resources))
    return new Unresolved(`Fn::GetAtt on ${resource}, which the template does not define`);
  return `{{${resource}.${attribute}}}`;
}

function resolveSub(rawArg: unknown, ctx: ResolverContext): Resolved {
  let template: unknown = rawArg;
  let variables: Record<string, Resolved> = {};
  if (Array.isArray(rawArg)) {
    template = rawArg[0];
    const resolvedVars = resolve(rawArg[1] ?? {}, ctx);
    if (resolvedVars && typeof resolvedVars === 'object' && !Array.isArray(resolvedVars)) {
      variables = resolvedVars as Record<string, Resolved>;
    }
  }
  if (typeof template !== 'string') return new Unresolved('malformed Fn::Sub');
  const substitute = (expression: string): string => {
    if (expression.startsWith('!')) return `\${${expression.slice(1)}}`;
    const name = expression.trim();
    if (name in variables) return asStringPart(variables[name], name);
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::')) {
      return asStringPart(resolveGetAtt([name.slice(0, dot), name.slice(dot + 1)], ctx), name);
    }
    const value = resolveRef(name, ctx);
    return value === NO_VALUE ? '' : asStringPart(value, name);
  };
  // `${...}` scanned by hand: templates hold thousands of these, and this is the whole grammar.
  let out = '';
  let from = 0;
  for (;;) {
    const open = template.indexOf('${', from);
    const close = open < 0 ? -1 : template.indexOf('}', open + 2);
    if (close < 0) return out + template.slice(from);
    out += template.slice(from, open) + substitute(template.slice(open + 2, close));
    from = close + 1;
  }
}

function resolveJoin(rawArg: unknown, ctx: ResolverContext): Resolved {
  if (!Array.isArray(rawArg) || rawArg.length !== 2) return new Unresolved('malformed Fn::Join');
  const delimiter = resolve(rawArg[0], ctx);
  const list = resolve(rawArg[1], ctx);
  if (typeof delimiter !== 'string') return new Unresolved('Fn::Join with an unknown delimiter');
  if (!Array.isArray(list)) return new Unresolved('Fn::Join of a list known only at deploy time');
  return list.map((part, i) => asStringPart(part, `part ${i + 1} of Fn::Join`)).join(delimiter);
}

function resolveIf(rawArg: unknown, ctx: ResolverContext): Resolved {
  if (!Array.isArray(rawArg) || rawArg.length !== 3 || typeof rawArg[0] !== 'string') {
    return new Unresolved('malformed Fn::If');
  }
  const condition = ctx.conditionValue(rawArg[0]);
  if (condition === true) return resolve(rawArg[1], ctx);
  if (condition === false) return resolve(rawArg[2], ctx);
  const whenTrue = resolve(rawArg[1], ctx);
  const whenFalse = resolve(rawArg[2], ctx);
  if (JSON.stringify(whenTrue) === JSON.stringify(whenFalse) && !containsUnresolved(whenTrue))
    return whenTrue;
  return new Unresolved(`depends on condition ${rawArg[0]}, which is unknown (${condition.reason})`);
}

function resolveSelect(rawArg: unknown, ctx: ResolverContext): Resolved {
  if (!Array.isArray(rawArg) || rawArg.length !== 2) return new Unresolved('malformed Fn::Select');
  const index = Number(resolve(rawArg[0], ctx));
  const list = resolve(rawArg[1], ctx);
  if (!Array.isArray(list))
    return list instanceof Unresolved ? list : new Unresolved('Fn::Select from an unknown list');
  if (!Number.isInteger(index) || index < 0 || index >= list.length)
    return new Unresolved('Fn::Select index out of range');
  return list[index];
}

function resolveFindInMap(rawArg: unknown, ctx: ResolverContext): Resolved {
  if (!Array.isArray(rawArg) || rawArg.length < 3) return new Unresolved('malformed Fn::FindInMap');
  const [mapName, topKey, secondKey] = rawArg.slice(0, 3).map((k) => resolve(k, ctx));
  const fallback = rawArg[3] as { DefaultValue?: unknown } | undefined;
  for (const key of [mapName, topKey, secondKey]) {
    if (typeof key !== 'string' && typeof key !== 'number') {
      return new Unresolved('Fn::FindInMap with a key known only at deploy time');
    }
  }
  const map = ctx.mappings[String(mapName)] as Record<string, Record<string, unknown>> | undefined;
  const found = map?.[String(topKey)]?.[String(secondKey)];
  if (found !== undefined) return resolve(found, ctx);
  if (fallback && typeof fallback === 'object' && 'DefaultValue' in fallback)
    return resolve(fallback.DefaultValue, ctx);
  return new Unresolved(
    `Fn::FindInMap: ${String(mapName)}.${String(topKey)}.${String(secondKey)} is not in the mappings`,
  );
}

/** Evaluates a condition expression (Fn::Equals/Not/And/Or, Condition); unknown stays unknown. */
export function evaluateCondition(node: unknown, ctx: ResolverContext): boolean | Unresolved {
  if (typeof node === 'boolean') return node;
  if (node === 'true' || node === 'false') return node === 'true';
  if (!isIntrinsic(node)) return new Unresolved('malformed condition');
  const [fn, arg] = Object.entries(node)[0] as [string, unknown];
  if (fn === 'Condition')
    return typeof arg === 'string' ? ctx.conditionValue(arg) : new Unresolved('malformed Condition');
  if (fn === 'Fn::Equals') {
    if (!Array.isArray(arg) || arg.length !== 2) return new Unresolved('malformed Fn::Equals');
    const [a, b] = arg.map((x) => resolve(x, ctx));
    if (a instanceof Unresolved) return a;
    if (b instanceof Unresolved) return b;
    const text = [a, b].map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x)));
    if (text.some((t) => t.includes('{{')))
      return new Unresolved('compares values known only at deploy time');
    return text[0] === text[1];
  }
  const operands = Array.isArray(arg) ? arg.map((x) => evaluateCondition(x, ctx)) : [];
  if (fn === 'Fn::Not') {
    const [only] = operands;
    if (operands.length !== 1 || only === undefined) return new Unresolved('malformed Fn::Not');
    return only instanceof Unresolved ? only : !only;
  }
  if (fn === 'Fn::And' || fn === 'Fn::Or') {
    const decisive = fn === 'Fn::Or';
    if (operands.includes(decisive)) return decisive;
    const unknownOperand = operands.find((o) => o instanceof Unresolved);
    return unknownOperand ?? !decisive;
  }
  const value = resolveIntrinsic(node, ctx);
  if (typeof value === 'boolean' || value instanceof Unresolved) return value;
  return new Unresolved(`condition ${fn} did not give true or false`);
}
