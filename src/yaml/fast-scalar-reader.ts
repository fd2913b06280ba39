/**
 * The scalar half of the fast YAML reader (see fast-block-reader.ts): quoted, plain and block
 * scalars, and tags. Every method reads from `pos` in `text` and leaves `pos` after what it read.
 * Anything outside the subset it knows throws UNSUPPORTED, and the whole text goes to js-yaml.
 */
import yaml from 'js-yaml';
import { isSpaceBreakOrEnd, isBreakOrEnd, NL, SPACE, UNSUPPORTED } from './reader-support.js';

const HASH = 35;
const COLON = 58;
const QUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;

/** The core schema's implicit types, in js-yaml's order, so plain scalars resolve exactly alike. */
const implicitTypes = (() => {
  const types = (yaml as unknown as { types?: Record<string, yaml.Type | undefined> }).types;
  const list = [types?.null, types?.bool, types?.int, types?.float];
  return list.every((type) => type !== undefined) ? (list as yaml.Type[]) : undefined;
})();

/** False when this js-yaml does not expose its types: the fast reader then never runs. */
export const FAST_READER_AVAILABLE = implicitTypes !== undefined;

const DOUBLE_QUOTE_ESCAPES: Record<string, string> = {
  '0': '\x00',
  a: '\x07',
  b: '\x08',
  t: '\t',
  n: '\n',
  v: '\x0B',
  f: '\x0C',
  r: '\r',
  e: '\x1B',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xA0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

function isFlowIndicator(code: number): boolean {
  return code === 44 || code === 91 || code === 93 || code === 123 || code === 125;
}

/** Characters that cannot begin a plain scalar (YAML indicators), as js-yaml refuses them. */
export function cannotStartPlain(code: number): boolean {
  switch (code) {
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case QUOTE:
    case DQUOTE:
    case 37: // %
    case 64: // @
    case 96: // `
      return true;
    default:
      return isSpaceBreakOrEnd(code);
  }
}

/** The value of an untagged plain scalar under the core schema: null, boolean, number or string. */
export function resolvePlain(raw: string): unknown {
  const first = raw.charCodeAt(0);
  const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  // Only null (~, null), booleans (true, false) and numbers can resolve to something else.
  if (
    isLetter &&
    first !== 110 &&
    first !== 78 &&
    first !== 116 &&
    first !== 84 &&
    first !== 102 &&
    first !== 70
  )
    return raw;
  for (const type of implicitTypes ?? []) if (type.resolve(raw)) return type.construct(raw);
  return raw;
}

export class ScalarReader {
  pos = 0;
  /** 0-based line of `pos`. */
  line = 0;

  constructor(readonly text: string) {}

  protected code(at = this.pos): number {
    return this.text.charCodeAt(at);
  }

  protected skipSpaces(): void {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos += 1;
  }

  /** `'…'` on one line; `''` is a quote. */
  protected readSingleQuoted(): string {
    const { text } = this;
    let out = '';
    let start = this.pos + 1;
    const found = text.indexOf('\n', start);
    const lineEnd = found < 0 ? text.length : found;
    for (;;) {
      const quote = text.indexOf("'", start);
      if (quote < 0 || quote > lineEnd) throw UNSUPPORTED; // spans lines
      if (text.charCodeAt(quote + 1) === QUOTE) {
        out += text.slice(start, quote + 1);
        start = quote + 2;
        continue;
      }
      this.pos = quote + 1;
      return out + text.slice(start, quote);
    }
  }

  /** `"…"` on one line, with YAML's escapes. */
  protected readDoubleQuoted(): string {
    const { text } = this;
    let out = '';
    let pos = this.pos + 1;
    let start = pos;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === DQUOTE) {
        this.pos = pos + 1;
        return out + text.slice(start, pos);
      }
      if (isBreakOrEnd(code)) throw UNSUPPORTED;
      if (code !== BACKSLASH) {
        pos += 1;
        continue;
      }
      out += text.slice(start, pos);
      const escape = text.charAt(pos + 1);
      const simple = Object.hasOwn(DOUBLE_QUOTE_ESCAPES, escape) ? DOUBLE_QUOTE_ESCAPES[escape] : undefined;
      const hexLength = Object.hasOwn(HEX_ESCAPE_LENGTH, escape) ? (HEX_ESCAPE_LENGTH[escape] as number) : 0;
      if (simple !== undefined) {
        out += simple;
        pos += 2;
      } else if (hexLength > 0) {
        const hex = text.slice(pos + 2, pos + 2 + hexLength);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength) throw UNSUPPORTED;
        const codePoint = Number.parseInt(hex, 16);
        if (codePoint > 0x10ffff) throw UNSUPPORTED;
        out += String.fromCodePoint(codePoint);
        pos += 2 + hexLength;
      } else {
        throw UNSUPPORTED; // unknown escape, or a line continuation
      }
      start = pos;
    }
  }

  /** How the last plain scalar ended: at a line break, at a comment, or elsewhere on its line. */
  protected plainEnd: 'break' | 'comment' | 'inline' = 'inline';

  /**
   * A plain scalar on one line, raw (unresolved); `plainEnd` tells how it ended. In a flow
   * collection it also ends at `,[]{}` and at `:` before one of them.
   */
  protected readPlain(inFlow: boolean): string {
    const { text } = this;
    const first = text.charCodeAt(this.pos);
    if (cannotStartPlain(first)) throw UNSUPPORTED;
    if (first === 63 || first === 45 || first === COLON) {
      const next = text.charCodeAt(this.pos + 1);
      if (isSpaceBreakOrEnd(next) || (inFlow && isFlowIndicator(next))) throw UNSUPPORTED;
    }
    const start = this.pos;
    let pos = start;
    let end = start; // after the last non-space character
    let ended: 'break' | 'comment' | 'inline' = 'inline';
    for (;;) {
      const code = text.charCodeAt(pos);
      if (isBreakOrEnd(code)) {
        ended = 'break';
        break;
      }
      if (code === COLON) {
        const next = text.charCodeAt(pos + 1);
        if (isSpaceBreakOrEnd(next) || (inFlow && isFlowIndicator(next))) break;
      } else if (code === HASH) {
        if (text.charCodeAt(pos - 1) === SPACE) {
          ended = 'comment';
          break;
        }
      } else if (inFlow && isFlowIndicator(code)) {
        break;
      }
      pos += 1;
      if (code !== SPACE) end = pos;
    }
    this.pos = end;
    this.plainEnd = ended;
    return text.slice(start, end);
  }

  /** `!Name`: a local tag. Anything fancier (`!!str`, `!<…>`, `!a!b`) is unsupported. */
  protected readTag(): string {
    const { text } = this;
    let pos = this.pos + 1;
    const first = text.charCodeAt(pos);
    if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) throw UNSUPPORTED;
    for (;;) {
      const code = text.charCodeAt(pos);
      // Letters, digits and `:_.-` (Rain's `!Rain::Embed`); js-yaml reads `!a!b` and `%xx` specially.
      const isNameCharacter =
        (code >= 48 && code <= 58) ||
        (code >= 65 && code <= 90) ||
        (code >= 97 && code <= 122) ||
        code === 95 ||
        code === 46 ||
        code === 45;
      if (isNameCharacter) pos += 1;
      else break;
    }
    if (!isSpaceBreakOrEnd(text.charCodeAt(pos))) throw UNSUPPORTED;
    const tag = text.slice(this.pos, pos);
    this.pos = pos;
    return tag;
  }

  /**
   * `|` or `>` with optional chomping and indentation indicators, then the indented lines below.
   * `parentIndent` is the indentation of the collection the scalar sits in. Leaves `pos` at the
   * line break before the first line that is not part of the scalar (or at the end) and returns
   * that line (0-based) with the value.
   */
  protected readBlockScalar(parentIndent: number): { value: string; endLine: number } {
    const { text } = this;
    const folded = text.charCodeAt(this.pos) === 62;
    let chomping: 'clip' | 'keep' | 'strip' = 'clip';
    let explicitIndent = 0;
    let pos = this.pos + 1;
    for (;;) {
      const code = text.charCodeAt(pos);
      if ((code === 43 || code === 45) && chomping === 'clip') chomping = code === 43 ? 'keep' : 'strip';
      else if (code >= 49 && code <= 57 && explicitIndent === 0) explicitIndent = code - 48;
      else break;
      pos += 1;
    }
    this.pos = pos;
    this.skipSpaces();
    pos = this.pos;
    if (text.charCodeAt(pos) === HASH && text.charCodeAt(pos - 1) === SPACE) {
      const lineEnd = text.indexOf('\n', pos);
      pos = lineEnd < 0 ? text.length : lineEnd;
    }
    if (!isBreakOrEnd(text.charCodeAt(pos))) throw UNSUPPORTED;
    let textIndent = explicitIndent > 0 ? parentIndent + explicitIndent : parentIndent + 1;
    let indentKnown = explicitIndent > 0;
    let value = '';
    let emptyLines = 0;
    let readContent = false;
    let moreIndented = false;
    let line = this.line;
    for (;;) {
      // `pos` is at a line break (or the end): look at the next line.
      const lineBreak = pos;
      pos += 1;
      line += 1;
      let indent = 0;
      while ((!indentKnown || indent < textIndent) && text.charCodeAt(pos) === SPACE) {
        indent += 1;
        pos += 1;
      }
      if (!indentKnown && indent > textIndent) textIndent = indent;
      const code = text.charCodeAt(pos);
      if (code === NL) {
        emptyLines += 1;
        continue;
      }
      if (textIndent <= 0) throw UNSUPPORTED;
      if (indent < textIndent || pos >= text.length) {
        if (chomping === 'keep') value += '\n'.repeat(readContent ? 1 + emptyLines : emptyLines);
        else if (chomping === 'clip' && readContent) value += '\n';
        this.pos = Math.min(lineBreak, text.length);
        this.line = line - 1;
        return { value, endLine: line };
      }
      if (!folded) value += '\n'.repeat(readContent ? 1 + emptyLines : emptyLines);
      else if (code === SPACE) {
        moreIndented = true;
        value += '\n'.repeat(readContent ? 1 + emptyLines : emptyLines);
      } else if (moreIndented) {
        moreIndented = false;
        value += '\n'.repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (readContent) value += ' ';
      } else {
        value += '\n'.repeat(emptyLines);
      }
      readContent = true;
      indentKnown = true;
      emptyLines = 0;
      const lineEnd = text.indexOf('\n', pos);
      const end = lineEnd < 0 ? text.length : lineEnd;
      value += text.slice(pos, end);
      pos = end;
    }
  }
}
