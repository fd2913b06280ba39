import type { Check } from '../check.js';
import { iamNoPrivilegeEscalation } from './iam-no-privilege-escalation.js';
import { iamNoSensitiveWriteOnAllResources } from './iam-no-sensitive-write-on-all-resources.js';
import { iamPolicyNoFullAdmin } from './iam-policy-no-full-admin.js';
import { iamPolicyValid } from './iam-policy-valid.js';
import { iamRoleTrustExternalAccount } from './iam-role-trust-external-account.js';
import { iamRoleTrustNotPublic } from './iam-role-trust-not-public.js';
import { iamRoleUnused } from './iam-role-unused.js';
import { iamUserNoInlinePolicies } from './iam-user-no-inline-policies.js';
import { resourcePolicyNoCrossAccount } from './resource-policy-no-cross-account.js';
import { resourcePolicyNoPublicAccess } from './resource-policy-no-public-access.js';

/** The identity group's checks, in id order. */
// Check<T> is invariant in T (T appears in argument and array positions), so the widening needs a cast.
export const identityChecks: Check[] = [
  iamNoPrivilegeEscalation,
  iamNoSensitiveWriteOnAllResources,
  iamPolicyNoFullAdmin,
  iamPolicyValid,
  iamRoleTrustExternalAccount,
  iamRoleTrustNotPublic,
  iamRoleUnused,
  iamUserNoInlinePolicies,
  resourcePolicyNoCrossAccount,
  resourcePolicyNoPublicAccess,
];
