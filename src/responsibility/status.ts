/** How an area's status follows from its owner, the check results and the user's attestations. */
import type { Owner } from '../catalog/schema.js';
import type { CheckResult, Status } from '../model/result.js';
import type {
  AreaEvidence,
  AreaResponsibility,
  AreaStatus,
  CustomerStatus,
  Headline,
  ResourceResponsibility,
} from './types.js';

export function customerHasPart(owner: Owner): boolean {
  return owner === 'customer' || owner === 'shared';
}

export function evidenceOf(results: readonly CheckResult[]): AreaEvidence {
  const count = (s: Status) => results.filter((r) => r.status === s).length;
  return {
    checkIds: [...new Set(results.map((r) => r.checkId))].sort(),
    pass: count('PASS'),
    fail: count('FAIL'),
    unknown: count('UNKNOWN'),
    error: count('ERROR'),
  };
}

/**
 * A failing check beats everything (paper never outranks evidence); all checks passing is
 * verified; otherwise a current attestation makes it attested, and without one it is unverified.
 * PASS mixed with UNKNOWN or ERROR proves nothing for the whole resource, so it is not verified.
 */
export function customerStatus(evidence: AreaEvidence, attested: boolean): CustomerStatus {
  if (evidence.fail > 0) return 'failing';
  if (evidence.pass > 0 && evidence.unknown === 0 && evidence.error === 0) return 'verified';
  return attested ? 'attested' : 'unverified';
}

export function statusFor(owner: Owner, evidence: AreaEvidence, attested: boolean): AreaStatus {
  if (owner === 'provider') return 'inherited';
  if (owner === 'n/a') return 'n/a';
  return customerStatus(evidence, attested);
}

export function isCustomerStatus(status: AreaStatus): status is CustomerStatus {
  return status !== 'inherited' && status !== 'n/a';
}

/** "you own N responsibilities across M resources: X verified, Y failing, Z unverified, W attested". */
export function headlineOf(
  resources: readonly ResourceResponsibility[],
  account: readonly AreaResponsibility[],
): Headline {
  const owned = [...resources.flatMap((r) => r.areas), ...account].filter((a) => isCustomerStatus(a.status));
  const count = (s: CustomerStatus) => owned.filter((a) => a.status === s).length;
  const withParts = resources.filter((r) => r.areas.some((a) => isCustomerStatus(a.status))).length;
  const [verified, failing, unverified, attested] = [
    count('verified'),
    count('failing'),
    count('unverified'),
    count('attested'),
  ];
  const accountOwned = account.some((a) => isCustomerStatus(a.status));
  const where = `${withParts} resource${withParts === 1 ? '' : 's'}${accountOwned ? ' and the account' : ''}`;
  const text =
    `you own ${owned.length} responsibilities across ${where}: ` +
    `${verified} verified, ${failing} failing, ${unverified} unverified, ${attested} attested`;
  return { owned: owned.length, resources: withParts, verified, failing, unverified, attested, text };
}
