import type { Check } from '../check.js';
import { iamPolicyNoFullAdmin } from './iam-policy-no-full-admin.js';
import { iamRoleTrustNotPublic } from './iam-role-trust-not-public.js';
import { iamUserNoInlinePolicies } from './iam-user-no-inline-policies.js';

/** The identity group's checks, in id order. */
// Check<T> is invariant in T (T appears in argument and array positions), so the widening needs a cast.
export const identityChecks: Check[] = [
  iamPolicyNoFullAdmin,
  iamRoleTrustNotPublic,
  iamUserNoInlinePolicies,
] as Check[];
