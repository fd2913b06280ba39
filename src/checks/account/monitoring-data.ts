import { z } from 'zod';
import data from './cis-monitoring.json' with { type: 'json' };

const event = z.record(z.string(), z.unknown());
const sample = z.strictObject({ label: z.string().min(1), event });

const recommendation = z.strictObject({
  /** CIS AWS Foundations v4.0.1 recommendation number. */
  cis: z.string().regex(/^4\.\d+$/),
  /** The Security Hub control for the same pairing, where one exists. */
  fsbp: z
    .string()
    .regex(/^CloudWatch\.\d+$/)
    .optional(),
  checkId: z.string().regex(/^cloudwatch-alarm-[a-z0-9-]+$/),
  title: z.string().min(1),
  /** What the filter watches for, as a message says it ("IAM policy changes"). */
  watches: z.string().min(1),
  rationale: z.string().min(1),
  note: z.string().optional(),
  severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
  /** Fields every sample of this recommendation shares, laid over the file's defaults. */
  base: event,
  catches: z.array(sample).optional(),
  /** Shorthand: one sample per CloudTrail event name. */
  eventNames: z.array(z.string().regex(/^[A-Za-z0-9]+$/)).optional(),
  /** A filter pattern that passes, for the remediation; generated from eventNames when absent. */
  filterPattern: z.string().optional(),
});

export const monitoringDataSchema = z.strictObject({
  description: z.string(),
  defaults: event,
  /** An ordinary call no recommendation is about: a filter that matches it alarms on everything. */
  routine: sample,
  recommendations: z.array(recommendation).min(1),
});

export type MonitoringData = z.infer<typeof monitoringDataSchema>;
export type MonitoringRecommendation = z.infer<typeof recommendation>;

export interface SampleEvent {
  label: string;
  event: Record<string, unknown>;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge: objects merge key by key, anything else in `over` replaces. */
export function mergeEvent(
  under: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    out[key] = isPlainObject(below) && isPlainObject(value) ? mergeEvent(below, value) : value;
  }
  return out;
}

/** The complete sample events a filter must catch for one recommendation. */
export function catchesOf(rec: MonitoringRecommendation, file: MonitoringData = MONITORING): SampleEvent[] {
  const base = mergeEvent(file.defaults, rec.base);
  const named = (rec.eventNames ?? []).map((eventName) => ({ label: eventName, event: { eventName } }));
  return [...(rec.catches ?? []), ...named].map((s) => ({
    label: s.label,
    event: mergeEvent(base, s.event),
  }));
}

/** The routine call no alarmed filter should match. */
export function routineOf(file: MonitoringData = MONITORING): SampleEvent {
  return { label: file.routine.label, event: mergeEvent(file.defaults, file.routine.event) };
}

/** The remediation's filter pattern: the data's own, or one built from the event names. */
export function filterPatternOf(rec: MonitoringRecommendation): string {
  if (rec.filterPattern) return rec.filterPattern;
  const source = String(rec.base.eventSource ?? '');
  const names = (rec.eventNames ?? []).map((n) => `($.eventName = "${n}")`).join(' || ');
  return source ? `{ ($.eventSource = "${source}") && (${names}) }` : `{ ${names} }`;
}

// Compiled into the package and validated against the schema by its test (monitoring.test.ts), so
// starting the CLI does not validate it again.
export const MONITORING: MonitoringData = data as MonitoringData;
