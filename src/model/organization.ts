import type { PolicyDocument } from './policy.js';
import type { SourceRef, Value } from './value.js';

/** One SCP or RCP as attached somewhere in the organization. */
export interface OrganizationPolicy {
  id: string;
  name: string;
  document: PolicyDocument;
  source: SourceRef;
}

/**
 * What the organization tells IAM analysis: who is "inside" (for cross-account findings) and the
 * SCPs and RCPs that cap the account. Each is unknown when the source cannot read it (a member
 * account usually cannot list the organization's accounts or policies).
 */
export interface OrganizationFacts {
  /** `o-…`; null: the account is in no organization. */
  id: Value<string | null>;
  /** Every account id in the organization. */
  accountIds: Value<string[]>;
  /** Whether this inventory's account is the management account (SCPs do not apply to it). */
  isManagementAccount: Value<boolean>;
  /** SCPs that apply to this account, one list per level from the root down to the account. */
  serviceControlPolicies: Value<OrganizationPolicy[][]>;
  /** RCPs that apply to this account's resources, per level as for SCPs. */
  resourceControlPolicies: Value<OrganizationPolicy[][]>;
}
