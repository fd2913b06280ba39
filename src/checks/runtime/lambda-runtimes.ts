import { z } from 'zod';
import table from './lambda-runtimes.json' with { type: 'json' };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const runtimeTableSchema = z.object({
  /** The day the table was checked against AWS's page; "deprecated" is judged as of this day. */
  asOf: isoDate,
  source: z.url(),
  note: z.string().optional(),
  runtimes: z.record(
    z.string().min(1),
    z.strictObject({
      /** When Lambda stops patching the runtime; null while AWS has scheduled none. */
      deprecation: isoDate.nullable(),
      successor: z.string().optional(),
    }),
  ),
});

export type RuntimeTable = z.infer<typeof runtimeTableSchema>;

// Compiled into the package and validated against the schema by its test (runtime-checks.test.ts),
// so starting the CLI does not validate it again.
export const LAMBDA_RUNTIMES: RuntimeTable = table as RuntimeTable;

export type RuntimeStatus =
  | { kind: 'deprecated'; since: string; successor?: string }
  | { kind: 'supported'; until: string | null }
  | { kind: 'not-listed' };

/**
 * A runtime's status as of the table's own `asOf` date, not today's, so a scan gives the same answer
 * on any day; refreshing the table is how new deprecations reach users.
 */
export function runtimeStatus(runtime: string, runtimes: RuntimeTable = LAMBDA_RUNTIMES): RuntimeStatus {
  const entry = runtimes.runtimes[runtime];
  if (!entry) return { kind: 'not-listed' };
  if (entry.deprecation !== null && entry.deprecation <= runtimes.asOf) {
    return {
      kind: 'deprecated',
      since: entry.deprecation,
      ...(entry.successor ? { successor: entry.successor } : {}),
    };
  }
  return { kind: 'supported', until: entry.deprecation };
}
