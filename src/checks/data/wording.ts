import type { SourceRef, Value } from '../../model/value.js';
import type { Verdict } from '../check.js';
import { judge } from '../check.js';

/** " (line 42)" when the source knows the line, so a message can be acted on without the report. */
export function at(source: SourceRef | undefined): string {
  return source?.line !== undefined ? ` (line ${source.line})` : '';
}

/** Joins names as "A, B and C". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A template token as a reader would say it: `{{Key}}` is the resource Key, `{{unresolved:..}}` unknown. */
export function shown(value: string): string {
  if (!value.includes('{{')) return value;
  return value.replace(/\{\{unresolved:[^}]*\}\}/g, '(set at deployment)').replace(/\{\{([^}]+)\}\}/g, '$1');
}

/** `judge`, with the subject named in an UNKNOWN message so it reads on its own in a report. */
export function judgeFor<T>(
  subject: string,
  value: Value<T>,
  decide: (v: T, origin: 'explicit' | 'default') => Verdict,
): Verdict {
  const verdict = judge(value, decide);
  return value.known ? verdict : { ...verdict, message: `${subject}: ${verdict.message}` };
}
