import type { SourceRef } from '../../model/value.js';
import { evaluateCondition, type ResolverContext, SsmParameterValue, Unresolved } from './intrinsics.js';
import type { LineIndex } from './parse-template.js';

export interface TemplateBody {
  Parameters?: Record<string, { Type?: string; Default?: unknown; NoEcho?: unknown }>;
  Conditions?: Record<string, unknown>;
  Mappings?: Record<string, unknown>;
  Resources: Record<string, { Type?: unknown; Properties?: unknown; Condition?: unknown }>;
  Transform?: unknown;
}

export interface TemplateOptions {
  /** Parameter values given by the user (`--parameters`), which win over defaults. */
  parameters?: Readonly<Record<string, string>>;
  region?: string;
  accountId?: string;
  /**
   * Properties to copy, per unmodeled resource type, so the responsibility map can tell
   * deployment variants apart (ECS launch type…). Only these are kept: others can hold secrets.
   */
  variantProperties?: ReadonlyMap<string, readonly string[]>;
  /** Upper bound on nodes the resolver may visit; protects against alias bombs. */
  nodeBudget?: number;
}

/** Everything a mapper needs to read one template: resolver context plus line lookup. */
export interface TemplateContext extends ResolverContext {
  file: string;
  body: TemplateBody;
  lines: LineIndex;
  /**
   * Where `path` (under the resource, or under its Properties when `underProperties`) was
   * written: the line of the deepest key of the path that exists. Equal places share one frozen
   * SourceRef, as a template's values point at a few thousand lines.
   */
  sourceOf(logicalId: string, path?: readonly (string | number)[], underProperties?: boolean): SourceRef;
}

/** Whether CloudFormation creates the resource: its Condition's value (true without one), or Unresolved. */
export function createdWhen(
  ctx: TemplateContext,
  declaration: { Condition?: unknown },
): boolean | Unresolved {
  return typeof declaration.Condition === 'string' ? ctx.conditionValue(declaration.Condition) : true;
}

/** Parameter value as CloudFormation would pass it, or Unresolved when only deployment knows. */
function parameterValue(
  name: string,
  declaration: { Type?: string; Default?: unknown },
  given: string | undefined,
): unknown {
  const type = typeof declaration.Type === 'string' ? declaration.Type : 'String';
  if (type.startsWith('AWS::SSM::Parameter::Value')) {
    const path = given ?? declaration.Default;
    return new SsmParameterValue(
      `parameter ${name} is read from SSM Parameter Store at deploy time`,
      typeof path === 'string' ? path : undefined,
    );
  }
  const raw = given ?? declaration.Default;
  if (raw === undefined || raw === null)
    return new Unresolved(`parameter ${name} has no default and no value was given`);
  const text = Array.isArray(raw) ? raw.map(String).join(',') : String(raw);
  if (type === 'CommaDelimitedList' || type.startsWith('List<')) {
    return text === '' ? [] : text.split(',').map((s) => s.trim());
  }
  return text;
}

export function createTemplateContext(
  file: string,
  body: TemplateBody,
  lines: LineIndex,
  options: TemplateOptions = {},
): TemplateContext {
  const parameters = new Map<string, unknown>();
  for (const [name, declaration] of Object.entries(body.Parameters ?? {})) {
    if (declaration && typeof declaration === 'object') {
      parameters.set(name, parameterValue(name, declaration, options.parameters?.[name]));
    }
  }
  const sources = new Map<string, Map<number | undefined, SourceRef>>();
  const internSource = (logicalId: string, line: number | undefined): SourceRef => {
    let byLine = sources.get(logicalId);
    if (!byLine) {
      byLine = new Map();
      sources.set(logicalId, byLine);
    }
    let ref = byLine.get(line);
    if (!ref) {
      ref = Object.freeze(line === undefined ? { file, logicalId } : { file, logicalId, line });
      byLine.set(line, ref);
    }
    return ref;
  };
  const conditionCache = new Map<string, boolean | Unresolved>();
  const evaluating = new Set<string>();
  const ctx: TemplateContext = {
    file,
    body,
    lines,
    parameters,
    resources: body.Resources,
    mappings: (body.Mappings ?? {}) as Record<string, unknown>,
    pseudo: {
      'AWS::Region': options.region,
      'AWS::AccountId': options.accountId,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
    },
    budget: { remaining: options.nodeBudget ?? 5_000_000 },
    conditionValue(name) {
      const cached = conditionCache.get(name);
      if (cached !== undefined) return cached;
      const expression = body.Conditions?.[name];
      if (expression === undefined) return new Unresolved(`condition ${name} is not defined`);
      if (evaluating.has(name)) return new Unresolved(`condition ${name} refers to itself`);
      evaluating.add(name);
      const value = evaluateCondition(expression, ctx);
      evaluating.delete(name);
      conditionCache.set(name, value);
      return value;
    },
    sourceOf(logicalId, path = [], underProperties = false) {
      let line = lines.lineOf(body.Resources, logicalId);
      let container: unknown = body.Resources[logicalId];
      const offset = underProperties && path.length > 0 ? 1 : 0;
      for (let i = 0; i < path.length + offset; i++) {
        const step = i < offset ? 'Properties' : (path[i - offset] as string | number);
        if (!container || typeof container !== 'object') break;
        const stepLine = lines.lineOf(container, step);
        if (stepLine === undefined) break;
        line = stepLine;
        container = (container as Record<string | number, unknown>)[step];
      }
      return internSource(logicalId, line);
    },
  };
  return ctx;
}
