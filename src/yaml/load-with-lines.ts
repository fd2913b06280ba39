/**
 * YAML loading that remembers the line of every mapping key and sequence item, so that errors
 * and findings can name their line. js-yaml's `listener` sees every node open and close; the
 * children a mapping collected, in order, are its keys and values.
 */
import yaml from 'js-yaml';

export interface LineIndex {
  /** 1-based line of `key` inside `container`, when the parser saw it. */
  lineOf(container: object, key: string | number): number | undefined;
}

/** More aliases than the caller allows: legal YAML, but the shape of an alias bomb. */
export class TooManyAliasesError extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`more than ${limit} YAML aliases`);
    this.name = 'TooManyAliasesError';
  }
}

export interface LoadOptions {
  schema: yaml.Schema;
  filename: string;
  maxAliases: number;
  json?: boolean;
}

interface OpenNode {
  children: Array<{ result: unknown; line: number }>;
}

type KeyLines = WeakMap<object, Map<string | number, number>>;

/** Throws js-yaml's YAMLException on bad syntax and TooManyAliasesError past the alias limit. */
export function loadYamlWithLines(text: string, options: LoadOptions): { body: unknown; lines: LineIndex } {
  const keyLines: KeyLines = new WeakMap();
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
      if (aliases > options.maxAliases) throw new TooManyAliasesError(line, options.maxAliases);
    }
    stack.at(-1)?.children.push({ result, line });
    if (node && result !== null && typeof result === 'object') recordChildLines(result, node, keyLines);
  };
  const body = yaml.load(text, {
    schema: options.schema,
    filename: options.filename,
    listener: listener as never,
    ...(options.json ? { json: true } : {}),
  });
  return { body, lines: { lineOf: (container, key) => keyLines.get(container)?.get(key) } };
}

function recordChildLines(result: object, node: OpenNode, keyLines: KeyLines): void {
  const lines = new Map<string | number, number>();
  if (Array.isArray(result)) {
    // Sequence items: the line where each item closed; for a mapping item, its first key's line.
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
