/**
 * `whoowns iam who-can <action> <resource>`: every principal of the inventory that the action is
 * allowed to (or may be, depending on named conditions), with the statements that grant or deny,
 * plus who outside the inventory the resource policy lets in, and who can reach an allowed role.
 */
import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resources/index.js';
import { lookupAction } from './action-catalog.js';
import { evaluateFor, zoneOf } from './analysis.js';
import type { Decision, MatchedStatement } from './evaluate.js';
import { analyzeExposure, type Grant } from './exposure.js';
import { reachersOf } from './principal-graph.js';
import { principalIndex } from './principals.js';
import { requestResource, resourcePolicyOf } from './resource-policies.js';
import { resourceArn } from './template-resolver.js';
import { logicalIdOf } from './tokens.js';

export interface WhoCanEntry {
  who: string;
  arn: string;
  decision: Decision;
  matched: readonly MatchedStatement[];
  dependsOn: readonly string[];
  /** How this principal reaches an allowed role: user → role → … */
  via?: string[];
}

export interface WhoCanAnswer {
  action: string;
  resource: string;
  location: string;
  /** The inventory resource the question is about, when found. */
  target?: { id: string; type: string; name: string };
  unknownAction: boolean;
  allowed: WhoCanEntry[];
  /** Principals an explicit Deny stops although something allows them. */
  denied: WhoCanEntry[];
  viaAssumeRole: WhoCanEntry[];
  outside: Grant[];
  notes: string[];
}

/** `DataBucket`, `{{DataBucket}}`, a name or an ARN; `DataBucket/key` names an object under it. */
export function findTarget(inventory: Inventory, arg: string): { resource?: Resource; request: string } {
  const [head = '', ...rest] = arg.startsWith('arn:') ? [arg] : arg.split('/');
  const id = logicalIdOf(head) ?? head;
  const resource = inventory.resources.find(
    (r) => r.arn === head || r.id === id || (r.name === head && r.type !== 'AWS::Account'),
  );
  if (!resource) return { request: arg };
  const arn = resourceArn(inventory, resource);
  return { resource, request: rest.length ? `${arn}/${rest.join('/')}` : arn };
}

export function whoCan(inventory: Inventory, action: string, resourceArg: string): WhoCanAnswer {
  const { resource, request: requested } = findTarget(inventory, resourceArg);
  const info = resource ? resourcePolicyOf(inventory, resource) : undefined;
  const known = info?.policy.known && info.policy.value ? info.policy.value : undefined;
  const actionInfo = lookupAction(action);
  // Asked about a bucket, s3:GetObject means its objects.
  const request =
    info && actionInfo && requested === info.arn
      ? requestResource(info, actionInfo.resourceTypes)
      : requested;
  const answer: WhoCanAnswer = {
    action,
    resource: request,
    location: inventory.source.location,
    ...(resource ? { target: { id: resource.id, type: resource.type, name: resource.name } } : {}),
    unknownAction: !actionInfo,
    allowed: [],
    denied: [],
    viaAssumeRole: [],
    outside: [],
    notes: [],
  };
  if (!resource)
    answer.notes.push(
      `${resourceArg} is not a resource of this inventory: only identity policies are evaluated`,
    );
  if (info && !info.policy.known)
    answer.notes.push(
      `the ${info.label} is unknown (${info.policy.reason}): answers may miss what it grants or denies`,
    );
  const index = principalIndex(inventory);
  for (const p of index.principals) {
    const r = evaluateFor(inventory, p, {
      action,
      resource: request,
      ...(known && info
        ? {
            resourcePolicy: { name: `${info.label} of ${info.resource.name}`, document: known },
            resourcePolicyRequired: info.required,
            resourceAccount: info.account,
          }
        : {}),
    });
    const entry: WhoCanEntry = {
      who: `${p.kind} ${p.resource.name}`,
      arn: p.arn,
      decision: r.decision,
      matched: r.matched,
      dependsOn: r.dependsOn,
    };
    if (r.decision === 'Allowed' || r.decision === 'Unknown') answer.allowed.push(entry);
    else if (r.decision === 'ExplicitDeny' && r.matched.some((m) => m.effect === 'Allow'))
      answer.denied.push(entry);
  }
  const listed = new Set(answer.allowed.map((e) => e.arn));
  for (const e of answer.allowed) {
    const role = index.principals.find((p) => p.arn === e.arn && p.kind === 'role');
    if (!role) continue;
    for (const reach of reachersOf(inventory, role)) {
      if (listed.has(reach.who.arn)) continue;
      listed.add(reach.who.arn);
      answer.viaAssumeRole.push({
        who: `${reach.who.kind} ${reach.who.resource.name}`,
        arn: reach.who.arn,
        decision: reach.certain && e.decision === 'Allowed' ? 'Allowed' : 'Unknown',
        matched: [],
        dependsOn: [],
        via: reach.path.map((p) => `${p.kind} ${p.resource.name}`),
      });
    }
  }
  if (info) {
    const exposure = analyzeExposure(inventory, info, zoneOf(inventory), action);
    answer.outside = [...exposure.public, ...exposure.outside];
  }
  return answer;
}
