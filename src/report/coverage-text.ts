/** `whoowns catalog coverage`: for each service and variant, which customer parts a check verifies. */
import type { Coverage, CoverageRow } from '../catalog/coverage.js';

function rowLines(row: CoverageRow): string[] {
  const name = row.variant ? `${row.service} / ${row.variant}` : row.service;
  const checked = row.cells.filter((c) => c.checks.length > 0);
  const attest = row.cells.filter((c) => c.checks.length === 0 && c.attestationOnly);
  const gaps = row.cells.filter((c) => c.gap);
  if (!row.modeled) {
    return [
      `${name.padEnd(44)} not modeled: ${row.cells.length} customer parts, shown as unverified (no check reads ${row.resourceTypes[0] ?? 'these types'}${row.resourceTypes.length > 1 ? ' …' : ''})`,
    ];
  }
  const out = [
    `${name.padEnd(44)} ${row.cells.length} customer parts: ${checked.length} with checks, ${attest.length} attestation only${gaps.length ? `, ${gaps.length} GAPS` : ''}`,
  ];
  for (const c of checked) out.push(`    ${c.area.padEnd(22)} ${c.checks.join(', ')}`);
  if (attest.length > 0) out.push(`    attestation only: ${attest.map((c) => c.area).join(' ')}`);
  if (gaps.length > 0) out.push(`    GAP (no check, not marked): ${gaps.map((c) => c.area).join(' ')}`);
  return out;
}

export function renderCoverageText(coverage: Coverage, options: { modeledOnly: boolean }): string {
  const rows = coverage.rows.filter((r) => r.modeled || !options.modeledOnly);
  const modeled = coverage.rows.filter((r) => r.modeled);
  const cells = modeled.flatMap((r) => r.cells);
  const out = [
    `Check coverage of customer parts: ${modeled.length} modeled service rows (services and variants), ` +
      `${cells.filter((c) => c.checks.length > 0).length} parts with checks, ` +
      `${cells.filter((c) => c.checks.length === 0 && c.attestationOnly).length} attestation only, ${coverage.gaps.length} gaps`,
    '',
  ];
  for (const row of rows) out.push(...rowLines(row));
  out.push('', 'ACCOUNT-WIDE');
  for (const c of coverage.account)
    out.push(
      `    ${c.area.padEnd(22)} ${c.checks.length > 0 ? c.checks.join(', ') : c.attestationOnly ? 'attestation only' : 'GAP'}`,
    );
  if (coverage.stale.length > 0) {
    out.push('', 'STALE MARKS (attestation only, but a check exists now)');
    for (const s of coverage.stale)
      out.push(`    ${s.service}${s.variant ? ` / ${s.variant}` : ''}: ${s.area}`);
  }
  return `${out.join('\n')}\n`;
}
