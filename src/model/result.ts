import type { SourceRef } from './value.js';

export type Status = 'PASS' | 'FAIL' | 'UNKNOWN' | 'ERROR';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

/** The resource a result is about, as reports show it. */
export interface ResultResource {
  id: string;
  type: string;
  name: string;
  arn?: string;
  region?: string;
  account?: string;
  source: SourceRef;
}

export interface CheckResult {
  checkId: string;
  status: Status;
  severity: Severity;
  area: string;
  title: string;
  /** What was seen, specific to this resource. */
  message: string;
  remediation: string;
  resource: ResultResource;
  /** Where the deciding value was read (may differ from the resource's own position). */
  evidence?: SourceRef;
}
