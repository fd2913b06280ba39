/**
 * JSON documents (most generated templates: CDK, SAM, Troposphere): JSON.parse builds the body,
 * natively and many times faster than a YAML reader, and a scan of the text reports to a
 * LineRecorder the node events js-yaml's listener would see for the same text, so the lines are
 * exactly those of js-yaml's reading. Whatever JSON.parse refuses (comments, trailing commas, tags:
 * all YAML) or reads differently from YAML (duplicate keys, huge integers) goes to js-yaml.
 */
import { type LineIndex, LineRecorder } from './line-recorder.js';
import { MAX_DEPTH, NL, UNSUPPORTED, withUnixLineBreaks } from './reader-support.js';

/** Reads a document that is one JSON object; undefined when js-yaml should read the text instead. */
export function readJsonDocument(text: string): { body: unknown; lines: LineIndex } | undefined {
  const input = withUnixLineBreaks(text);
  if (input === undefined) return undefined;
  const start = input.search(/\S/);
  // The object must open a line: js-yaml reads a scalar's end differently when it does not.
  if (start < 0 || input.charCodeAt(start) !== 123 || (start > 0 && input.charCodeAt(start - 1) !== NL))
    return undefined;
  let body: unknown;
  try {
    body = JSON.parse(input);
  } catch {
    return undefined;
  }
  const recorder = new LineRecorder();
  try {
    new JsonLineScanner(input, recorder).scanDocument(start, body);
  } catch {
    // UNSUPPORTED, or a flaw of this scanner: either way js-yaml reads the text.
    return undefined;
  }
  return { body, lines: recorder.index() };
}

/** Walks the text of a document JSON.parse accepted, beside the body it built. */
class JsonLineScanner {
  private pos = 0;
  private line = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly recorder: LineRecorder,
  ) {}

  scanDocument(start: number, body: unknown): void {
    this.skipWhitespace();
    if (this.pos !== start) throw UNSUPPORTED;
    this.node(body);
  }

  private skipWhitespace(): void {
    const { text } = this;
    for (;;) {
      const code = text.charCodeAt(this.pos);
      if (code === NL) this.line += 1;
      else if (code !== 32 && code !== 9) return;
      this.pos += 1;
    }
  }

  /** One value, as a node of its own; `value` is what JSON.parse made of it. */
  private node(value: unknown): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw UNSUPPORTED;
    this.recorder.open();
    const code = this.text.charCodeAt(this.pos);
    let closeLine: number;
    if (code === 123) closeLine = this.object(value as Record<string, unknown>);
    else if (code === 91) closeLine = this.array(value as unknown[]);
    else if (code === 34) {
      this.skipString();
      closeLine = this.line;
    } else {
      this.skipLiteral();
      // js-yaml's plain scalar in a flow collection looks past the line break for its end, and
      // closes on the line of the `,` `]` or `}` that follows.
      this.skipWhitespace();
      closeLine = this.line;
    }
    this.recorder.close(value, closeLine + 1);
    this.depth -= 1;
  }

  private object(object: Record<string, unknown>): number {
    this.pos += 1;
    let entries = 0;
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) === 125) break;
      const key = this.readKey();
      const keyLine = this.line;
      this.recorder.leaf(key, keyLine + 1);
      this.skipWhitespace();
      // YAML wants a key and its colon on one line.
      if (this.line !== keyLine) throw UNSUPPORTED;
      this.pos += 1; // the colon
      this.skipWhitespace();
      this.node(object[key]);
      entries += 1;
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) === 44) this.pos += 1;
    }
    // Duplicate keys: JSON.parse kept the last value only, and the scan cannot see the others.
    if (Object.keys(object).length !== entries) throw UNSUPPORTED;
    this.pos += 1;
    return this.line;
  }

  private array(array: unknown[]): number {
    this.pos += 1;
    let index = 0;
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) === 93) break;
      this.node(array[index]);
      index += 1;
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) === 44) this.pos += 1;
    }
    this.pos += 1;
    return this.line;
  }

  private readKey(): string {
    const start = this.pos;
    const hasEscape = this.skipString();
    const key = hasEscape
      ? (JSON.parse(this.text.slice(start, this.pos)) as string)
      : this.text.slice(start + 1, this.pos - 1);
    if (key === '__proto__') throw UNSUPPORTED;
    return key;
  }

  /** Skips a string (JSON.parse has checked it); tells whether it holds an escape. */
  private skipString(): boolean {
    const { text } = this;
    let hasEscape = false;
    let pos = this.pos + 1;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === 34) break;
      if (code === 92) {
        hasEscape = true;
        pos += 2;
      } else {
        pos += 1;
      }
    }
    this.pos = pos + 1;
    return hasEscape;
  }

  /** A number, true, false or null. */
  private skipLiteral(): void {
    const { text } = this;
    const start = this.pos;
    let pos = start;
    for (;;) {
      const code = text.charCodeAt(pos);
      const isLiteral =
        (code >= 48 && code <= 57) ||
        (code >= 97 && code <= 122) ||
        code === 45 ||
        code === 43 ||
        code === 46 ||
        code === 69;
      if (!isLiteral) break;
      pos += 1;
    }
    // Integers past 2^53 may round differently in js-yaml's integer parsing than in JSON.parse,
    // and YAML reads -0 as the integer 0.
    const length = pos - start;
    if (length > 15 && /^-?\d+$/.test(text.slice(start, pos))) throw UNSUPPORTED;
    if (length === 2 && text.startsWith('-0', start)) throw UNSUPPORTED;
    // YAML keeps a float that overflows (1e400) as a string; JSON.parse makes it Infinity.
    const first = text.charCodeAt(start);
    if ((first === 45 || (first >= 48 && first <= 57)) && !Number.isFinite(Number(text.slice(start, pos))))
      throw UNSUPPORTED;
    this.pos = pos;
  }
}
