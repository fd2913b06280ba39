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

/** Most areas of most resources have no evidence; they all share this one (never mutated) value. */
const NO_EVIDENCE: AreaEvidence = Object.freeze({
  checkIds: Object.freeze([]) as unknown as string[],
  pass: 0,
  fail: 0,
  unknown: 0,
  error: 0,
});

export function evidenceOf(results: readonly CheckResult[]): AreaEvidence {
  if (results.length === 0) return NO_EVIDENCE;
  const only = results.length === 1 ? results[0] : undefined;
  if (only) {
    const is = (s: Status) => (only.status === s ? 1 : 0);
    return {
      checkIds: [only.checkId],
      pass: is('PASS'),
      fail: is('FAIL'),
      unknown: is('UNKNOWN'),
      error: is('ERROR'),
    };
  }
  const tally: Record<Status, number> = { PASS: 0, FAIL: 0, UNKNOWN: 0, ERROR: 0 };
  const checkIds = new Set<string>();
  for (const r of results) {
    tally[r.status]++;
    checkIds.add(r.checkId);
  }
  return {
    checkIds: [...checkIds].sort(),
    pass: tally.PASS,
    fail: tally.FAIL,
    unknown: tally.UNKNOWN,
    error: tally.ERROR,
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
  const tally: Record<CustomerStatus, number> = { verified: 0, failing: 0, unverified: 0, attested: 0 };
  let withParts = 0;
  const countAreas = (areas: readonly AreaResponsibility[]): boolean => {
    let any = false;
    for (const a of areas) {
      if (!isCustomerStatus(a.status)) continue;
      tally[a.status]++;
      any = true;
    }
    return any;
  };
  for (const r of resources) if (countAreas(r.areas)) withParts++;
  const accountOwned = countAreas(account);
  const { verified, failing, unverified, attested } = tally;
  const owned = verified + failing + unverified + attested;
  const where = `${withParts} resource${withParts === 1 ? '' : 's'}${accountOwned ? ' and the account' : ''}`;
  const text =
    `you own ${owned} responsibilities across ${where}: ` +
    `${verified} verified, ${failing} failing, ${unverified} unverified, ${attested} attested`;
  return { owned, resources: withParts, verified, failing, unverified, attested, text };
}
