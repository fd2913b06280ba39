import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListParentsCommand,
  OrganizationsClient,
  paginateListAccounts,
  paginateListPoliciesForTarget,
} from '@aws-sdk/client-organizations';
import type { OrganizationFacts, OrganizationPolicy } from '../../../model/organization.js';
import { parsePolicyDocument } from '../../../model/parse-policy.js';
import { explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import { collectPages, errorName } from './support.js';

const DESCRIBE = 'organizations:DescribeOrganization';
const POLICY_FIELDS = ['inlinePolicies', 'managedPolicyArns', 'assumeRolePolicy'];

/** The account's chain of parents, account first, root last (SCPs apply at every level). */
async function targetsFromAccountToRoot(client: OrganizationsClient, accountId: string): Promise<string[]> {
  const chain = [accountId];
  for (let depth = 0; depth < 8; depth++) {
    const parent = (await client.send(new ListParentsCommand({ ChildId: chain.at(-1) }))).Parents?.[0];
    if (!parent?.Id) break;
    chain.push(parent.Id);
    if (parent.Type === 'ROOT') break;
  }
  return chain;
}

async function policiesPerLevel(
  ctx: CollectContext,
  client: OrganizationsClient,
  chain: readonly string[],
  Filter: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY',
): Promise<Value<OrganizationPolicy[][]>> {
  const src: SourceRef = { api: 'organizations:ListPoliciesForTarget' };
  try {
    const levels: OrganizationPolicy[][] = [];
    // Root first, so the list reads like the organization tree.
    for (const TargetId of [...chain].reverse()) {
      const summaries = await collectPages(
        paginateListPoliciesForTarget({ client }, { TargetId, Filter }),
        (p) => p.Policies,
      );
      const level: OrganizationPolicy[] = [];
      for (const summary of summaries) {
        const policy = (await client.send(new DescribePolicyCommand({ PolicyId: summary.Id }))).Policy;
        level.push({
          id: summary.Id ?? '',
          name: summary.Name ?? '',
          document: parsePolicyDocument(policy?.Content ?? ''),
          source: { api: 'organizations:DescribePolicy', ...(summary.Arn ? { arn: summary.Arn } : {}) },
        });
      }
      levels.push(level);
    }
    return explicit(levels, src);
  } catch (error) {
    return unknown(ctx.builder.fail('organizations:ListPoliciesForTarget', error), src);
  }
}

/**
 * Organization facts for IAM analysis: the accounts inside (cross-account findings) and the SCPs
 * and RCPs that cap this account. A member account usually may not read them: they stay unknown,
 * and the IAM verdicts that depend on them say so.
 */
export const organizationPoliciesCollector: Collector = {
  id: 'organization-policies',
  scope: 'global',
  produces: ['AWS::IAM::Role', 'AWS::IAM::User'],
  operations: {
    [DESCRIBE]: { fields: POLICY_FIELDS },
    'organizations:ListAccounts': { fields: POLICY_FIELDS },
    'organizations:ListParents': { fields: POLICY_FIELDS },
    'organizations:ListPoliciesForTarget': { fields: POLICY_FIELDS },
    'organizations:DescribePolicy': { fields: POLICY_FIELDS },
  },
  async collect(ctx) {
    if (!POLICY_FIELDS.some((f) => ctx.wants('AWS::IAM::Role', f) || ctx.wants('AWS::IAM::User', f))) return;
    const client = ctx.session.client(OrganizationsClient, ctx.region);
    const src: SourceRef = { api: DESCRIBE };
    let org: { Id?: string; MasterAccountId?: string } | undefined;
    try {
      org = (await client.send(new DescribeOrganizationCommand({}))).Organization;
    } catch (error) {
      if (errorName(error) === 'AWSOrganizationsNotInUseException') {
        const none = explicit(null, src);
        ctx.builder.organization = {
          id: none,
          accountIds: explicit([ctx.accountId], src),
          isManagementAccount: explicit(false, src),
          serviceControlPolicies: explicit([], src),
          resourceControlPolicies: explicit([], src),
        };
        return;
      }
      const reason = ctx.builder.fail(DESCRIBE, error);
      const u = unknown(reason, src);
      ctx.builder.organization = {
        id: u,
        accountIds: u,
        isManagementAccount: u,
        serviceControlPolicies: u,
        resourceControlPolicies: u,
      };
      return;
    }
    const facts: OrganizationFacts = {
      id: explicit(org?.Id ?? null, src),
      isManagementAccount: explicit(org?.MasterAccountId === ctx.accountId, src),
      accountIds: unknown('not read yet', src),
      serviceControlPolicies: unknown('not read yet', src),
      resourceControlPolicies: unknown('not read yet', src),
    };
    try {
      const accounts = await collectPages(paginateListAccounts({ client }, {}), (p) => p.Accounts);
      facts.accountIds = explicit(accounts.map((a) => a.Id ?? '').filter(Boolean), {
        api: 'organizations:ListAccounts',
      });
    } catch (error) {
      facts.accountIds = unknown(ctx.builder.fail('organizations:ListAccounts', error), {
        api: 'organizations:ListAccounts',
      });
    }
    let chain: string[] | undefined;
    try {
      chain = await targetsFromAccountToRoot(client, ctx.accountId);
    } catch (error) {
      const reason = ctx.builder.fail('organizations:ListParents', error);
      facts.serviceControlPolicies = unknown(reason, { api: 'organizations:ListParents' });
      facts.resourceControlPolicies = facts.serviceControlPolicies;
    }
    if (chain) {
      facts.serviceControlPolicies = await policiesPerLevel(ctx, client, chain, 'SERVICE_CONTROL_POLICY');
      facts.resourceControlPolicies = await policiesPerLevel(ctx, client, chain, 'RESOURCE_CONTROL_POLICY');
    }
    ctx.builder.organization = facts;
  },
};
