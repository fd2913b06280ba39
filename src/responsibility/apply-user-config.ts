/**
 * The last layer of the resolution: the user's whoowns.yaml. Overrides change who owns an area
 * (and join the trail); attestations answer customer parts no check could verify. Expired entries
 * stop counting and are reported; entries that match nothing are reported too.
 */
import type { Catalog } from '../catalog/load-catalog.js';
import type { Attestation, Located, Override, UserConfig } from '../config/schema.js';
import { customerHasPart, customerStatus, headlineOf, statusFor } from './status.js';
import type {
  AreaResponsibility,
  ResourceResponsibility,
  ResponsibilityMap,
  UserConfigReport,
  UserEntryRef,
} from './types.js';

type Entry = Located<Override> | Located<Attestation>;

function inScope(r: ResourceResponsibility, e: Entry): boolean {
  if (e.services && !e.services.includes(r.service)) return false;
  if (e.resources) {
    const names = [r.resource.id, r.resource.name, r.resource.arn].filter(Boolean);
    if (!e.resources.some((id) => names.includes(id))) return false;
  }
  return true;
}

function targets(map: ResponsibilityMap, e: Entry, catalog: Catalog): AreaResponsibility[] {
  if (catalog.areaById.get(e.area)?.scope === 'account') return map.account.filter((a) => a.area === e.area);
  return map.resources.filter((r) => inScope(r, e)).flatMap((r) => r.areas.filter((a) => a.area === e.area));
}

function refOf(kind: UserEntryRef['kind'], e: Entry, file: string, owner: string): UserEntryRef {
  return {
    kind,
    file,
    line: e.line,
    owner,
    ...(e.justification ? { justification: e.justification } : {}),
    ...(e.evidence ? { evidence: e.evidence } : {}),
    date: e.date,
    expires: e.expires,
  };
}

function applyOverride(
  entry: AreaResponsibility,
  o: Located<Override>,
  file: string,
  catalog: Catalog,
): void {
  const why = o.justification ?? o.evidence ?? 'see whoowns.yaml';
  const previous = { ...entry };
  entry.owner = o.owner;
  entry.trail = [...entry.trail, { layer: 'override', id: `${file}:${o.line}`, owner: o.owner }];
  entry.userEntries = [...(entry.userEntries ?? []), refOf('override', o, file, o.approvedBy)];
  for (const key of [
    'providerPart',
    'customerPart',
    'customerAction',
    'defaultSatisfied',
    'reason',
    'inheritedFrom',
  ] as const)
    delete entry[key];
  if (o.performedBy) entry.performedBy = o.performedBy;
  if (o.owner === 'provider' || o.owner === 'shared')
    entry.providerPart = o.providerPart ?? previous.providerPart ?? why;
  if (o.owner === 'provider')
    entry.inheritedFrom = o.performedBy
      ? { party: o.performedBy, attestations: [] }
      : { party: catalog.provider.name, attestations: catalog.provider.attestations.map((a) => a.id) };
  if (o.owner === 'shared' || o.owner === 'customer') {
    entry.customerPart = o.customerPart ?? previous.customerPart ?? why;
    entry.customerAction = o.customerAction ?? previous.customerAction ?? 'operate';
  }
  if (o.owner === 'shared') entry.defaultSatisfied = previous.defaultSatisfied ?? false;
  if (o.owner === 'n/a') entry.reason = o.reason ?? why;
  // A third party named in an approved override is the user's statement that the part is done.
  entry.status = statusFor(o.owner, entry.evidence, o.performedBy !== undefined);
}

export function applyUserConfig(
  map: ResponsibilityMap,
  config: UserConfig,
  catalog: Catalog,
): ResponsibilityMap {
  // Entries may be shared (and frozen) across resources: every entry gets its own copy to change.
  const out: ResponsibilityMap = {
    ...map,
    resources: map.resources.map((r) => ({ ...r, areas: r.areas.map((a) => ({ ...a })) })),
    account: map.account.map((a) => ({ ...a })),
    warnings: [...map.warnings],
  };
  const report: UserConfigReport = { file: config.file, applied: [], expired: [], unmatched: [] };
  const settle = (kind: 'override' | 'attestation', e: Entry, matched: number) => {
    if (matched > 0) report.applied.push({ kind, line: e.line, area: e.area, matched });
    else report.unmatched.push({ kind, line: e.line, area: e.area });
  };
  for (const o of config.overrides) {
    if (o.expired) {
      report.expired.push({ kind: 'override', line: o.line, area: o.area, expires: o.expires });
      continue;
    }
    const hits = targets(out, o, catalog);
    for (const entry of hits) applyOverride(entry, o, config.file, catalog);
    settle('override', o, hits.length);
  }
  for (const a of config.attestations) {
    if (a.expired) {
      report.expired.push({ kind: 'attestation', line: a.line, area: a.area, expires: a.expires });
      continue;
    }
    // An attestation answers only a part the customer has; AWS's parts are backed by AWS's reports.
    const hits = targets(out, a, catalog).filter((entry) => customerHasPart(entry.owner));
    for (const entry of hits) {
      entry.userEntries = [...(entry.userEntries ?? []), refOf('attestation', a, config.file, a.owner)];
      entry.status = customerStatus(entry.evidence, true);
    }
    settle('attestation', a, hits.length);
  }
  out.userConfig = report;
  out.headline = headlineOf(out.resources, out.account);
  for (const e of report.expired)
    out.warnings.push(
      `${config.file}:${e.line}: ${e.kind} for ${e.area} expired on ${e.expires}; it no longer counts`,
    );
  for (const e of report.unmatched)
    out.warnings.push(`${config.file}:${e.line}: ${e.kind} for ${e.area} matched no customer part here`);
  return out;
}
