import yaml from 'js-yaml';
import { readBlockYaml } from '../../yaml/fast-block-reader.js';
import { readJsonDocument } from '../../yaml/fast-json-reader.js';
import { type LineIndex, loadYamlWithLines, TooManyAliasesError } from '../../yaml/load-with-lines.js';

export type { LineIndex } from '../../yaml/load-with-lines.js';

/** A template that parsed; `body` is plain JSON-shaped data with intrinsics in long form. */
export interface ParsedTemplate {
  body: unknown;
  lines: LineIndex;
}

export class TemplateParseError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'TemplateParseError';
  }
}

/** Short-form tags and the long-form key each becomes. */
const SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ['!GetAtt', 'Fn::GetAtt'],
  ['!Sub', 'Fn::Sub'],
  ['!Join', 'Fn::Join'],
  ['!If', 'Fn::If'],
  ['!Select', 'Fn::Select'],
  ['!FindInMap', 'Fn::FindInMap'],
  ['!Equals', 'Fn::Equals'],
  ['!Not', 'Fn::Not'],
  ['!And', 'Fn::And'],
  ['!Or', 'Fn::Or'],
  ['!Split', 'Fn::Split'],
  ['!Base64', 'Fn::Base64'],
  ['!GetAZs', 'Fn::GetAZs'],
  ['!ImportValue', 'Fn::ImportValue'],
  ['!Cidr', 'Fn::Cidr'],
  ['!Length', 'Fn::Length'],
  ['!ToJsonString', 'Fn::ToJsonString'],
  ['!Transform', 'Fn::Transform'],
  ['!ForEach', 'Fn::ForEach'],
]);

/**
 * The long form of a tagged node: `!Ref x` → `{ Ref: 'x' }`. Any other tag (Rain directives,
 * macro-specific tags) is kept as `{ '!Tag': data }`, which the resolver reports as unknown
 * instead of failing the whole file.
 */
export function constructShortForm(tag: string, data: unknown): unknown {
  const longForm = SHORT_FORMS.get(tag);
  if (longForm === undefined) return { [tag]: data ?? '' };
  // `!GetAtt Resource.Attribute` is the one short form whose scalar needs splitting.
  if (longForm === 'Fn::GetAtt' && typeof data === 'string') {
    const dot = data.indexOf('.');
    return { [longForm]: dot < 0 ? [data] : [data.slice(0, dot), data.slice(dot + 1)] };
  }
  return { [longForm]: data ?? '' };
}

function shortFormTypes(): yaml.Type[] {
  const types: yaml.Type[] = [];
  for (const kind of ['scalar', 'sequence', 'mapping'] as const) {
    for (const tag of SHORT_FORMS.keys()) {
      types.push(new yaml.Type(tag, { kind, construct: (data: unknown) => constructShortForm(tag, data) }));
    }
    types.push(
      new yaml.Type('!', {
        kind,
        multi: true,
        construct: (data: unknown, tag?: string) => constructShortForm(tag ?? '!', data),
      }),
    );
  }
  return types;
}

/** The YAML schema templates are read with: the core schema and the short-form tags. */
export const CFN_SCHEMA = yaml.CORE_SCHEMA.extend(shortFormTypes());

/** Aliases are legal YAML but never needed by CloudFormation; a handful is plenty. */
const MAX_ALIASES = 1000;

/**
 * Parses a YAML or JSON template (JSON is YAML) and records the line of every mapping key.
 * Throws TemplateParseError with the parser's own line and column on bad syntax.
 */
export function parseTemplate(text: string, file: string): ParsedTemplate {
  // Most templates are JSON or plain block YAML, which the fast readers know; they leave the rest
  // (and every error message) to js-yaml.
  const fast = /^\uFEFF?\s*\{/.test(text) ? readJsonDocument(text) : readBlockYaml(text, constructShortForm);
  if (fast !== undefined) return fast;
  try {
    return loadYamlWithLines(text, {
      schema: CFN_SCHEMA,
      filename: file,
      maxAliases: MAX_ALIASES,
      json: true,
    });
  } catch (error) {
    if (error instanceof TooManyAliasesError) {
      throw new TemplateParseError(file, `more than ${error.limit} YAML aliases (possible alias bomb)`);
    }
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark;
      const where = mark ? `line ${mark.line + 1}, column ${mark.column + 1}` : 'unknown position';
      throw new TemplateParseError(file, `invalid YAML/JSON at ${where}: ${error.reason}`);
    }
    throw error;
  }
}
