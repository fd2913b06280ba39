import type { SourceRef } from '../../model/value.js';

/** " (line 42)" when the source knows the line, so a message can be acted on without the report. */
export function at(source: SourceRef | undefined): string {
  return source?.line !== undefined ? ` (line ${source.line})` : '';
}

/** Joins names as "A, B and C". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
