import type { AwsAccount, CredentialReportRow, RegionalSettings } from '../../model/resources/index.js';
import type { KnownValue, SourceRef, Value } from '../../model/value.js';
import { cannotTell, type Verdict } from '../check.js';

/** The datum of a Value type (distributes over the union, so the unknown side adds nothing). */
type Inner<V> = V extends KnownValue<infer T> ? T : never;
type RegionalField = Exclude<keyof RegionalSettings, 'region'>;

/**
 * One verdict per scanned region for a regional setting; every message starts with the region, so
 * a report line reads on its own. An unknown region gives UNKNOWN with the reason, never FAIL.
 */
export function perRegion<K extends RegionalField>(
  account: AwsAccount,
  field: K,
  decide: (value: Inner<RegionalSettings[K]>, region: string, source: SourceRef) => Verdict,
): Verdict[] {
  if (account.regions.length === 0) return [cannotTell('no region was scanned', account.source)];
  return account.regions.map((settings) => {
    const value = settings[field] as Value<Inner<RegionalSettings[K]>>;
    if (!value.known) return cannotTell(`${settings.region}: ${value.reason}`, value.source);
    const verdict = decide(value.value, settings.region, value.source);
    return verdict.evidence ? verdict : { ...verdict, evidence: value.source };
  });
}

/** The credential report's IAM users, without the root user's row. */
export function reportUsers(account: AwsAccount): Value<CredentialReportRow[]> {
  const report = account.credentialReport;
  return report.known
    ? { ...report, value: report.value.filter((r) => r.user !== '<root_account>') }
    : report;
}

const DAY_MS = 86_400_000;

/** Whole days from an ISO date to `now`; undefined for a date that does not parse. */
export function daysSince(iso: string, now: Date): number | undefined {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : Math.floor((now.getTime() - at) / DAY_MS);
}

/** "a, b and 3 more": keeps a finding readable in an account with hundreds of users. */
export function someOf(items: readonly string[], max = 8): string {
  if (items.length <= 1) return items.join('');
  if (items.length <= max) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** "1 user" / "3 users". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Remediation snippet for settings CloudFormation cannot express. */
export function noTemplate(how: string): string {
  return `# CloudFormation has no resource for this account setting.\n# ${how}`;
}
