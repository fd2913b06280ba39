/** Small helpers every terminal renderer needs: safe text and short source positions. */
import { relative } from 'node:path';
import type { SourceRef } from '../model/value.js';

/** Names and messages come from templates and accounts: strip control characters before printing. */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing them is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

export function where(source: SourceRef | undefined, cwd: string): string {
  if (!source?.file) return source?.arn ?? '';
  const file = relative(cwd, source.file) || source.file;
  return source.line ? `${file}:${source.line}` : file;
}
