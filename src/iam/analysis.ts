/**
 * Shared plumbing for the checks and the CLI questions: evaluating what one principal of an
 * inventory may do, with its policies, boundary and the organization's SCPs.
 */
import type { Inventory } from '../model/inventory.js';
import type { AwsAccount } from '../model/resources/index.js';
import { type KeyState, makeContext, type RequestContext } from './context.js';
import { type EvaluationResult, evaluateRequest, type NamedPolicy } from './evaluate.js';
import type { Zone } from './exposure.js';
import type { AnalyzedPrincipal } from './principals.js';
import { inventoryAccount, resolverFor } from './template-resolver.js';

/**
 * Keys a holder of the principal's credentials sets as they like (region, TLS, request tags):
 * they limit nothing. Every other key stays unknown, so a grant behind, say, an MFA or source-IP
 * condition is reported as conditional rather than as a plain allow.
 */
const CALLER_CHOSEN = new Set([
  'aws:requestedregion',
  'aws:securetransport',
  'aws:tagkeys',
  'aws:currenttime',
  'aws:epochtime',
]);

function identityKeyState(key: string): KeyState {
  return CALLER_CHOSEN.has(key) || key.startsWith('aws:requesttag/') ? 'chosen' : 'unknown';
}

const identityContexts = new Map<string, RequestContext>();

/**
 * The context for "what can this principal do": direct calls, everything else open. Contexts are
 * shared per set of values, since the analyses ask with the same few (iam:PassedToService) again and again.
 */
export function identityContext(values: Record<string, string | readonly string[]> = {}): RequestContext {
  const key = JSON.stringify(values);
  let ctx = identityContexts.get(key);
  if (!ctx) {
    ctx = makeContext({ 'aws:ViaAWSService': 'false', ...values }, identityKeyState);
    identityContexts.set(key, ctx);
  }
  return ctx;
}

const IDENTITY = identityContext();

/** SCPs per level for principals of this inventory; undefined when not known to apply. */
export function scpLevels(inventory: Inventory): NamedPolicy[][] | undefined {
  const org = inventory.organization;
  if (!org?.serviceControlPolicies.known) return undefined;
  // SCPs never limit the management account.
  if (org.isManagementAccount.known && org.isManagementAccount.value) return undefined;
  return org.serviceControlPolicies.value.map((level) =>
    level.map((p) => ({ name: `SCP ${p.name}`, document: p.document })),
  );
}

export function rcpLevels(inventory: Inventory): NamedPolicy[][] | undefined {
  const org = inventory.organization;
  if (!org?.resourceControlPolicies.known) return undefined;
  return org.resourceControlPolicies.value.map((level) =>
    level.map((p) => ({ name: `RCP ${p.name}`, document: p.document })),
  );
}

export interface PrincipalRequest {
  action: string;
  resource: string;
  context?: RequestContext;
  resourcePolicy?: NamedPolicy;
  resourcePolicyRequired?: boolean;
  resourceAccount?: string;
  explain?: boolean;
}

/** Evaluates one request by an inventory principal. */
export function evaluateFor(
  inventory: Inventory,
  p: AnalyzedPrincipal,
  r: PrincipalRequest,
): EvaluationResult {
  const resolver = resolverFor(inventory);
  const scps = scpLevels(inventory);
  const rcps = rcpLevels(inventory);
  return evaluateRequest({
    identityPolicies: p.identityPolicies,
    ...(p.boundary ? { permissionsBoundary: p.boundary } : {}),
    ...(scps ? { scps } : {}),
    ...(rcps ? { rcps } : {}),
    ...(r.resourcePolicy ? { resourcePolicy: r.resourcePolicy } : {}),
    ...(r.resourcePolicyRequired ? { resourcePolicyRequired: true } : {}),
    ...(resolver ? { resolver } : {}),
    explain: r.explain ?? true,
    request: {
      action: r.action,
      resource: r.resource,
      principalArn: p.arn,
      principalAccount: p.account,
      ...(r.resourceAccount ? { resourceAccount: r.resourceAccount } : {}),
      context: r.context ?? IDENTITY,
    },
  });
}

/**
 * The customer's zone of trust: its own account and, when known, its organization's accounts.
 * Without organization facts an other account is 'unknown' (unless the account is known to be in
 * no organization at all).
 */
export function zoneOf(inventory: Inventory): Zone {
  const own = inventoryAccount(inventory);
  const org = inventory.organization;
  const account = inventory.resources.find((r): r is AwsAccount => r.type === 'AWS::Account');
  const noOrg =
    (org?.id.known === true && org.id.value === null) ||
    (account?.organization.known === true && account.organization.value === null);
  const members = org?.accountIds.known ? new Set(org.accountIds.value) : undefined;
  const orgId =
    org?.id.known && org.id.value
      ? org.id.value
      : account?.organization.known
        ? account.organization.value?.id
        : undefined;
  return {
    contains: (a) => (a === own ? true : members ? members.has(a) : noOrg ? false : 'unknown'),
    ...(orgId ? { orgId } : {}),
  };
}
