/**
 * A fast reader for the YAML that CloudFormation templates are written in, several times faster
 * than js-yaml on a cold process. It reads a strict subset: block mappings and sequences, flow
 * collections, plain scalars on one line, quoted scalars on one line, block scalars, and local
 * tags (`!Ref`). Anything else (anchors and aliases, multi-line plain or quoted scalars, explicit
 * keys, tabs, directives, more than one document, keys that are not strings, very deep nesting)
 * makes it give up, and the caller reads the whole text with js-yaml instead. It never reports a
 * syntax error of its own: js-yaml remains the judge of what is invalid.
 *
 * It reports the same node events as js-yaml's listener to a LineRecorder (including the node
 * js-yaml composes around a block sequence item while it tries to read a mapping key), so the
 * lines are the same whichever reader ran. A test holds both equal on AWS's public templates.
 */
import { type LineIndex, LineRecorder } from './line-recorder.js';
import { cannotStartPlain, FAST_READER_AVAILABLE, resolvePlain, ScalarReader } from './fast-scalar-reader.js';
import {
  isBreakOrEnd,
  isSpaceBreakOrEnd,
  MAX_DEPTH,
  NL,
  SPACE,
  UNSUPPORTED,
  withUnixLineBreaks,
} from './reader-support.js';

/** Builds the value of a node with a local tag, e.g. `!Ref x` → `{ Ref: 'x' }`. */
export type TagConstructor = (tag: string, data: unknown) => unknown;

// The same characters js-yaml refuses anywhere in a document (control characters are the point).
const NON_PRINTABLE =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/**
 * Reads `text` as one YAML document whose top is a block mapping, with duplicate keys allowed
 * (the last value wins, as js-yaml's `json` option does). Returns undefined when the text is
 * outside the subset this reader knows.
 */
export function readBlockYaml(
  text: string,
  constructTag: TagConstructor,
): { body: unknown; lines: LineIndex } | undefined {
  if (!FAST_READER_AVAILABLE) return undefined;
  let input = withUnixLineBreaks(text);
  if (input === undefined || input.includes('\t') || NON_PRINTABLE.test(input)) return undefined;
  // As js-yaml does: the last line ends with a line break (it matters to block scalars).
  if (input.length > 0 && !input.endsWith('\n')) input += '\n';
  const recorder = new LineRecorder();
  try {
    const body = new BlockReader(input, recorder, constructTag).readDocument();
    return { body, lines: recorder.index() };
  } catch {
    // UNSUPPORTED, or a flaw of this reader: either way js-yaml reads the text.
    return undefined;
  }
}

class BlockReader extends ScalarReader {
  private depth = 0;
  private documentStarted = false;
  /** 1-based line js-yaml would stand on when the node just read closes (scalars: their line). */
  private closeLine = 0;
  /** Indentation of the line `pos` stands on after a node, or -1 at the end of the text. */
  private indent = -1;

  constructor(
    text: string,
    private readonly recorder: LineRecorder,
    private readonly constructTag: TagConstructor,
  ) {
    super(text);
  }

  readDocument(): unknown {
    let indent = this.skipBlankLines();
    if (indent === 0 && this.text.startsWith('---', this.pos) && this.isSpaceBreakOrEndAt(this.pos + 3)) {
      this.pos += 3;
      this.finishLine();
      this.documentStarted = true;
      indent = this.nextContentLine();
    }
    this.documentStarted = true;
    // js-yaml takes `---` as the start marker even with text glued to it (`---x: 1` is `{x: 1}`).
    if (indent === 0 && (this.text.startsWith('---', this.pos) || this.text.startsWith('...', this.pos)))
      throw UNSUPPORTED;
    if (indent !== 0 || !this.isKeyStart()) throw UNSUPPORTED;
    this.open();
    const body = this.readBlockMapping(0);
    this.close(body, this.line + 1);
    if (this.indent !== -1) throw UNSUPPORTED;
    return body;
  }

  // --- node events ----------------------------------------------------------------------------

  private open(): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw UNSUPPORTED;
    this.recorder.open();
  }

  private close(result: unknown, line: number): void {
    this.depth -= 1;
    this.recorder.close(result, line);
  }

  // --- lines ----------------------------------------------------------------------------------

  private isSpaceBreakOrEndAt(at: number): boolean {
    return isSpaceBreakOrEnd(this.text.charCodeAt(at));
  }

  /** From a line start, skips empty and comment lines; returns the indentation of the next line with content. */
  private skipBlankLines(): number {
    const { text } = this;
    for (;;) {
      const lineStart = this.pos;
      this.skipSpaces();
      const code = text.charCodeAt(this.pos);
      if (Number.isNaN(code)) return (this.indent = -1);
      if (code === 35) {
        const lineEnd = text.indexOf('\n', this.pos);
        if (lineEnd < 0) return (this.indent = -1);
        this.pos = lineEnd;
      }
      if (text.charCodeAt(this.pos) === NL) {
        this.pos += 1;
        this.line += 1;
        continue;
      }
      const marker =
        this.pos === lineStart && (text.startsWith('---', lineStart) || text.startsWith('...', lineStart));
      if (marker && this.isSpaceBreakOrEndAt(lineStart + 3)) {
        // Only the first document's start marker; an end marker or a second document is js-yaml's.
        if (this.documentStarted || text.charCodeAt(lineStart) !== 45) throw UNSUPPORTED;
      }
      return (this.indent = this.pos - lineStart);
    }
  }

  /** From a line break (or the end), moves to the next line with content. */
  private nextContentLine(): number {
    if (this.pos >= this.text.length) return (this.indent = -1);
    this.pos += 1;
    this.line += 1;
    return this.skipBlankLines();
  }

  /** After a node: only spaces and a comment may follow on its line. Leaves `pos` at the line break. */
  private finishLine(): void {
    const { text } = this;
    this.skipSpaces();
    const code = text.charCodeAt(this.pos);
    if (isBreakOrEnd(code)) return;
    if (code !== 35 || text.charCodeAt(this.pos - 1) !== SPACE) throw UNSUPPORTED;
    const lineEnd = text.indexOf('\n', this.pos);
    this.pos = lineEnd < 0 ? text.length : lineEnd;
  }

  /** The rest of the line is empty or a comment. */
  private atLineEnd(): boolean {
    const code = this.code();
    return isBreakOrEnd(code) || (code === 35 && this.code(this.pos - 1) === SPACE);
  }

  private isSequenceEntry(): boolean {
    return this.code() === 45 && this.isSpaceBreakOrEndAt(this.pos + 1);
  }

  /** Whether the line from `pos` is `key: …` with a one-line plain or quoted key. */
  private isKeyStart(): boolean {
    const { text } = this;
    const first = this.code();
    let at = this.pos;
    if (first === 39 || first === 34) {
      const saved = this.pos;
      if (first === 39) this.readSingleQuoted();
      else this.readDoubleQuoted();
      at = this.pos;
      this.pos = saved;
      while (text.charCodeAt(at) === SPACE) at += 1;
      return text.charCodeAt(at) === 58 && this.isSpaceBreakOrEndAt(at + 1);
    }
    // A flow collection, tag, anchor, alias or block scalar is not a plain key (`[a]: b` is js-yaml's).
    if (cannotStartPlain(first)) return false;
    if ((first === 45 || first === 63 || first === 58) && this.isSpaceBreakOrEndAt(at + 1)) return false;
    for (;;) {
      const code = text.charCodeAt(at);
      if (isBreakOrEnd(code)) return false;
      if (code === 58 && this.isSpaceBreakOrEndAt(at + 1)) return true;
      if (code === 35 && text.charCodeAt(at - 1) === SPACE) return false;
      at += 1;
    }
  }

  // --- block collections ----------------------------------------------------------------------

  /** A block mapping whose keys stand at column `indent`; `pos` is at its first key. */
  private readBlockMapping(indent: number): Record<string, unknown> {
    const mapping: Record<string, unknown> = {};
    for (;;) {
      const keyLine = this.line;
      const key = this.readKey();
      this.recorder.leaf(key, keyLine + 1);
      this.open();
      const value = this.readMappingValue(indent);
      this.close(value, this.closeLine);
      mapping[key] = value;
      if (this.indent < indent) return mapping;
      if (this.indent > indent || this.isSequenceEntry()) throw UNSUPPORTED;
    }
  }

  /**
   * A mapping key, quoted or plain, and the spaces after it; leaves `pos` at what should be its
   * colon. Keys that are not strings (`1:`, `true:`) and `__proto__` are js-yaml's.
   */
  private readKeyText(inFlow: boolean): string {
    const first = this.code();
    let key: string;
    if (first === 39 || first === 34) {
      key = first === 39 ? this.readSingleQuoted() : this.readDoubleQuoted();
    } else {
      const resolved = resolvePlain(this.readPlain(inFlow));
      if (this.plainEnd !== 'inline' || typeof resolved !== 'string') throw UNSUPPORTED;
      key = resolved;
    }
    if (key === '__proto__') throw UNSUPPORTED;
    this.skipSpaces();
    return key;
  }

  /** `key:` at `pos`; leaves `pos` after the colon. */
  private readKey(): string {
    const key = this.readKeyText(false);
    if (this.code() !== 58 || !this.isSpaceBreakOrEndAt(this.pos + 1)) throw UNSUPPORTED;
    this.pos += 1;
    return key;
  }

  private readMappingValue(indent: number): unknown {
    this.skipSpaces();
    if (!this.atLineEnd()) return this.readInlineNode(indent);
    this.finishLine();
    const next = this.nextContentLine();
    if (next > indent) return this.readNodeOnNewLine(indent);
    if (next === indent && this.isSequenceEntry()) return this.readBlockSequence(indent);
    this.closeLine = this.line + 1;
    return null;
  }

  /** A block sequence whose dashes stand at column `indent`; `pos` is at its first dash. */
  private readBlockSequence(indent: number): unknown[] {
    const sequence: unknown[] = [];
    for (;;) {
      this.pos += 1;
      this.open();
      this.skipSpaces();
      let item: unknown;
      if (this.atLineEnd()) {
        this.finishLine();
        if (this.nextContentLine() <= indent) throw UNSUPPORTED; // an empty item
        item = this.readNodeOnNewLine(indent);
      } else if (this.isSequenceEntry()) {
        item = this.readBlockSequence(this.column());
      } else {
        item = this.readNodeOnNewLine(indent);
      }
      this.close(item, this.closeLine);
      sequence.push(item);
      if (this.indent < indent) return sequence;
      if (this.indent > indent) throw UNSUPPORTED;
      if (!this.isSequenceEntry()) return sequence;
    }
  }

  private column(): number {
    return this.pos - (this.text.lastIndexOf('\n', this.pos - 1) + 1);
  }

  /**
   * A node where block collections may start: first on its own line, or a sequence item.
   * `parentIndent` is the indentation of the collection it belongs to.
   */
  private readNodeOnNewLine(parentIndent: number): unknown {
    const code = this.code();
    if (this.isSequenceEntry()) return this.readBlockSequence(this.column());
    if (code === 33) return this.readTagged(parentIndent);
    if (code === 38 || code === 42) throw UNSUPPORTED;
    if (this.isKeyStart()) return this.readBlockMapping(this.column());
    // js-yaml first tries the node as a block-mapping key, inside a node of its own.
    this.open();
    const value = this.readInlineContent(parentIndent, false, true);
    this.close(value, this.closeLine);
    return value;
  }

  // --- nodes on one line ----------------------------------------------------------------------

  private readInlineNode(parentIndent: number): unknown {
    const code = this.code();
    if (code === 33) return this.readTagged(parentIndent);
    if (code === 38 || code === 42) throw UNSUPPORTED;
    return this.readInlineContent(parentIndent, false, false);
  }

  private readTagged(parentIndent: number): unknown {
    const tag = this.readTag();
    this.skipSpaces();
    if (!this.atLineEnd()) {
      const data = this.readInlineContent(parentIndent, true, false);
      return this.constructTag(tag, data);
    }
    this.finishLine();
    const next = this.nextContentLine();
    if (this.code() === 33 || (next === parentIndent && this.isSequenceEntry())) throw UNSUPPORTED;
    if (next > parentIndent) return this.constructTag(tag, this.readNodeOnNewLine(parentIndent));
    // A tag with nothing under it (`!GetAZs` alone): js-yaml closes it on the next line with content.
    this.closeLine = this.line + 1;
    return this.constructTag(tag, null);
  }

  /**
   * A scalar or flow collection that starts at `pos`, then the rest of its line; moves on to the
   * next line with content. `inKeyAttempt`: the node sits in the extra node js-yaml composes
   * around a block sequence item, which matters only for block scalars (see below).
   */
  private readInlineContent(parentIndent: number, tagged: boolean, inKeyAttempt: boolean): unknown {
    const code = this.code();
    const line = this.line;
    let value: unknown;
    if (code === 91 || code === 123) {
      value = this.readFlowCollection(parentIndent);
    } else if (code === 39 || code === 34) {
      value = code === 39 ? this.readSingleQuoted() : this.readDoubleQuoted();
      this.closeLine = line + 1;
    } else if (code === 124 || code === 62) {
      if (inKeyAttempt && !tagged) {
        // js-yaml's key attempt closed empty on the indicator's line before it read the block scalar.
        this.recorder.close(null, line + 1);
        this.recorder.open();
      }
      const { value: blockValue, endLine } = this.readBlockScalar(parentIndent);
      this.closeLine = endLine + 1;
      this.nextContentLine();
      return blockValue;
    } else {
      const raw = this.readPlain(false);
      value = tagged ? raw : resolvePlain(raw);
      this.closeLine = (this.plainEnd === 'break' ? this.lineAfterPlainScalar(parentIndent) : line) + 1;
    }
    this.finishLine();
    this.nextContentLine();
    return value;
  }

  /**
   * The line js-yaml stands on after a plain scalar that ran to its line's end: it looks past empty
   * lines for a continuation, more indented than `parentIndent`. Content there would continue the
   * scalar (unsupported); a comment there ends it, but on the comment's line.
   */
  private lineAfterPlainScalar(parentIndent: number): number {
    const { text } = this;
    let at = text.indexOf('\n', this.pos);
    let line = this.line;
    while (at >= 0) {
      line += 1;
      let indent = 0;
      while (text.charCodeAt(at + 1 + indent) === SPACE) indent += 1;
      const code = text.charCodeAt(at + 1 + indent);
      if (Number.isNaN(code)) return this.line;
      if (code === NL) {
        at += 1 + indent;
        continue;
      }
      if (indent <= parentIndent) return this.line;
      if (code === 35) return line;
      throw UNSUPPORTED;
    }
    return this.line;
  }

  // --- flow collections -----------------------------------------------------------------------

  /** `[…]` or `{…}`, possibly over several lines indented deeper than `parentIndent`. */
  private readFlowCollection(parentIndent: number): unknown {
    const isMapping = this.code() === 123;
    const terminator = isMapping ? 125 : 93;
    const mapping: Record<string, unknown> = {};
    const sequence: unknown[] = [];
    this.pos += 1;
    for (;;) {
      this.skipFlowSpace(parentIndent);
      if (this.code() === terminator) break;
      if (isMapping) {
        const keyLine = this.line;
        const key = this.readFlowKey();
        this.recorder.leaf(key, keyLine + 1);
        this.pos += 1; // the colon
        this.skipFlowSpace(parentIndent);
        this.open();
        const value = this.readFlowNode(parentIndent);
        this.close(value, this.line + 1);
        mapping[key] = value;
      } else {
        this.open();
        const item = this.readFlowNode(parentIndent);
        this.close(item, this.line + 1);
        sequence.push(item);
      }
      this.skipFlowSpace(parentIndent);
      const code = this.code();
      if (code === 44) this.pos += 1;
      else if (code !== terminator) throw UNSUPPORTED;
    }
    this.pos += 1;
    this.closeLine = this.line + 1;
    return isMapping ? mapping : sequence;
  }

  /** Spaces, comments and line breaks inside a flow collection; its lines must be indented. */
  private skipFlowSpace(parentIndent: number): void {
    const { text } = this;
    for (;;) {
      this.skipSpaces();
      const code = this.code();
      if (code === 35 && this.code(this.pos - 1) === SPACE) {
        const lineEnd = text.indexOf('\n', this.pos);
        this.pos = lineEnd < 0 ? text.length : lineEnd;
        continue;
      }
      if (code !== NL) {
        if (Number.isNaN(code)) throw UNSUPPORTED;
        return;
      }
      this.pos += 1;
      this.line += 1;
      const lineStart = this.pos;
      this.skipSpaces();
      const next = this.code();
      if (next !== NL && next !== 35 && this.pos - lineStart <= Math.max(parentIndent, 0)) throw UNSUPPORTED;
    }
  }

  /** `key:` in a flow mapping; leaves `pos` at the colon. */
  private readFlowKey(): string {
    const key = this.readKeyText(true);
    if (this.code() !== 58) throw UNSUPPORTED;
    return key;
  }

  private readFlowNode(parentIndent: number): unknown {
    const code = this.code();
    if (code === 33) {
      const tag = this.readTag();
      if (this.code() !== SPACE) throw UNSUPPORTED;
      this.skipSpaces();
      if (this.atLineEnd()) throw UNSUPPORTED;
      return this.constructTag(tag, this.readFlowContent(parentIndent, true));
    }
    return this.readFlowContent(parentIndent, false);
  }

  private readFlowContent(parentIndent: number, tagged: boolean): unknown {
    const code = this.code();
    if (code === 91 || code === 123) return this.readFlowCollection(parentIndent);
    if (code === 39) return this.readSingleQuoted();
    if (code === 34) return this.readDoubleQuoted();
    const raw = this.readPlain(true);
    if (this.plainEnd !== 'inline' || raw === '') throw UNSUPPORTED;
    // `[a: b]` is a one-pair mapping in YAML; leave such things to js-yaml.
    if (this.code() === 58) throw UNSUPPORTED;
    return tagged ? raw : resolvePlain(raw);
  }
}
