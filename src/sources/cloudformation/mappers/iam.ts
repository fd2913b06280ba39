import type {
  IamGroup,
  IamManagedPolicy,
  IamRole,
  IamUser,
  InlinePolicy,
} from '../../../model/resources/index.js';
import { awsDefault, explicit, unknown } from '../../../model/value.js';
import { asString, type ResourceReader } from '../resource-reader.js';
import { baseOf, LIVE_ONLY, readName, readRequiredPolicy, withBase } from './common.js';

export function readInlinePolicies(r: ResourceReader): InlinePolicy[] {
  const count = r.count(['Policies']);
  const policies: InlinePolicy[] = [];
  for (let i = 0; i < count; i++) {
    const name = r.get(['Policies', i, 'PolicyName']);
    policies.push({
      name: typeof name === 'string' ? name : `policy ${i + 1}`,
      document: readRequiredPolicy(r, ['Policies', i, 'PolicyDocument']),
      source: r.source(['Policies', i]),
    });
  }
  return policies;
}

function principalPolicies(r: ResourceReader) {
  return {
    inlinePolicies: readInlinePolicies(r),
    managedPolicyArns: r.stringItems(['ManagedPolicyArns']),
    permissionsBoundary: r.string(['PermissionsBoundary'], null),
  };
}

export function mapIamRole(r: ResourceReader): IamRole {
  const roleName = readName(r, 'RoleName');
  const policies = principalPolicies(r);
  return withBase<IamRole>(baseOf(r, roleName), {
    type: 'AWS::IAM::Role',
    roleName,
    inlinePolicies: policies.inlinePolicies,
    managedPolicyArns: policies.managedPolicyArns,
    permissionsBoundary: policies.permissionsBoundary,
    assumeRolePolicy: readRequiredPolicy(r, ['AssumeRolePolicyDocument']),
    maxSessionDuration: r.number(['MaxSessionDuration'], 3600),
    lastUsed: unknown(`last use is ${LIVE_ONLY}`, r.source()),
  });
}

export function mapIamUser(r: ResourceReader): IamUser {
  const userName = readName(r, 'UserName');
  const src = r.source();
  const policies = principalPolicies(r);
  return withBase<IamUser>(baseOf(r, userName), {
    type: 'AWS::IAM::User',
    userName,
    inlinePolicies: policies.inlinePolicies,
    managedPolicyArns: policies.managedPolicyArns,
    permissionsBoundary: policies.permissionsBoundary,
    groups: r.stringItems(['Groups']),
    consoleAccess: r.has(['LoginProfile'])
      ? explicit(true, r.source(['LoginProfile']))
      : awsDefault(false, src),
    mfaDeviceCount: unknown(`MFA devices are ${LIVE_ONLY}`, src),
    // Keys declared as AWS::IAM::AccessKey resources are folded in later.
    accessKeys: awsDefault([], src),
    passwordLastUsed: unknown(`password use is ${LIVE_ONLY}`, src),
  });
}

export function mapIamManagedPolicy(r: ResourceReader): IamManagedPolicy {
  const policyName = r.read(['ManagedPolicyName'], asString, `${r.logicalId} (generated name)`);
  return withBase<IamManagedPolicy>(baseOf(r, policyName), {
    type: 'AWS::IAM::ManagedPolicy',
    policyName,
    document: readRequiredPolicy(r, ['PolicyDocument']),
    attachedRoles: r.stringItems(['Roles']),
    attachedUsers: r.stringItems(['Users']),
    attachedGroups: r.stringItems(['Groups']),
    awsManaged: false,
  });
}

export function mapIamGroup(r: ResourceReader): IamGroup {
  const groupName = readName(r, 'GroupName');
  return withBase<IamGroup>(baseOf(r, groupName), {
    type: 'AWS::IAM::Group',
    groupName,
    inlinePolicies: readInlinePolicies(r),
    managedPolicyArns: r.stringItems(['ManagedPolicyArns']),
  });
}
