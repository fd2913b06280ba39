/** Text for the `iam who-can` and `iam what-can` answers; JSON is the answer objects themselves. */
import type { MatchedStatement } from '../iam/evaluate.js';
import type { Grant } from '../iam/exposure.js';
import type { WhatCanAnswer, WhatCanGrant } from '../iam/what-can.js';
import type { WhoCanAnswer, WhoCanEntry } from '../iam/who-can.js';

/** Template tokens as a reader says them: `{{Bucket.Arn}}` → `${Bucket.Arn}`. */
function shown(s: string): string {
  return s.replace(/\{\{unresolved:[^}]*\}\}/g, '(set at deployment)').replace(/\{\{([^}]+)\}\}/g, '${$1}');
}

function statements(matched: readonly MatchedStatement[], indent: string): string[] {
  return matched.map((m) => `${indent}${m.effect === 'Deny' ? '✗' : '✓'} ${shown(m.reason)}`);
}

function entry(e: WhoCanEntry): string[] {
  const label = e.decision === 'Allowed' ? 'ALLOWED' : e.decision === 'Unknown' ? 'MAYBE  ' : 'DENIED ';
  const lines = [`  ${label} ${e.who}  ${shown(e.arn)}`];
  if (e.via) lines.push(`          via ${e.via.join(' → ')}`);
  if (e.decision === 'Unknown' && e.dependsOn.length)
    lines.push(`          depends on: ${e.dependsOn.map(shown).join('; ')}`);
  lines.push(...statements(e.matched, '          '));
  return lines;
}

function outside(g: Grant): string[] {
  const actions = g.allowed.length ? 'ALLOWED' : 'MAYBE  ';
  const lines = [`  ${actions} ${g.who}`];
  if (!g.allowed.length && g.dependsOn.length)
    lines.push(`          depends on: ${g.dependsOn.map(shown).join('; ')}`);
  for (const r of g.reasons) lines.push(`          ✓ ${shown(r)}`);
  return lines;
}

export function renderWhoCan(a: WhoCanAnswer): string {
  const target = a.target ? ` (${a.target.type} ${a.target.name})` : '';
  const out = [`Who can ${a.action} on ${shown(a.resource)}${target} — ${a.location}`];
  if (a.unknownAction) out.push(`  note: ${a.action} is not in the AWS Service Authorization Reference`);
  for (const n of a.notes) out.push(`  note: ${n}`);
  if (!a.allowed.length && !a.outside.length && !a.viaAssumeRole.length)
    out.push('  nobody in this inventory');
  for (const e of a.allowed) out.push(...entry(e));
  if (a.viaAssumeRole.length) {
    out.push('  by assuming an allowed role:');
    for (const e of a.viaAssumeRole) out.push(...entry(e));
  }
  if (a.outside.length) {
    out.push('  outside this inventory, through the resource policy:');
    for (const g of a.outside) out.push(...outside(g));
  }
  if (a.denied.length) {
    out.push('  stopped by an explicit Deny:');
    for (const e of a.denied) out.push(...entry(e));
  }
  return `${out.join('\n')}\n`;
}

function grantLine(g: WhatCanGrant): string[] {
  const mark = g.decision === 'Allowed' ? '' : ` (depends on ${g.dependsOn.map(shown).join('; ')})`;
  const via = g.via ? ` via ${g.via}` : '';
  return [`    ${g.action} on ${shown(g.resource)}${via}${mark}`, ...statements(g.matched, '      ')];
}

/** Grouped by service and access level; long groups show their first actions and a count. */
export function renderWhatCan(a: WhatCanAnswer, limit = 25): string {
  const out = [
    `What ${a.principal.kind} ${a.principal.name} (${shown(a.principal.arn)}) can do — ${a.location}`,
  ];
  for (const u of a.unknownPolicies) out.push(`  note: ${shown(u)} is unknown, so more may be allowed`);
  if (!a.grants.length)
    out.push(`  nothing in ${a.services.length === 1 ? a.services[0] : 'the services asked about'}`);
  const groups = new Map<string, WhatCanGrant[]>();
  for (const g of a.grants) {
    const key = `${g.action.split(':')[0]} — ${g.accessLevel}`;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  for (const [key, list] of [...groups].sort(([x], [y]) => x.localeCompare(y))) {
    out.push(`  ${key} (${list.length})`);
    for (const g of list.slice(0, limit)) out.push(...grantLine(g));
    if (list.length > limit) out.push(`    … and ${list.length - limit} more (use --format json for all)`);
  }
  return `${out.join('\n')}\n`;
}
