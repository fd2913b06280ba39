import { UserConfigError } from '../config/load-config.js';
import { TemplateParseError } from '../sources/cloudformation/index.js';
import { SnapshotError } from '../sources/snapshot/snapshot.js';

/** A mistake in how whoowns was called; exit code 2. */
export class UsageError extends Error {}

/** 0 clean; 1 a check at or above --fail-on failed; 2 usage or input error; 3 the live scan was partial. */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

/** One readable line for any error: the file or call it concerns, then what went wrong. */
export function describeError(error: unknown): string {
  if (error instanceof TemplateParseError) return `${error.file}: ${error.message}`;
  if (error instanceof UsageError) return error.message;
  // Every line matters here: each names the file, line and reason of one problem.
  if (error instanceof UserConfigError) return error.message;
  if (error instanceof SnapshotError) return `${error.file}: ${error.message}`;
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'unexpected error';
  return String(error);
}
