import yaml from 'js-yaml';

/** Positions of mapping keys, so any property can be traced back to its line. */
export interface LineIndex {
  /** 1-based line of `key` inside `container`, when the parser saw it. */
  lineOf(container: object, key: string | number): number | undefined;
}

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
const SHORT_FORM_TAGS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  GetAtt: 'Fn::GetAtt',
  Sub: 'Fn::Sub',
  Join: 'Fn::Join',
  If: 'Fn::If',
  Select: 'Fn::Select',
  FindInMap: 'Fn::FindInMap',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  Split: 'Fn::Split',
  Base64: 'Fn::Base64',
  GetAZs: 'Fn::GetAZs',
  ImportValue: 'Fn::ImportValue',
  Cidr: 'Fn::Cidr',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
  Transform: 'Fn::Transform',
  ForEach: 'Fn::ForEach',
};

function shortFormTypes(): yaml.Type[] {
  const types: yaml.Type[] = [];
  for (const [tag, longForm] of Object.entries(SHORT_FORM_TAGS)) {
    for (const kind of ['scalar', 'sequence', 'mapping'] as const) {
      types.push(
        new yaml.Type(`!${tag}`, {
          kind,
          construct: (data: unknown) => {
            // `!GetAtt Resource.Attribute` is the one short form whose scalar needs splitting.
            if (tag === 'GetAtt' && typeof data === 'string') {
              const dot = data.indexOf('.');
              return { [longForm]: dot < 0 ? [data] : [data.slice(0, dot), data.slice(dot + 1)] };
            }
            return { [longForm]: data ?? '' };
          },
        }),
      );
    }
  }
  // Any other tag (Rain directives, macro-specific tags) is kept as `{ '!Tag': data }`, which the
  // resolver reports as unknown instead of failing the whole file.
  for (const kind of ['scalar', 'sequence', 'mapping'] as const) {
    types.push(
      new yaml.Type('!', {
        kind,
        multi: true,
        construct: (data: unknown, tag?: string) => ({ [tag ?? '!']: data ?? '' }),
      }),
    );
  }
  return types;
}

const CFN_SCHEMA = yaml.CORE_SCHEMA.extend(shortFormTypes());

/** Aliases are legal YAML but never needed by CloudFormation; a handful is plenty. */
const MAX_ALIASES = 1000;

interface OpenNode {
  children: Array<{ result: unknown; line: number }>;
}

/**
 * Parses a YAML or JSON template (JSON is YAML) and records the line of every mapping key.
 * Throws TemplateParseError with the parser's own line and column on bad syntax.
 */
export function parseTemplate(text: string, file: string): ParsedTemplate {
  const keyLines = new WeakMap<object, Map<string | number, number>>();
  const stack: OpenNode[] = [];
  let aliases = 0;
  const listener = (event: 'open' | 'close', state: yaml.State & Record<string, unknown>) => {
    if (event === 'open') {
      stack.push({ children: [] });
      return;
    }
    const node = stack.pop();
    const result = state.result as unknown;
    const line = (state.line as number) + 1;
    if (state.kind === null && result !== null && typeof result === 'object' && node?.children.length === 0) {
      aliases += 1; // an alias node: it produced an object without reading any children
      if (aliases > MAX_ALIASES) {
        throw new TemplateParseError(file, `more than ${MAX_ALIASES} YAML aliases (possible alias bomb)`);
      }
    }
    stack.at(-1)?.children.push({ result, line });
    if (node && result !== null && typeof result === 'object') recordChildLines(result, node, keyLines);
  };
  let body: unknown;
  try {
    body = yaml.load(text, { schema: CFN_SCHEMA, filename: file, listener: listener as never, json: true });
  } catch (error) {
    if (error instanceof TemplateParseError) throw error;
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark;
      const where = mark ? `line ${mark.line + 1}, column ${mark.column + 1}` : 'unknown position';
      throw new TemplateParseError(file, `invalid YAML/JSON at ${where}: ${error.reason}`);
    }
    throw error;
  }
  return {
    body,
    lines: { lineOf: (container, key) => keyLines.get(container)?.get(key) },
  };
}

function recordChildLines(
  result: object,
  node: OpenNode,
  keyLines: WeakMap<object, Map<string | number, number>>,
): void {
  const lines = new Map<string | number, number>();
  if (Array.isArray(result)) {
    // Sequence items: the line where each item closed; for a mapping item, its first key's line.
    node.children.forEach((child, index) => {
      const first =
        child.result && typeof child.result === 'object' ? firstKeyLine(child.result, keyLines) : undefined;
      lines.set(index, first ?? child.line);
    });
  } else {
    for (let i = 0; i + 1 < node.children.length; i += 2) {
      const key = node.children[i];
      if (key && (typeof key.result === 'string' || typeof key.result === 'number'))
        lines.set(key.result, key.line);
    }
  }
  if (!keyLines.has(result)) keyLines.set(result, lines);
}

function firstKeyLine(
  obj: object,
  keyLines: WeakMap<object, Map<string | number, number>>,
): number | undefined {
  const lines = keyLines.get(obj);
  if (!lines) return undefined;
  for (const line of lines.values()) return line;
  return undefined;
}
