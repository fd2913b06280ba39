/**
 * What the fast readers (block YAML, JSON) share: how they give up, how deep they go, and the
 * text they read, with line breaks as js-yaml counts them.
 */

/** Thrown (never escapes a reader) when the text is outside what the fast readers read. */
export const UNSUPPORTED = new Error('text outside the fast readers subset');

// js-yaml refuses documents deeper than 100 nodes; stay well below and let it judge those.
export const MAX_DEPTH = 80;

export const NL = 10;
export const SPACE = 32;

export function isBreakOrEnd(code: number): boolean {
  return code === NL || Number.isNaN(code);
}

export function isSpaceBreakOrEnd(code: number): boolean {
  return code === SPACE || code === NL || Number.isNaN(code);
}

/**
 * The text without a byte order mark and with `\r\n` as `\n`, as js-yaml reads it; undefined when
 * a lone `\r` remains (a line break for YAML that the readers do not count).
 */
export function withUnixLineBreaks(text: string): string | undefined {
  let input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (input.includes('\r')) input = input.replace(/\r\n/g, '\n');
  return input.includes('\r') ? undefined : input;
}
