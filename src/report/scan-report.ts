import type { Inventory, SourceProblem, UnmodeledResource } from '../model/inventory.js';
import type { CheckResult, Severity, Status } from '../model/result.js';
import { severityRank } from '../model/result.js';
import type { OwnershipSummary } from '../responsibility/summarize.js';

export const REPORT_SCHEMA_VERSION = '1.0.0';

export interface ScannedSource {
  kind: Inventory['source']['kind'];
  location: string;
  resources: number;
}

/** The whole outcome of one scan: what `--format json` prints (see docs/report-schema.json). */
export interface ScanReport {
  schemaVersion: string;
  tool: { name: 'whoowns'; version: string };
  scan: {
    startedAt: string;
    durationMs: number;
    sources: ScannedSource[];
    checks: string[];
    failOn: Severity | 'none';
    /** Live scans: who scanned what, how many requests it took, and whether some calls failed. */
    live?: LiveScanSummary;
  };
  summary: {
    resourcesAssessed: number;
    resourcesNotAssessed: number;
    results: Record<Status, number>;
    /** FAIL results per severity. */
    failures: Record<Severity, number>;
    /** True when a FAIL at or above failOn exists: the CLI then exits 1. */
    failed: boolean;
  };
  /** Who owns what: per resource, the areas the customer has a part in and their status. */
  responsibilities: OwnershipSummary;
  results: CheckResult[];
  notAssessed: UnmodeledResource[];
  notCreated: UnmodeledResource[];
  problems: SourceProblem[];
}

export interface LiveScanSummary {
  account: string;
  callerArn: string;
  requests: number;
  /** Requests per API operation (`service:Operation`), to see what a scan costs and where. */
  operations: Record<string, number>;
  /** Some calls failed (access denied, not enabled, throttled…): affected results are UNKNOWN. */
  partial: boolean;
}

export interface ReportInput {
  version: string;
  startedAt: Date;
  durationMs: number;
  inventories: readonly Inventory[];
  checkIds: readonly string[];
  results: readonly CheckResult[];
  failOn: Severity | 'none';
  ownership: OwnershipSummary;
  live?: LiveScanSummary;
}

export function isFailing(result: CheckResult, failOn: Severity | 'none'): boolean {
  return (
    failOn !== 'none' && result.status === 'FAIL' && severityRank(result.severity) >= severityRank(failOn)
  );
}

export function buildScanReport(input: ReportInput): ScanReport {
  const results: Record<Status, number> = { PASS: 0, FAIL: 0, UNKNOWN: 0, ERROR: 0 };
  const failures: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const r of input.results) {
    results[r.status] += 1;
    if (r.status === 'FAIL') failures[r.severity] += 1;
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'whoowns', version: input.version },
    scan: {
      startedAt: input.startedAt.toISOString(),
      durationMs: Math.round(input.durationMs),
      sources: input.inventories.map((i) => ({
        kind: i.source.kind,
        location: i.source.location,
        resources: i.resources.length,
      })),
      checks: [...input.checkIds],
      failOn: input.failOn,
      ...(input.live ? { live: input.live } : {}),
    },
    summary: {
      resourcesAssessed: input.inventories.reduce((n, i) => n + i.resources.length, 0),
      resourcesNotAssessed: input.inventories.reduce((n, i) => n + i.unmodeled.length, 0),
      results,
      failures,
      failed: input.results.some((r) => isFailing(r, input.failOn)),
    },
    responsibilities: input.ownership,
    results: [...input.results],
    notAssessed: input.inventories.flatMap((i) => i.unmodeled),
    notCreated: input.inventories.flatMap((i) => i.notCreated),
    problems: input.inventories.flatMap((i) => i.problems),
  };
}
