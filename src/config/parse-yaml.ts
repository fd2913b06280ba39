/**
 * Parses a small YAML document and remembers the line of every mapping key and sequence item, so
 * that a validation error can name the line it is about. The approach follows the template
 * parser (sources/cloudformation/parse-template.ts): js-yaml's `listener` sees every node close.
 */
import yaml from 'js-yaml';

export interface LineIndex {
  /** 1-based line of `key` inside `container`, when the parser saw it. */
  lineOf(container: object, key: string | number): number | undefined;
}

export class YamlSyntaxError extends Error {
  constructor(
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'YamlSyntaxError';
  }
}

/** A configuration file never needs aliases; a few are tolerated, an alias bomb is not. */
const MAX_ALIASES = 100;

interface OpenNode {
  children: Array<{ result: unknown; line: number }>;
}

export function parseYamlWithLines(text: string, file: string): { body: unknown; lines: LineIndex } {
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
      aliases += 1;
      if (aliases > MAX_ALIASES) throw new YamlSyntaxError(line, `more than ${MAX_ALIASES} YAML aliases`);
    }
    stack.at(-1)?.children.push({ result, line });
    if (node && result !== null && typeof result === 'object') record(result, node, keyLines);
  };
  try {
    // CORE_SCHEMA keeps dates as strings: the config's own schema decides what a date is.
    const body = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file, listener: listener as never });
    return { body, lines: { lineOf: (container, key) => keyLines.get(container)?.get(key) } };
  } catch (error) {
    if (error instanceof YamlSyntaxError) throw error;
    if (error instanceof yaml.YAMLException) {
      const line = error.mark ? error.mark.line + 1 : undefined;
      throw new YamlSyntaxError(line, `invalid YAML: ${error.reason}`);
    }
    throw error;
  }
}

function record(result: object, node: OpenNode, keyLines: WeakMap<object, Map<string | number, number>>) {
  const lines = new Map<string | number, number>();
  if (Array.isArray(result)) {
    node.children.forEach((child, index) => {
      const first =
        child.result && typeof child.result === 'object'
          ? keyLines.get(child.result)?.values().next().value
          : undefined;
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

/** The deepest line known along `path`, for an error about that path. */
export function lineAt(body: unknown, path: readonly PropertyKey[], lines: LineIndex): number | undefined {
  let node: unknown = body;
  let line: number | undefined;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || typeof key === 'symbol') break;
    line = lines.lineOf(node, key) ?? line;
    node = (node as Record<string | number, unknown>)[key];
  }
  return line;
}
