import type { Check } from '../check.js';
import { ec2InstanceInPrivateSubnet } from './ec2-instance-in-private-subnet.js';
import { ec2InstanceNoPublicIp } from './ec2-instance-no-public-ip.js';
import { ec2SecurityGroupAdminPortsOpen } from './ec2-security-group-admin-ports-open.js';
import { ec2SecurityGroupDatabasePortsOpen } from './ec2-security-group-database-ports-open.js';
import { rdsInstanceNotPublic } from './rds-instance-not-public.js';

/** The network group's checks, in id order. */
// Check<T> is invariant in T (T appears in argument and array positions), so the widening needs a cast.
export const networkChecks: Check[] = [
  ec2InstanceInPrivateSubnet,
  ec2InstanceNoPublicIp,
  ec2SecurityGroupAdminPortsOpen,
  ec2SecurityGroupDatabasePortsOpen,
  rdsInstanceNotPublic,
];
