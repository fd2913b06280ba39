/**
 * Remembers the line of every mapping key and sequence item while a YAML reader composes a
 * document. Both readers (js-yaml through its listener, and the fast block reader) report the
 * same events: a node opens, its children open and close in document order, the node closes with
 * its result and the line the reader stands on. The children a mapping collected, in order, are
 * its keys and values.
 */

export interface LineIndex {
  /** 1-based line of `key` inside `container`, when the parser saw it. */
  lineOf(container: object, key: string | number): number | undefined;
}

/**
 * Per container: for a sequence, the line of each item; for a mapping, its keys and their lines
 * as `[key, line, key, line…]` (most mappings have a handful of keys, and a Map apiece would
 * cost more than the scan), or a Map once it has more than SMALL_MAPPING keys.
 */
type KeyLines = Map<object, Map<string | number, number> | number[] | Array<string | number>>;
const SMALL_MAPPING = 12;

/**
 * Allocates nothing per scalar: the children of the open nodes live in three flat arrays (result,
 * closing line, first line), and `starts` remembers where each open node's children begin.
 */
export class LineRecorder {
  private readonly keyLines: KeyLines = new Map();
  private readonly results: unknown[] = [];
  private readonly closeLines: number[] = [];
  // The line a finding about the node should name: a mapping's first key, a sequence's first item.
  private readonly firstLines: number[] = [];
  private readonly starts: number[] = [];
  private top = 0; // children of open nodes occupy [0, top) of the three arrays

  open(): void {
    this.starts.push(this.top);
  }

  /** Closes the innermost open node; returns how many children it had. `line` is 1-based. */
  close(result: unknown, line: number): number {
    const start = this.starts.pop() ?? this.top;
    const childCount = this.top - start;
    // js-yaml composes a flow collection in a block sequence item inside a second node with the
    // same result (it first tries to read it as a block-mapping key): the inner node already
    // recorded the real children, and the outer one must not replace them with its single child.
    const rewraps = childCount === 1 && this.results[start] === result;
    if (childCount > 0 && result !== null && typeof result === 'object' && !rewraps) {
      this.keyLines.set(result, this.childLines(result, start, this.top));
    }
    const first = childCount > 0 ? (this.firstLines[start] as number) : line;
    this.results[start] = result;
    this.closeLines[start] = line;
    this.firstLines[start] = first;
    this.top = start + 1;
    return childCount;
  }

  /** A node without children (a scalar, or a tag around one): the same as open() then close(). */
  leaf(result: unknown, line: number): void {
    const at = this.top;
    this.results[at] = result;
    this.closeLines[at] = line;
    this.firstLines[at] = line;
    this.top = at + 1;
  }

  private childLines(
    result: object,
    start: number,
    end: number,
  ): Map<string | number, number> | number[] | Array<string | number> {
    if (Array.isArray(result)) return this.firstLines.slice(start, end);
    const { results, closeLines } = this;
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

  /** The finished index; the recorder's scratch arrays are released. */
  index(): LineIndex {
    this.results.length = 0;
    this.closeLines.length = 0;
    this.firstLines.length = 0;
    this.starts.length = 0;
    const keyLines = this.keyLines;
    return {
      lineOf: (container, key) => {
        const lines = keyLines.get(container);
        if (lines === undefined) return undefined;
        if (!Array.isArray(lines)) return lines.get(key);
        if (Array.isArray(container)) return typeof key === 'number' ? (lines[key] as number) : undefined;
        // Mapping keys are strings; a caller may ask with a number.
        const wanted = typeof key === 'number' ? String(key) : key;
        for (let i = 0; i < lines.length; i += 2)
          if (lines[i] === wanted || lines[i] === key) return lines[i + 1] as number;
        return undefined;
      },
    };
  }
}
