/**
 * How much a principal (or a policy on its own) may do: whether it is a full administrator, and
 * which write or permissions-management actions of sensitive services it holds on every resource.
 */
import type { Inventory } from '../model/inventory.js';
import type { PolicyStatement } from '../model/policy.js';
import { type AccessLevel, type ActionInfo, actionsOf, expandAction } from './action-catalog.js';
import { evaluateFor, identityContext } from './analysis.js';
import { EVERY_RESOURCE } from './compile-policy.js';
import type { EvaluationResult, MatchedStatement, NamedPolicy } from './evaluate.js';
import type { AnalyzedPrincipal } from './principals.js';
import { inventoryAccount } from './template-resolver.js';

/** A policy judged on its own, as if attached to a principal with nothing else. */
export function policyAsPrincipal(inventory: Inventory, policy: NamedPolicy): AnalyzedPrincipal {
  const account = inventoryAccount(inventory);
  return {
    resource: {
      type: 'AWS::IAM::Role',
      id: 'whoowns-probe',
      name: 'probe',
      source: {},
    } as AnalyzedPrincipal['resource'],
    kind: 'role',
    arn: `arn:aws:iam::${account}:role/whoowns-probe`,
    account,
    identityPolicies: [policy],
  };
}

/**
 * Actions across the account's most powerful services, and one that no service has: a grant
 * covering them all on every resource is "*" in effect, however it is spelled (`*`, `*:*`,
 * NotAction of a few actions).
 */
const ADMIN_PROBES = [
  'iam:CreateUser',
  'iam:PutRolePolicy',
  'iam:PassRole',
  'sts:AssumeRole',
  'organizations:LeaveOrganization',
  'account:CloseAccount',
  'ec2:RunInstances',
  's3:DeleteBucket',
  's3:GetObject',
  'kms:ScheduleKeyDeletion',
  'cloudtrail:StopLogging',
  'lambda:UpdateFunctionCode',
  'secretsmanager:GetSecretValue',
  'ssm:SendCommand',
  'whoowns-probe:AnyFutureAction',
];

export interface PrivilegeAnswer {
  status: 'yes' | 'maybe' | 'no';
  /** Statements behind a yes or maybe. */
  evidence: MatchedStatement[];
  dependsOn: readonly string[];
}

const CTX = identityContext();

export function fullAdmin(inventory: Inventory, p: AnalyzedPrincipal): PrivilegeAnswer {
  let maybe: EvaluationResult | undefined;
  for (const action of ADMIN_PROBES) {
    const r = evaluateFor(inventory, p, { action, resource: EVERY_RESOURCE, context: CTX, explain: false });
    if (r.decision === 'ImplicitDeny' || r.decision === 'ExplicitDeny')
      return { status: 'no', evidence: [], dependsOn: [] };
    if (r.decision === 'Unknown' && !maybe)
      maybe = evaluateFor(inventory, p, { action, resource: EVERY_RESOURCE, context: CTX });
  }
  const shown =
    maybe ?? evaluateFor(inventory, p, { action: 'iam:CreateUser', resource: EVERY_RESOURCE, context: CTX });
  return {
    status: maybe ? 'maybe' : 'yes',
    evidence: shown.matched.filter((m) => m.effect === 'Allow'),
    dependsOn: shown.dependsOn,
  };
}

/** Services whose write or permissions-management actions on every resource give away the account. */
export const SENSITIVE_SERVICES: readonly string[] = [
  'iam',
  'organizations',
  'account',
  'sts',
  'sso',
  'kms',
  'secretsmanager',
  'ssm',
  's3',
  'lambda',
  'ec2',
  'cloudtrail',
  'config',
  'guardduty',
  'securityhub',
  'cloudformation',
  'rds',
  'dynamodb',
  'ecr',
  'backup',
];

const LEVELS: ReadonlySet<AccessLevel> = new Set(['Write', 'Permissions management']);

/**
 * What the SSM agent on an instance reports about that instance: AWS's own instance policy
 * (AmazonSSMManagedInstanceCore) grants these on "*", since the agent acts only on the instance
 * it runs on. Holding them on "*" gives nothing of anyone else's away.
 */
const INSTANCE_AGENT_ACTIONS: ReadonlySet<string> = new Set([
  'ssm:updateinstanceinformation',
  'ssm:updateinstanceassociationstatus',
  'ssm:updateassociationstatus',
  'ssm:putinventory',
  'ssm:putcomplianceitems',
  'ssm:putconfigurepackageresult',
]);

function coveredActions(s: PolicyStatement): ActionInfo[] {
  const sensitive = (a: ActionInfo) =>
    LEVELS.has(a.accessLevel) && a.resourceTypes.length > 0 && !INSTANCE_AGENT_ACTIONS.has(a.key);
  if (s.action) {
    return s.action
      .flatMap((pattern) => expandAction(pattern).actions)
      .filter((a) => SENSITIVE_SERVICES.includes(a.service) && sensitive(a));
  }
  if (s.notAction) {
    const excluded = new Set(
      s.notAction.flatMap((pattern) => expandAction(pattern).actions.map((a) => a.key)),
    );
    return SENSITIVE_SERVICES.flatMap((svc) => actionsOf(svc)).filter(
      (a) => sensitive(a) && !excluded.has(a.key),
    );
  }
  return [];
}

export interface BroadWrite {
  service: string;
  level: AccessLevel;
  allowed: string[];
  maybe: string[];
}

/**
 * Write and permissions-management actions of sensitive services that the principal holds on
 * every resource ("*"). Actions that only work on "*" are left out: no policy can scope them.
 */
export function broadWrites(
  inventory: Inventory,
  p: AnalyzedPrincipal,
): { writes: BroadWrite[]; unknownPolicies: string[] } {
  const candidates = new Map<string, ActionInfo>();
  const unknownPolicies: string[] = [];
  for (const policy of p.identityPolicies) {
    if (!policy.document) {
      unknownPolicies.push(`${policy.name} (${policy.unknownReason ?? 'unknown'})`);
      continue;
    }
    for (const s of policy.document.statements) {
      if (s.effect !== 'Allow') continue;
      for (const a of coveredActions(s)) candidates.set(a.key, a);
    }
  }
  const groups = new Map<string, BroadWrite>();
  for (const a of candidates.values()) {
    const r = evaluateFor(inventory, p, {
      action: a.name,
      resource: EVERY_RESOURCE,
      context: CTX,
      explain: false,
    });
    if (r.decision !== 'Allowed' && r.decision !== 'Unknown') continue;
    const key = `${a.service}|${a.accessLevel}`;
    const g = groups.get(key) ?? { service: a.service, level: a.accessLevel, allowed: [], maybe: [] };
    (r.decision === 'Allowed' ? g.allowed : g.maybe).push(a.name);
    groups.set(key, g);
  }
  return { writes: [...groups.values()], unknownPolicies };
}
