/** Live-shaped inventories for the IAM analysis checks' unit tests. */
import type { Inventory } from '../../model/inventory.js';
import type { OrganizationFacts } from '../../model/organization.js';
import { parsePolicyDocument } from '../../model/parse-policy.js';
import type { PolicyDocument } from '../../model/policy.js';
import type { IamRole, Resource } from '../../model/resources/index.js';
import { explicit, unknown, type Value } from '../../model/value.js';
import { type CheckContext, createCheckContext, type Verdict } from '../check.js';

export const src = { arn: 'arn:aws:iam::111111111111:role/x', api: 'test' };
export const ACCOUNT = '111111111111';
export const NOW = new Date('2026-11-23T00:00:00Z');

export const docOf = (...Statement: Record<string, unknown>[]): Value<PolicyDocument> =>
  explicit(parsePolicyDocument({ Version: '2012-10-17', Statement }), src);

export function org(accounts: string[] | undefined): OrganizationFacts {
  return {
    id: explicit('o-ours', src),
    accountIds: accounts ? explicit(accounts, src) : unknown('not readable from a member account', src),
    isManagementAccount: explicit(false, src),
    serviceControlPolicies: unknown('not readable', src),
    resourceControlPolicies: unknown('not readable', src),
  };
}

interface Evaluates {
  evaluate(resource: never, context: CheckContext): Verdict | Verdict[];
}

export function run(
  check: Evaluates,
  resource: Resource,
  opts: { others?: Resource[]; organization?: OrganizationFacts } = {},
) {
  const inventory: Inventory = {
    source: { kind: 'aws', location: `aws://${ACCOUNT}`, account: ACCOUNT },
    resources: [resource, ...(opts.others ?? [])],
    unmodeled: [],
    notCreated: [],
    problems: [],
    ...(opts.organization ? { organization: opts.organization } : {}),
  };
  const out = check.evaluate(resource as never, createCheckContext(inventory, undefined, NOW));
  return Array.isArray(out) ? out : [out];
}
export const status = (vs: Verdict[]) => vs.map((v) => v.status).join(',');

export function role(name: string, over: Partial<IamRole> = {}): IamRole {
  const arn = `arn:aws:iam::${ACCOUNT}:role/${name}`;
  return {
    type: 'AWS::IAM::Role',
    id: arn,
    arn,
    name,
    account: ACCOUNT,
    source: src,
    roleName: explicit(name, src),
    assumeRolePolicy: docOf({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
    }),
    maxSessionDuration: explicit(3600, src),
    lastUsed: explicit(null, src),
    inlinePolicies: [],
    managedPolicyArns: [],
    permissionsBoundary: explicit(null, src),
    ...over,
  };
}
