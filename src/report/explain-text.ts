/**
 * `whoowns explain <service | variant | area | check>`: teaches the model in the terminal. What AWS
 * does, what you must do, which checks prove it, which framework requirements it serves.
 */
import type { Coverage } from '../catalog/coverage.js';
import type { Catalog } from '../catalog/load-catalog.js';
import type { Assignment } from '../catalog/schema.js';
import type { Service } from '../catalog/service-schema.js';
import type { CheckMetadata } from '../checks/check.js';

export type ExplainTopic =
  | { kind: 'service'; service: Service }
  | { kind: 'area'; id: string }
  | { kind: 'check'; check: CheckMetadata & { resourceTypes: readonly string[] } };

export function findTopic(
  name: string,
  catalog: Catalog,
  checks: ReadonlyArray<CheckMetadata & { resourceTypes: readonly string[] }>,
): ExplainTopic | undefined {
  const service =
    catalog.serviceById.get(name) ??
    catalog.serviceByResourceType.get(name) ??
    catalog.services.find((s) => s.variants.some((v) => v.id === name));
  if (service) return { kind: 'service', service };
  if (catalog.areaById.has(name)) return { kind: 'area', id: name };
  const check = checks.find((c) => c.id === name);
  return check ? { kind: 'check', check } : undefined;
}

function describe(a: Assignment): string[] {
  if (a.owner === 'provider') return [`AWS: ${a.providerPart}`];
  if (a.owner === 'n/a') return [`n/a: ${a.reason}`];
  const out = a.owner === 'shared' ? [`AWS: ${a.providerPart}`] : [];
  out.push(`you (${a.customerAction}): ${a.customerPart}`);
  if (a.owner === 'shared' && a.defaultSatisfied)
    out.push("AWS's default already meets your part unless you change it");
  return out;
}

function nist(catalog: Catalog, area: string): string {
  return (catalog.areaById.get(area)?.nist80053 ?? []).join(', ');
}

function explainService(s: Service, catalog: Catalog, coverage: Coverage): string[] {
  const category = catalog.categoryById.get(s.category);
  const out = [
    `${s.name} (${s.id})`,
    `  category: ${s.category}: ${category?.description ?? ''}`,
    `  model: ${s.model}; ${s.scope}; resource types: ${s.resourceTypes.join(', ')}`,
    `  reviewed ${s.reviewed}; sources:`,
    ...s.sources.map((x) => `    ${x.title} <${x.url}>`),
    ...(s.notes ? [`  note: ${s.notes}`] : []),
    '',
  ];
  const row = coverage.rows.find((r) => r.service === s.id && !r.variant);
  for (const area of catalog.areas.filter((a) => a.scope === 'resource')) {
    let a = category?.defaults[area.id];
    for (const t of s.traits) a = catalog.traits.get(t)?.assignments[area.id] ?? a;
    a = s.overrides[area.id] ?? a;
    if (!a) continue;
    out.push(`  ${area.id.padEnd(20)} ${a.owner.padEnd(8)} ${area.title}  [NIST ${nist(catalog, area.id)}]`);
    for (const line of describe(a)) out.push(`      ${line}`);
    const cell = row?.cells.find((c) => c.area === area.id);
    if (cell?.checks.length) out.push(`      proven by: ${cell.checks.join(', ')}`);
    else if (cell?.attestationOnly) out.push('      no check: answer it with an attestation in whoowns.yaml');
    else if (cell && !row?.modeled)
      out.push('      no check yet: whoowns does not model these resource types');
  }
  for (const v of s.variants) {
    out.push('', `  variant ${v.id}: ${v.name}`, `    ${v.description}`);
    for (const [area, a] of Object.entries(v.overrides)) {
      out.push(`    ${area.padEnd(18)} ${a.owner}`);
      for (const line of describe(a)) out.push(`        ${line}`);
    }
    for (const x of v.sources) out.push(`    source: ${x.title} <${x.url}>`);
  }
  return out;
}

function explainArea(id: string, catalog: Catalog, coverage: Coverage): string[] {
  const area = catalog.areaById.get(id);
  if (!area) return [];
  const out = [
    `${area.id}: ${area.title}`,
    `  ${area.description}`,
    `  group ${area.group}; answered per ${area.scope}; AWS diagram layer: ${area.layer}`,
    `  NIST SP 800-53 rev. 5: ${area.nist80053.join(', ')}`,
    ...(area.attestationOnly
      ? ['  no machine can tell whether it is done: answer it with an attestation in whoowns.yaml']
      : []),
    '',
  ];
  if (area.scope === 'account') {
    const a = catalog.accountAreas[id];
    if (a) for (const line of describe(a)) out.push(`  ${line}`);
  } else {
    for (const cat of catalog.categories) {
      const a = cat.defaults[id];
      if (!a) continue;
      out.push(`  ${cat.id} services by default: ${a.owner}`);
      for (const line of describe(a)) out.push(`      ${line}`);
    }
    const overriding = catalog.services.filter((s) => s.overrides[id]);
    if (overriding.length > 0)
      out.push(
        '',
        `  services that depart from their category: ${overriding.map((s) => `${s.id} (${s.overrides[id]?.owner})`).join(', ')}`,
      );
  }
  const proving = [
    ...new Set(
      [...coverage.rows.flatMap((r) => r.cells), ...coverage.account]
        .filter((c) => c.area === id)
        .flatMap((c) => c.checks),
    ),
  ].sort();
  out.push('', `  checks that prove your part: ${proving.length > 0 ? proving.join(', ') : 'none yet'}`);
  return out;
}

function explainCheck(c: CheckMetadata & { resourceTypes: readonly string[] }, catalog: Catalog): string[] {
  const frameworks = Object.entries(c.frameworks).flatMap(([key, ids]) => {
    const fw = catalog.frameworks.find((f) => f.key === key);
    return (ids ?? []).map((rid: string) => {
      const title = fw?.requirements.find((r) => r.id === rid)?.title;
      return `    ${fw?.name ?? key} ${rid}${title ? `: ${title}` : ''}`;
    });
  });
  const services = [...new Set(c.resourceTypes.map((t) => catalog.serviceByResourceType.get(t)?.id ?? t))];
  return [
    `${c.id}: ${c.title}`,
    `  severity ${c.severity}; proves your part of ${c.area} (${catalog.areaById.get(c.area)?.title ?? ''})`,
    `  runs on: ${c.resourceTypes.join(', ')} (services: ${services.join(', ')})`,
    `  why: ${c.rationale}`,
    `  fix: ${c.remediation.text}`,
    '  framework requirements it serves:',
    ...frameworks,
  ];
}

export function renderExplain(topic: ExplainTopic, catalog: Catalog, coverage: Coverage): string {
  const lines =
    topic.kind === 'service'
      ? explainService(topic.service, catalog, coverage)
      : topic.kind === 'area'
        ? explainArea(topic.id, catalog, coverage)
        : explainCheck(topic.check, catalog);
  return `${lines.join('\n')}\n`;
}
