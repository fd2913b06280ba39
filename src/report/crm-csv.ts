/**
 * A FedRAMP-style Customer Responsibility Matrix as CSV: one row per NIST SP 800-53 rev. 5
 * control the areas in use map to, saying what can be inherited from AWS, what the customer must
 * do, and how far the evidence shows it done.
 */
import type { ControlRollup } from '../responsibility/controls.js';

export const CRM_COLUMNS = [
  'Control ID',
  'Control Name',
  'Can Be Inherited from CSP',
  'AWS Responsibility',
  'Customer Responsibility',
  'Implementation Status',
  'Control Origination',
  'Responsibility Areas',
  'Services',
  'Evidence',
] as const;

/**
 * RFC 4180 quoting, plus a leading apostrophe for cells a spreadsheet would run as a formula:
 * text from whoowns.yaml is user input and must not become code in someone's spreadsheet.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderCrmCsv(rows: readonly ControlRollup[]): string {
  const lines = [CRM_COLUMNS.join(',')];
  for (const r of rows) {
    const c = r.counts;
    const evidence = `${c.verified} verified, ${c.failing} failing, ${c.unverified} unverified, ${c.attested} attested`;
    lines.push(
      [
        r.controlId,
        r.title,
        r.canBeInherited,
        r.canBeInherited === 'Yes' ? `Inherited from AWS.\n${r.awsResponsibility}` : r.awsResponsibility,
        r.customerResponsibility,
        r.implementationStatus,
        r.origination.join('; '),
        r.areas.join(' '),
        r.services.join(' '),
        evidence,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
