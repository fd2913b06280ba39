/**
 * Rolls the map up to NIST SP 800-53 rev. 5 controls (through each area's `nist80053` list), the
 * unit a FedRAMP Customer Responsibility Matrix and an OSCAL SSP speak in.
 */
import type { Catalog } from '../catalog/load-catalog.js';
import type { CustomerAction, Owner } from '../catalog/schema.js';
import { isCustomerStatus } from './status.js';
import type { AreaStatus, CustomerStatus, ResponsibilityMap } from './types.js';

export interface ControlPart {
  service: string;
  serviceName: string;
  area: string;
  owner: Owner;
  status: AreaStatus;
  providerPart?: string;
  customerPart?: string;
  customerAction?: CustomerAction;
  /** Account-wide areas (policy, training) are organization processes, not system settings. */
  accountWide: boolean;
}

export type CanBeInherited = 'Yes' | 'Partial' | 'No' | 'N/A';
export type ImplementationStatus = 'Implemented' | 'Partially Implemented' | 'Planned' | 'Not Applicable';

export interface ControlRollup {
  controlId: string;
  title: string;
  areas: string[];
  services: string[];
  canBeInherited: CanBeInherited;
  awsResponsibility: string;
  customerResponsibility: string;
  implementationStatus: ImplementationStatus;
  origination: string[];
  counts: Record<CustomerStatus, number>;
  parts: ControlPart[];
}

const ACCOUNT = { id: 'account', name: 'Account-wide' };

function partsOf(map: ResponsibilityMap): ControlPart[] {
  const parts: ControlPart[] = [];
  const push = (
    service: string,
    serviceName: string,
    a: ResponsibilityMap['account'][number],
    accountWide: boolean,
  ) =>
    parts.push({
      service,
      serviceName,
      area: a.area,
      owner: a.owner,
      status: a.status,
      ...(a.providerPart ? { providerPart: a.providerPart } : {}),
      ...(a.customerPart ? { customerPart: a.customerPart } : {}),
      ...(a.customerAction ? { customerAction: a.customerAction } : {}),
      accountWide,
    });
  for (const r of map.resources) for (const a of r.areas) push(r.service, r.serviceName, a, false);
  for (const a of map.account) push(ACCOUNT.id, ACCOUNT.name, a, true);
  return parts;
}

function unique(lines: Iterable<string>): string[] {
  return [...new Set(lines)];
}

function inheritance(parts: readonly ControlPart[]): CanBeInherited {
  const owners = new Set(parts.map((p) => p.owner).filter((o) => o !== 'n/a'));
  if (owners.size === 0) return 'N/A';
  if (owners.size === 1 && owners.has('provider')) return 'Yes';
  if (owners.has('shared') || owners.has('provider')) return 'Partial';
  return 'No';
}

function implementation(parts: readonly ControlPart[]): ImplementationStatus {
  const mine = parts.filter((p) => isCustomerStatus(p.status));
  if (mine.length === 0) return parts.some((p) => p.owner === 'provider') ? 'Implemented' : 'Not Applicable';
  const done = mine.filter((p) => p.status === 'verified' || p.status === 'attested').length;
  if (done === mine.length) return 'Implemented';
  return done > 0 ? 'Partially Implemented' : 'Planned';
}

/** FedRAMP control-origination values, from the user's point of view as the system owner. */
function origination(parts: readonly ControlPart[]): string[] {
  const out: string[] = [];
  if (parts.some((p) => p.owner === 'provider' || p.owner === 'shared'))
    out.push('Inherited from pre-existing FedRAMP Authorization');
  const mine = parts.filter((p) => p.owner === 'customer' || p.owner === 'shared');
  const corporate = mine.some((p) => p.accountWide);
  const system = mine.some((p) => !p.accountWide);
  if (corporate && system) out.push('Service Provider Hybrid (Corporate and System Specific)');
  else if (corporate) out.push('Service Provider Corporate');
  else if (system) out.push('Service Provider System Specific');
  return out;
}

export function rollUpControls(map: ResponsibilityMap, catalog: Catalog): ControlRollup[] {
  const titles = new Map(
    catalog.frameworks.find((f) => f.key === 'nist80053')?.requirements.map((r) => [r.id, r.title]) ?? [],
  );
  const byControl = new Map<string, ControlPart[]>();
  for (const part of partsOf(map)) {
    for (const control of catalog.areaById.get(part.area)?.nist80053 ?? [])
      byControl.set(control, [...(byControl.get(control) ?? []), part]);
  }
  const rows: ControlRollup[] = [];
  for (const [controlId, parts] of byControl) {
    const counts: Record<CustomerStatus, number> = { verified: 0, failing: 0, unverified: 0, attested: 0 };
    for (const p of parts) if (isCustomerStatus(p.status)) counts[p.status] += 1;
    rows.push({
      controlId,
      title: titles.get(controlId) ?? controlId,
      areas: unique(parts.map((p) => p.area)).sort(),
      services: unique(parts.map((p) => p.service)).sort(),
      canBeInherited: inheritance(parts),
      awsResponsibility: unique(
        parts
          .filter((p) => p.providerPart && p.owner !== 'customer')
          .map((p) => `${p.serviceName}: ${p.providerPart}`),
      ).join('\n'),
      customerResponsibility: unique(
        parts.filter((p) => p.customerPart).map((p) => `${p.serviceName}: ${p.customerPart}`),
      ).join('\n'),
      implementationStatus: implementation(parts),
      origination: origination(parts),
      counts,
      parts,
    });
  }
  return rows.sort((a, b) => compareControls(a.controlId, b.controlId));
}

/** AC-2 < AC-2(1) < AC-17 < AU-2: family, then number, then enhancement. */
export function compareControls(a: string, b: string): number {
  const key = (id: string) => {
    const m = /^([A-Z]+)-(\d+)(?:\((\d+)\))?$/.exec(id);
    return m ? ([m[1] ?? '', Number(m[2]), Number(m[3] ?? 0)] as const) : ([id, 0, 0] as const);
  };
  const [fa, na, ea] = key(a);
  const [fb, nb, eb] = key(b);
  return fa.localeCompare(fb) || na - nb || ea - eb;
}
