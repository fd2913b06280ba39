/**
 * `whoowns responsibilities` in the terminal: per service and resource, what AWS carries, what is
 * yours and whether it is done; `--explain` adds the trail of layers that decided each owner.
 */
import pc from 'picocolors';
import type {
  AreaResponsibility,
  AreaStatus,
  ResourceResponsibility,
  ResponsibilityMap,
} from '../responsibility/types.js';
import { clean, where } from './terminal.js';

export interface ResponsibilitiesTextOptions {
  color: boolean;
  cwd: string;
  /** Show the resolution trail under every area. */
  explain: boolean;
  providerName: string;
  /** The provider's attestations that back every inherited area, listed once. */
  attestationNames: readonly string[];
}

type Colors = ReturnType<typeof pc.createColors>;

const MARK: Record<AreaStatus, string> = {
  verified: '✓',
  failing: '✗',
  unverified: '?',
  attested: '✎',
  inherited: '·',
  'n/a': '-',
};

function colorFor(c: Colors, status: AreaStatus): (s: string) => string {
  if (status === 'verified') return c.green;
  if (status === 'failing') return c.red;
  if (status === 'unverified') return c.yellow;
  if (status === 'attested') return c.cyan;
  return c.dim;
}

function trailLine(a: AreaResponsibility): string {
  return a.trail.map((t) => `${t.layer} ${t.id}: ${t.owner}`).join(' → ');
}

function customerLine(a: AreaResponsibility, c: Colors, explain: boolean): string[] {
  const mark = colorFor(c, a.status)(`${MARK[a.status]} ${a.status.padEnd(10)}`);
  const how = a.owner === 'shared' ? `shared, you ${a.customerAction}` : `yours, ${a.customerAction}`;
  const out = [`      ${mark} ${a.area.padEnd(20)} ${c.dim(`(${how})`)} ${clean(a.customerPart ?? '')}`];
  const detail: string[] = [];
  if (a.evidence.checkIds.length > 0) {
    const counts = `${a.evidence.pass} pass, ${a.evidence.fail} fail, ${a.evidence.unknown + a.evidence.error} unknown`;
    detail.push(`checks: ${a.evidence.checkIds.join(', ')} (${counts})`);
  } else if (a.attestationOnly) {
    detail.push('no check exists: attest it in whoowns.yaml');
  }
  if (a.performedBy) detail.push(`performed by ${clean(a.performedBy)}`);
  for (const e of a.userEntries ?? [])
    detail.push(`${e.kind} by ${clean(e.owner)} (${e.file}:${e.line}, expires ${e.expires})`);
  if (a.defaultSatisfied) detail.push("AWS's default already meets this unless changed");
  if (a.note) detail.push(a.note);
  if (detail.length > 0) out.push(c.dim(`                   ${detail.join('; ')}`));
  if (explain) out.push(c.dim(`                   why: ${trailLine(a)}`));
  return out;
}

function resourceBlock(r: ResourceResponsibility, options: ResponsibilitiesTextOptions, c: Colors): string[] {
  const loc = where(r.resource.source, options.cwd);
  const tags = [
    ...(r.variants.length > 0 ? [`variant ${r.variants.join(', ')}`] : []),
    ...(r.assessed ? [] : ['not assessed by any check']),
  ];
  const out = [
    `    ${c.bold(clean(r.resource.name))} ${c.dim(r.resource.type)}${loc ? c.dim(`  ${loc}`) : ''}${
      tags.length ? c.yellow(`  [${tags.join('; ')}]`) : ''
    }`,
  ];
  const inherited = r.areas.filter((a) => a.status === 'inherited');
  if (inherited.length > 0) {
    // AWS's reports are listed once at the top; here only a party other than AWS is named.
    const parties = [...new Set(inherited.map((a) => a.inheritedFrom?.party ?? ''))].filter(
      (p) => p && p !== options.providerName,
    );
    out.push(c.dim(`      AWS carries ${inherited.length}: ${inherited.map((a) => a.area).join(' ')}`));
    if (parties.length > 0)
      out.push(c.dim(`        carried by (your override): ${parties.map(clean).join(', ')}`));
    if (options.explain)
      for (const a of inherited)
        out.push(c.dim(`        ${a.area}: ${clean(a.providerPart ?? '')} (why: ${trailLine(a)})`));
  }
  for (const a of r.areas.filter((x) => x.owner === 'customer' || x.owner === 'shared'))
    out.push(...customerLine(a, c, options.explain));
  const na = r.areas.filter((a) => a.status === 'n/a');
  if (na.length > 0) out.push(c.dim(`      n/a: ${na.map((a) => a.area).join(' ')}`));
  return out;
}

export function renderResponsibilitiesText(
  map: ResponsibilityMap,
  options: ResponsibilitiesTextOptions,
): string {
  const c = pc.createColors(options.color);
  const out: string[] = [c.bold(map.headline.text)];
  out.push(
    c.dim('  ✓ verified  ✗ failing  ? unverified (no check could tell)  ✎ attested  · inherited from AWS'),
  );
  out.push(c.dim(`  what AWS carries is backed by: ${options.attestationNames.join('; ')}`));
  const byService = new Map<string, ResourceResponsibility[]>();
  for (const r of map.resources) byService.set(r.service, [...(byService.get(r.service) ?? []), r]);
  for (const [service, resources] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    const first = resources[0];
    if (!first) continue;
    out.push(
      '',
      c.bold(`${first.serviceName}`) +
        c.dim(
          ` (${service}, ${first.category}) · ${resources.length} resource${resources.length === 1 ? '' : 's'}`,
        ),
    );
    for (const r of resources) out.push(...resourceBlock(r, options, c));
  }
  if (map.account.length > 0) {
    out.push('', c.bold('ACCOUNT-WIDE') + c.dim(' (answered once per account)'));
    for (const a of map.account) {
      if (a.owner === 'customer' || a.owner === 'shared') out.push(...customerLine(a, c, options.explain));
      else out.push(c.dim(`      ${MARK[a.status]} ${a.area} (${a.status})`));
    }
  }
  if (map.notAssessed.length > 0) {
    const types = [...new Set(map.notAssessed.map((n) => n.type))].sort();
    out.push('', c.bold('NOT IN THE CATALOG') + c.dim(' (no owner can be given; check them yourself)'));
    out.push(`  ${types.join(', ')}`);
  }
  const cfg = map.userConfig;
  if (cfg) {
    const applied = cfg.applied.length;
    out.push('', c.bold('YOUR WHOOWNS.YAML') + c.dim(` (${cfg.file})`));
    out.push(
      `  ${applied} entr${applied === 1 ? 'y' : 'ies'} applied, ${cfg.expired.length} expired, ${cfg.unmatched.length} matched nothing`,
    );
    for (const e of cfg.expired)
      out.push(
        c.yellow(
          `  ! ${cfg.file}:${e.line}: ${e.kind} for ${e.area} expired on ${e.expires}; it no longer counts`,
        ),
      );
    for (const e of cfg.unmatched)
      out.push(c.yellow(`  ! ${cfg.file}:${e.line}: ${e.kind} for ${e.area} matched no customer part`));
  }
  const notes = map.warnings.filter((w) => !cfg || !w.startsWith(`${cfg.file}:`));
  if (notes.length > 0) {
    out.push('', c.bold('NOTES'));
    for (const w of notes) out.push(c.dim(`  ${clean(w)}`));
  }
  return `${out.join('\n')}\n`;
}
