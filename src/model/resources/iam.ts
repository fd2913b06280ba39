import type { PolicyDocument } from '../policy.js';
import type { SourceRef, Value } from '../value.js';
import type { ResourceBase } from './base.js';

export interface InlinePolicy {
  name: string;
  document: Value<PolicyDocument>;
  source: SourceRef;
  /** Set when the policy came from a separate AWS::IAM::Policy resource (its logical id). */
  via?: string;
}

/** Shared by roles, users and (later) groups. */
export interface IamPrincipalPolicies {
  inlinePolicies: InlinePolicy[];
  /** Managed policy ARNs or `{{LogicalId}}` tokens of template-defined managed policies. */
  managedPolicyArns: Value<string>[];
  /** null: no permissions boundary. */
  permissionsBoundary: Value<string | null>;
}

export interface IamRole extends ResourceBase, IamPrincipalPolicies {
  readonly type: 'AWS::IAM::Role';
  roleName: Value<string>;
  assumeRolePolicy: Value<PolicyDocument>;
  maxSessionDuration: Value<number>;
  /** ISO date of last use; null: never used. Live accounts only. */
  lastUsed: Value<string | null>;
  /** ISO date the role was created. Live accounts only; absent when the source does not say. */
  createdAt?: Value<string>;
}

export interface IamAccessKey {
  id: string;
  active: boolean;
  createdAt?: string;
  lastUsedAt?: string | null;
}

export interface IamUser extends ResourceBase, IamPrincipalPolicies {
  readonly type: 'AWS::IAM::User';
  userName: Value<string>;
  groups: Value<string>[];
  /** Whether the user can sign in to the console (has a login profile). */
  consoleAccess: Value<boolean>;
  mfaDeviceCount: Value<number>;
  accessKeys: Value<IamAccessKey[]>;
  passwordLastUsed: Value<string | null>;
}

export interface IamManagedPolicy extends ResourceBase {
  readonly type: 'AWS::IAM::ManagedPolicy';
  policyName: Value<string>;
  document: Value<PolicyDocument>;
  attachedRoles: Value<string>[];
  attachedUsers: Value<string>[];
  attachedGroups: Value<string>[];
  awsManaged: boolean;
}

/**
 * An IAM group: its policies apply to every member user. Users name their groups in `groups`
 * (by name, or by `{{LogicalId}}` token in a template).
 */
export interface IamGroup extends ResourceBase {
  readonly type: 'AWS::IAM::Group';
  groupName: Value<string>;
  inlinePolicies: InlinePolicy[];
  managedPolicyArns: Value<string>[];
}
