import type { Check } from '../check.js';
import { ec2InstanceImdsv2Required } from './ec2-instance-imdsv2-required.js';
import { ec2InstanceManagedBySsm } from './ec2-instance-managed-by-ssm.js';
import { lambdaRuntimeSupported } from './lambda-runtime-supported.js';
import { rdsAutoMinorVersionUpgrade } from './rds-auto-minor-version-upgrade.js';

/** The runtime group's checks, in id order. */
// Check<T> is invariant in T (T appears in argument and array positions), so the widening needs a cast.
export const runtimeChecks: Check[] = [
  ec2InstanceImdsv2Required,
  ec2InstanceManagedBySsm,
  lambdaRuntimeSupported,
  rdsAutoMinorVersionUpgrade,
];
