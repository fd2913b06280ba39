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

/**
 * Per container: for a sequence, the line of each item; for a mapping, its keys and their lines
 * as `[key, line, key, line…]` (most mappings have a handful of keys, and a Map apiece would
 * cost more than the scan), or a Map once it has more than SMALL_MAPPING keys.
 */
type KeyLines = WeakMap<object, Map<string | number, number> | number[] | Array<string | number>>;
const SMALL_MAPPING = 12;

/**
 * Throws js-yaml's YAMLException on bad syntax and TooManyAliasesError past the alias limit.
 *
 * The listener runs for every node of the document, so it allocates nothing per scalar: the
 * children of the open nodes live in three flat arrays (result, closing line, first line), and
 * `starts` remembers where each open node's children begin.
 */
export function loadYamlWithLines(text: string, options: LoadOptions): { body: unknown; lines: LineIndex } {
  const keyLines: KeyLines = new WeakMap();
  const results: unknown[] = [];
  const closeLines: number[] = [];
  // The line a finding about the node should name: a mapping's first key, a sequence's first item.
  const firstLines: number[] = [];
  const starts: number[] = [];
  let aliases = 0;
  let top = 0; // children of open nodes occupy [0, top) of the three arrays
  const listener = (event: 'open' | 'close', state: yaml.State & Record<string, unknown>) => {
    if (event === 'open') {
      starts.push(top);
      return;
    }
    const start = starts.pop() ?? top;
    const result = state.result as unknown;
    const line = (state.line as number) + 1;
    const childCount = top - start;
    if (result !== null && typeof result === 'object') {
      if (state.kind === null && childCount === 0) {
        aliases += 1; // an alias node: it produced an object without reading any children
        if (aliases > options.maxAliases) throw new TooManyAliasesError(line, options.maxAliases);
      }
      // A node closes once with its children; an alias closes again with none, keeping the anchor's lines.
      if (childCount > 0) keyLines.set(result, childLines(result, start, top));
    }
    const first = childCount > 0 ? (firstLines[start] as number) : line;
    results[start] = result;
    closeLines[start] = line;
    firstLines[start] = first;
    top = start + 1;
  };
  function childLines(
    result: object,
    start: number,
    end: number,
  ): Map<string | number, number> | number[] | Array<string | number> {
    if (Array.isArray(result)) return firstLines.slice(start, end);
    if (end - start <= 2 * SMALL_MAPPING) {
      const pairs: Array<string | number> = [];
      for (let i = start; i + 1 < end; i += 2) {
        const key = results[i];
        if (typeof key === 'string' || typeof key === 'number') pairs.push(key, closeLines[i] as number);
      }
      return pairs;
    }
    const lines = new Map<string | number, number>();
    for (let i = start; i + 1 < end; i += 2) {
      const key = results[i];
      if (typeof key === 'string' || typeof key === 'number') lines.set(key, closeLines[i] as number);
    }
    return lines;
  }
  const body = yaml.load(text, {
    schema: options.schema,
    filename: options.filename,
    listener: listener as never,
    ...(options.json ? { json: true } : {}),
  });
  // lineOf below shares this scope: do not keep the parser's scratch arrays alive with it.
  results.length = 0;
  closeLines.length = 0;
  firstLines.length = 0;
  return {
    body,
    lines: {
      lineOf: (container, key) => {
        const lines = keyLines.get(container);
        if (lines === undefined) return undefined;
        if (!Array.isArray(lines)) return lines.get(key);
        if (Array.isArray(container)) return typeof key === 'number' ? (lines[key] as number) : undefined;
        // js-yaml gives mapping keys as strings; a caller may ask with a number.
        const wanted = typeof key === 'number' ? String(key) : key;
        for (let i = 0; i < lines.length; i += 2)
          if (lines[i] === wanted || lines[i] === key) return lines[i + 1] as number;
        return undefined;
      },
    },
  };
}
