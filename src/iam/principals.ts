/**
 * The IAM principals of an inventory with every policy that applies to them, gathered once:
 * inline policies, managed policies (attached from either side), group policies for users, and
 * the permissions boundary. A policy we cannot read stays in the list as unknown, so evaluations
 * that depend on it say so instead of guessing.
 */
import type { Inventory } from '../model/inventory.js';
import type { PolicyDocument } from '../model/policy.js';
import type {
  IamGroup,
  IamManagedPolicy,
  IamRole,
  IamUser,
  InlinePolicy,
  Resource,
} from '../model/resources/index.js';
import type { Value } from '../model/value.js';
import { awsManagedPolicyName, knownAwsManagedPolicy } from './known-policies.js';
import type { NamedPolicy } from './policy-set.js';
import { inventoryAccount, resolverFor } from './template-resolver.js';
import { expandTokens, logicalIdOf, type TokenResolver } from './tokens.js';

export interface AnalyzedPrincipal {
  resource: IamRole | IamUser;
  kind: 'role' | 'user';
  arn: string;
  account: string;
  identityPolicies: NamedPolicy[];
  boundary?: NamedPolicy;
}

export interface PrincipalIndex {
  principals: AnalyzedPrincipal[];
  byId: Map<string, AnalyzedPrincipal>;
  account: string;
  resolver?: TokenResolver;
}

function documentPolicy(name: string, doc: Value<PolicyDocument>, mayDeny = true): NamedPolicy {
  return doc.known
    ? { name, document: doc.value }
    : { name, document: null, unknownReason: doc.reason, mayDeny };
}

function inline(p: InlinePolicy, owner: string): NamedPolicy {
  return documentPolicy(p.via ? `${p.via}` : `${owner}/${p.name}`, p.document);
}

/** Resources by type and by each way a policy reference may name them, with their inventory order. */
interface NameIndex {
  byId: Map<string, number>;
  byArn: Map<string, number>;
  byName: Map<string, number>;
}
const nameIndexes = new WeakMap<Inventory, Map<string, NameIndex>>();

function nameIndex(inventory: Inventory, type: string): NameIndex {
  let byType = nameIndexes.get(inventory);
  if (!byType) {
    byType = new Map();
    nameIndexes.set(inventory, byType);
  }
  let index = byType.get(type);
  if (!index) {
    index = { byId: new Map(), byArn: new Map(), byName: new Map() };
    inventory.resources.forEach((r, at) => {
      if (r.type !== type || !index) return;
      if (!index.byId.has(r.id)) index.byId.set(r.id, at);
      if (r.arn && !index.byArn.has(r.arn)) index.byArn.set(r.arn, at);
      if (!index.byName.has(r.name)) index.byName.set(r.name, at);
    });
    byType.set(type, index);
  }
  return index;
}

/**
 * Finds a template or live resource named by `{{LogicalId}}`, ARN or name: the first in inventory
 * order, through an index, since every principal's managed policies and groups are looked up.
 */
function find<T extends Resource>(inventory: Inventory, ref: string, type: T['type']): T | undefined {
  const index = nameIndex(inventory, type);
  const hits = [index.byId.get(logicalIdOf(ref) ?? ref), index.byArn.get(ref), index.byName.get(ref)];
  const first = Math.min(...hits.map((at) => at ?? Number.POSITIVE_INFINITY));
  return Number.isFinite(first) ? (inventory.resources[first] as T) : undefined;
}

function managed(inventory: Inventory, arn: Value<string>): NamedPolicy {
  if (!arn.known)
    return { name: 'a managed policy', document: null, unknownReason: arn.reason, mayDeny: true };
  const policy = find<IamManagedPolicy>(inventory, arn.value, 'AWS::IAM::ManagedPolicy');
  if (policy) {
    const named = documentPolicy(policy.name, policy.document, !policy.awsManaged);
    return policy.awsManaged ? { ...named, awsManaged: policy.name } : named;
  }
  const known = knownAwsManagedPolicy(arn.value);
  const awsName = awsManagedPolicyName(arn.value);
  if (known && awsName) return { name: awsName, document: known, awsManaged: awsName };
  if (awsName) {
    // AWS managed policies grant; the few that deny are named for it (AWSDenyAll, …Quarantine…).
    const mayDeny = /deny|quarantine/i.test(awsName);
    return {
      name: awsName,
      document: null,
      unknownReason: `AWS managed policy ${awsName} is not in this inventory`,
      mayDeny,
      awsManaged: awsName,
    };
  }
  return {
    name: arn.value,
    document: null,
    unknownReason: `managed policy ${arn.value} is not in this inventory`,
    mayDeny: true,
  };
}

type AttachList = 'attachedRoles' | 'attachedUsers' | 'attachedGroups';
const attachIndex = new WeakMap<Inventory, Map<string, IamManagedPolicy[]>>();

/**
 * Template managed policies attach themselves through their Roles/Users/Groups lists; indexed once
 * per inventory by list and logical id or name, so gathering stays linear in the inventory's size.
 */
export function attachedFromPolicy(
  inventory: Inventory,
  list: AttachList,
  target: Resource,
): IamManagedPolicy[] {
  let index = attachIndex.get(inventory);
  if (!index) {
    index = new Map();
    for (const r of inventory.resources) {
      if (r.type !== 'AWS::IAM::ManagedPolicy') continue;
      for (const l of ['attachedRoles', 'attachedUsers', 'attachedGroups'] as const) {
        for (const v of r[l] ?? []) {
          if (!v.known) continue;
          const key = `${l}\u0000${logicalIdOf(v.value) ?? v.value}`;
          index.set(key, [...(index.get(key) ?? []), r]);
        }
      }
    }
    attachIndex.set(inventory, index);
  }
  const byId = index.get(`${list}\u0000${target.id}`) ?? [];
  const byName = target.name === target.id ? [] : (index.get(`${list}\u0000${target.name}`) ?? []);
  return [...new Set([...byId, ...byName])];
}

function collect(
  inventory: Inventory,
  owner: Resource & { inlinePolicies: InlinePolicy[]; managedPolicyArns: Value<string>[] },
  list: 'attachedRoles' | 'attachedUsers' | 'attachedGroups',
): NamedPolicy[] {
  const out = owner.inlinePolicies.map((p) => inline(p, owner.name));
  const seen = new Set<string>();
  for (const arn of owner.managedPolicyArns) {
    const p = managed(inventory, arn);
    if (!seen.has(p.name)) out.push(p);
    seen.add(p.name);
  }
  for (const p of attachedFromPolicy(inventory, list, owner)) {
    if (!seen.has(p.name)) out.push(documentPolicy(p.name, p.document));
    seen.add(p.name);
  }
  return out;
}

function groupPolicies(inventory: Inventory, user: IamUser): NamedPolicy[] {
  const out: NamedPolicy[] = [];
  for (const g of user.groups) {
    if (!g.known) {
      out.push({ name: 'a group', document: null, unknownReason: g.reason, mayDeny: true });
      continue;
    }
    const group = find<IamGroup>(inventory, g.value, 'AWS::IAM::Group');
    const name = logicalIdOf(g.value) ?? g.value;
    if (group)
      out.push(
        ...collect(inventory, group, 'attachedGroups').map((p) => ({
          ...p,
          name: `group ${group.name}: ${p.name}`,
        })),
      );
    else
      out.push({
        name: `group ${name}`,
        document: null,
        unknownReason: `the policies of group ${name} are not in this inventory`,
        mayDeny: true,
      });
  }
  return out;
}

function boundaryOf(inventory: Inventory, p: IamRole | IamUser): NamedPolicy | undefined {
  const b = p.permissionsBoundary;
  if (b.known && b.value === null) return undefined;
  const policy = managed(inventory, b as Value<string>);
  return { ...policy, name: `boundary ${policy.name}`, mayDeny: true };
}

export function analyzePrincipal(
  inventory: Inventory,
  p: IamRole | IamUser,
  resolver?: TokenResolver,
): AnalyzedPrincipal {
  const kind = p.type === 'AWS::IAM::Role' ? 'role' : 'user';
  const account = p.account ?? inventoryAccount(inventory);
  const arn = p.arn ?? expandTokens(`{{${p.id}.Arn}}`, resolver);
  const identityPolicies = collect(inventory, p, kind === 'role' ? 'attachedRoles' : 'attachedUsers');
  if (p.type === 'AWS::IAM::User') identityPolicies.push(...groupPolicies(inventory, p));
  const boundary = boundaryOf(inventory, p);
  return { resource: p, kind, arn, account, identityPolicies, ...(boundary ? { boundary } : {}) };
}

const indexes = new WeakMap<Inventory, PrincipalIndex>();

export function principalIndex(inventory: Inventory): PrincipalIndex {
  let index = indexes.get(inventory);
  if (!index) {
    const resolver = resolverFor(inventory);
    const principals = inventory.resources
      .filter((r): r is IamRole | IamUser => r.type === 'AWS::IAM::Role' || r.type === 'AWS::IAM::User')
      .map((p) => analyzePrincipal(inventory, p, resolver));
    index = {
      principals,
      byId: new Map(principals.map((p) => [p.resource.id, p])),
      account: inventoryAccount(inventory),
      ...(resolver ? { resolver } : {}),
    };
    indexes.set(inventory, index);
  }
  return index;
}

/**
 * AWS managed policies whose names say they grant broad or IAM access. The rest (read-only,
 * service-role and agent policies) cannot make a principal an administrator or let it escalate,
 * so when their documents are missing the privilege analyses set them aside and say so.
 */
const BROAD_AWS_POLICY = /fullaccess|admin|poweruser|^iam|passrole|^aws.*_fullaccess/i;

export function withoutNarrowAwsPolicies(p: AnalyzedPrincipal): {
  principal: AnalyzedPrincipal;
  setAside: string[];
} {
  const setAside: string[] = [];
  const identityPolicies = p.identityPolicies.filter((policy) => {
    const narrow =
      policy.document === null &&
      policy.awsManaged !== undefined &&
      !BROAD_AWS_POLICY.test(policy.awsManaged);
    if (narrow) setAside.push(policy.awsManaged ?? policy.name);
    return !narrow;
  });
  return { principal: setAside.length ? { ...p, identityPolicies } : p, setAside };
}
