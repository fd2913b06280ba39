import { relative } from 'node:path';
import pc from 'picocolors';
import type { CheckResult, Severity } from '../model/result.js';
import { severityRank } from '../model/result.js';
import type { SourceRef } from '../model/value.js';
import type { ScanReport } from './scan-report.js';

/** Area id prefixes in the order a reader meets them, with the heading each gets. */
const AREA_GROUPS: ReadonlyArray<[prefix: string, heading: string]> = [
  ['iam', 'Identity and access'],
  ['net', 'Network exposure'],
  ['data', 'Data protection'],
  ['log', 'Logging and monitoring'],
  ['det', 'Logging and monitoring'],
  ['os', 'Patching and hardening'],
  ['rt', 'Patching and hardening'],
  ['res', 'Backup and resilience'],
];

export interface TextOptions {
  color: boolean;
  /** Also list passing results. */
  showPassing: boolean;
  cwd: string;
}

function headingOf(area: string): string {
  const prefix = area.split('.')[0] ?? area;
  return AREA_GROUPS.find(([p]) => p === prefix)?.[1] ?? 'Other';
}

function where(source: SourceRef | undefined, cwd: string): string {
  if (!source?.file) return source?.arn ?? '';
  const file = relative(cwd, source.file) || source.file;
  return source.line ? `${file}:${source.line}` : file;
}

/** Names and messages come from templates and accounts: strip control characters before printing. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing them is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

export function renderText(report: ScanReport, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const sevColor = (s: Severity) =>
    s === 'critical' || s === 'high' ? c.red : s === 'medium' ? c.yellow : c.dim;
  const out: string[] = [];
  const sources = report.scan.sources
    .map((s) => (s.kind === 'cloudformation' ? relative(options.cwd, s.location) || s.location : s.location))
    .join(', ');
  out.push(c.bold(`whoowns ${report.tool.version}`) + c.dim(` · ${sources}`));
  out.push(
    `${report.summary.resourcesAssessed} resources assessed, ${report.summary.resourcesNotAssessed} not assessed, ` +
      `${report.scan.checks.length} checks, ${(report.scan.durationMs / 1000).toFixed(2)} s`,
  );
  const live = report.scan.live;
  if (live) {
    out.push(`AWS account ${live.account} as ${clean(live.callerArn)}, ${live.requests} API requests`);
    if (live.partial)
      out.push(
        c.yellow('Partial scan: some calls failed (see COULD NOT READ); results they decide are UNKNOWN.'),
      );
  }
  out.push(c.bold(`Who owns what: ${report.responsibilities.text}.`));
  const shown = report.results.filter((r) => r.status !== 'PASS' || options.showPassing);
  const groups = new Map<string, CheckResult[]>();
  for (const r of shown) {
    const heading = headingOf(r.area);
    groups.set(heading, [...(groups.get(heading) ?? []), r]);
  }
  const order = [...new Set(AREA_GROUPS.map(([, h]) => h)), 'Other'];
  for (const heading of order) {
    const items = groups.get(heading);
    if (!items?.length) continue;
    const passed = report.results.filter((r) => headingOf(r.area) === heading && r.status === 'PASS').length;
    out.push('', c.bold(`${heading.toUpperCase()}`) + c.dim(` (yours to do; ${passed} passed)`));
    items.sort(
      (a, b) =>
        statusRank(a.status) - statusRank(b.status) ||
        severityRank(b.severity) - severityRank(a.severity) ||
        a.checkId.localeCompare(b.checkId),
    );
    for (const r of items) {
      const status =
        r.status === 'FAIL'
          ? c.red('FAIL')
          : r.status === 'PASS'
            ? c.green('PASS')
            : c.yellow(r.status === 'ERROR' ? 'ERR ' : 'UNKN');
      const loc = where(r.evidence ?? r.resource.source, options.cwd);
      out.push(
        `  ${status} ${sevColor(r.severity)(r.severity.padEnd(8))} ${r.checkId}  ${c.bold(clean(r.resource.name))}  ${c.dim(loc)}`,
      );
      out.push(`       ${clean(r.message)}`);
      if (r.status === 'FAIL') out.push(c.dim(`       fix: ${r.remediation}`));
    }
  }
  out.push(...renderOwnership(report, c));
  if (report.problems.length) {
    out.push('', c.bold('COULD NOT READ'));
    for (const p of report.problems) out.push(`  ${c.yellow('!')} ${clean(p.message)} ${c.dim(p.where)}`);
  }
  if (report.notAssessed.length) {
    const types = new Map<string, number>();
    for (const u of report.notAssessed) types.set(u.type, (types.get(u.type) ?? 0) + 1);
    const list = [...types.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => (n > 1 ? `${t} ×${n}` : t));
    out.push('', c.bold('NOT ASSESSED') + c.dim(' (types whoowns does not model yet; check them yourself)'));
    out.push(`  ${list.join(', ')}`);
  }
  const { results: counts, failures } = report.summary;
  const failText = (Object.entries(failures) as [Severity, number][])
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  out.push('');
  out.push(
    `${c.red(`${counts.FAIL} failed`)}${failText ? ` (${failText})` : ''}, ${c.green(`${counts.PASS} passed`)}, ` +
      `${c.yellow(`${counts.UNKNOWN} unknown`)}${counts.ERROR ? `, ${counts.ERROR} errors` : ''}`,
  );
  if (report.scan.failOn !== 'none') {
    out.push(
      report.summary.failed
        ? c.red(`Result: failures at or above ${report.scan.failOn} (exit 1)`)
        : c.green(`Result: nothing at or above ${report.scan.failOn} failed (exit 0)`),
    );
  }
  return `${out.join('\n')}\n`;
}

const MAX_RESOURCES_LISTED = 60;

/** One line per resource: the areas that are the customer's, marked verified, failing or unverified. */
function renderOwnership(report: ScanReport, c: ReturnType<typeof pc.createColors>): string[] {
  const { resources } = report.responsibilities;
  if (resources.length === 0) return [];
  const out = [
    '',
    c.bold('YOUR PART, RESOURCE BY RESOURCE') +
      c.dim(' (✓ verified  ✗ failing  ? no check could tell  ✎ attested)'),
  ];
  if (resources.length > MAX_RESOURCES_LISTED) {
    out.push(
      `  ${resources.length} resources: see --format json (responsibilities) or whoowns responsibilities`,
    );
    return out;
  }
  const mark = {
    verified: c.green('✓'),
    failing: c.red('✗'),
    unverified: c.yellow('?'),
    attested: c.cyan('✎'),
  } as const;
  const width = Math.min(36, Math.max(...resources.map((r) => clean(r.name).length)));
  for (const r of resources) {
    const areas = r.customerAreas.map((a) => `${a.area}${mark[a.status]}`).join(' ');
    out.push(`  ${clean(r.name).padEnd(width)}  ${c.dim(`${r.service}, ${r.category}`)}  ${areas}`);
  }
  if (report.responsibilities.account.length) {
    const areas = report.responsibilities.account.map((a) => `${a.area}${mark[a.status]}`).join(' ');
    out.push(`  ${'(account)'.padEnd(width)}  ${c.dim('account-wide')}  ${areas}`);
  }
  return out;
}

function statusRank(status: CheckResult['status']): number {
  return ['FAIL', 'ERROR', 'UNKNOWN', 'PASS'].indexOf(status);
}
