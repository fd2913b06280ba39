import { SEVERITIES, type Severity } from '../model/result.js';
import { UsageError } from './errors.js';

export function parseSeverity(value: string, flag: string): Severity {
  const s = value.toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(s)) return s as Severity;
  throw new UsageError(`${flag}: "${value}" is not a severity (use ${SEVERITIES.join(', ')})`);
}

export function parseFailOn(value: string): Severity | 'none' {
  return value.toLowerCase() === 'none' ? 'none' : parseSeverity(value, '--fail-on');
}

/** Accepts repeated flags and comma-separated lists alike. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

export function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  const f = value.toLowerCase();
  if ((allowed as readonly string[]).includes(f)) return f as T;
  throw new UsageError(`--format: "${value}" is not one of ${allowed.join(', ')}`);
}
