/**
 * Which privilege-escalation paths a principal can take: every step of a path must be allowed,
 * evaluated with the principal's policies, permissions boundary and SCPs, on a target of the
 * right kind. iam:PassRole is asked with iam:PassedToService set, on a role of the account in
 * general and on each role of the inventory that the service may assume.
 */
import type { Inventory } from '../model/inventory.js';
import type { PolicyDocument } from '../model/policy.js';
import { type ActionInfo, lookupAction, sampleArn } from './action-catalog.js';
import { evaluateFor, identityContext } from './analysis.js';
import { compilePolicy } from './compile-policy.js';
import { actionIds } from './intern.js';
import { makeContext } from './context.js';
import type { Decision, EvaluationResult } from './evaluate.js';
import { evaluateRequest } from './evaluate.js';
import { type EscalationPath, type EscalationStep, escalationPaths } from './escalation-paths.js';
import type { AnalyzedPrincipal } from './principals.js';
import { attachedFromPolicy, principalIndex } from './principals.js';
import { inventoryRegion, resolverFor, resourceArn } from './template-resolver.js';
import { expandTokens } from './tokens.js';

export interface StepEvidence {
  action: string;
  target: string;
  decision: Decision;
  reasons: string[];
  dependsOn: readonly string[];
}

export interface PathResult {
  path: EscalationPath;
  status: 'yes' | 'maybe';
  steps: StepEvidence[];
}

const PROBE = 'whoowns-probe';

const passable = new WeakMap<Inventory, Map<string, string[]>>();

/** Roles of the inventory whose trust policy lets `service` assume them; once per inventory and service. */
function passableRoles(inventory: Inventory, service: string): string[] {
  let byService = passable.get(inventory);
  if (!byService) {
    byService = new Map();
    passable.set(inventory, byService);
  }
  const cached = byService.get(service);
  if (cached) return cached;
  const found = findPassableRoles(inventory, service);
  byService.set(service, found);
  return found;
}

function findPassableRoles(inventory: Inventory, service: string): string[] {
  const resolver = resolverFor(inventory);
  const out: string[] = [];
  for (const p of principalIndex(inventory).principals) {
    if (p.resource.type !== 'AWS::IAM::Role' || !p.resource.assumeRolePolicy.known) continue;
    const trust = evaluateRequest({
      resourcePolicy: { name: 'trust', document: p.resource.assumeRolePolicy.value },
      resourcePolicyRequired: true,
      ...(resolver ? { resolver } : {}),
      explain: false,
      // Services assume roles with conditions of the customer's own making; give them the benefit.
      request: {
        action: 'sts:AssumeRole',
        resource: p.arn,
        principalArn: service,
        context: makeContext({}, () => 'chosen'),
      },
    });
    if (trust.decision !== 'ImplicitDeny' && trust.decision !== 'ExplicitDeny') out.push(p.arn);
  }
  return out;
}

function targetsFor(
  inventory: Inventory,
  p: AnalyzedPrincipal,
  step: EscalationStep,
  action: ActionInfo,
  kind: string,
): string[] {
  const fill = { account: p.account, region: inventoryRegion(inventory), name: PROBE };
  const probe = sampleArn(action, fill, step.resourceType) ?? '*';
  if (action.key === 'iam:passrole') {
    return [probe, ...passableRoles(inventory, step.passedToService ?? '').filter((arn) => arn !== p.arn)];
  }
  const types = action.resourceTypes.map((t) => t.name);
  if (kind === 'self') return types.includes(p.kind) ? [p.arn] : [];
  if (kind === 'own-policies') return types.includes('policy') ? ownPolicyArns(inventory, p) : [];
  return [probe];
}

/** Customer managed policies attached to the principal, from either side of the attachment. */
/** Customer managed policies attached to the principal, from either side of the attachment. */
function ownPolicyArns(inventory: Inventory, p: AnalyzedPrincipal): string[] {
  const resolver = resolverFor(inventory);
  const fromPrincipal = p.resource.managedPolicyArns
    .filter((v) => v.known && !v.value.includes(':iam::aws:policy/'))
    .map((v) => expandTokens(v.known ? v.value : '', resolver));
  const list = p.kind === 'role' ? 'attachedRoles' : 'attachedUsers';
  return [
    ...fromPrincipal,
    ...attachedFromPolicy(inventory, list, p.resource).map((r) => resourceArn(inventory, r)),
  ];
}

/** `any`: some statement could allow an action of any service (`*`, a service wildcard, NotAction, a token). */
type ServiceSet = ReadonlySet<string> | 'any';
const grantedServices = new WeakMap<PolicyDocument, ServiceSet>();

/** The services whose actions some Allow statement of the document names. */
function servicesOf(doc: PolicyDocument): ServiceSet {
  let found = grantedServices.get(doc);
  if (found) return found;
  const services = new Set<string>();
  found = services;
  for (const s of doc.statements) {
    if (s.effect !== 'Allow') continue;
    if (s.notAction || !s.action) {
      found = 'any';
      break;
    }
    for (const pattern of s.action) {
      const service = pattern.slice(0, Math.max(pattern.indexOf(':'), 0)).toLowerCase();
      if (service === '' || /[*?{}]/.test(service)) found = 'any';
      else services.add(service);
    }
    if (found === 'any') break;
  }
  grantedServices.set(doc, found);
  return found;
}

/**
 * A first, cheap filter: most workload principals hold actions of a few services, and most
 * escalation steps need IAM, STS or a compute service; those steps are settled without evaluation.
 */
function mayGrantService(p: AnalyzedPrincipal, service: string): boolean {
  for (const policy of p.identityPolicies) {
    if (!policy.document) return true;
    const services = servicesOf(policy.document);
    if (services === 'any' || services.has(service)) return true;
  }
  return false;
}

/** Whether some Allow statement of the principal's policies covers the action (or a policy is unknown). */
function mayAllow(inventory: Inventory, p: AnalyzedPrincipal, action: string): boolean {
  const resolver = resolverFor(inventory);
  const key = actionIds.get(action);
  return p.identityPolicies.some(
    (policy) =>
      !policy.document ||
      compilePolicy(policy.document, resolver).statements.some(
        (s) => s.effect === 'Allow' && s.actionTest(key) !== false,
      ),
  );
}

const RANK: Record<Decision, number> = { Allowed: 3, Unknown: 2, ImplicitDeny: 1, ExplicitDeny: 0 };

function evaluateStep(
  inventory: Inventory,
  p: AnalyzedPrincipal,
  step: EscalationStep,
  kind: string,
): StepEvidence | undefined {
  let best: { action: string; target: string; decision: Decision } | undefined;
  for (const name of step.anyOf) {
    const key = name.toLowerCase();
    // A role that attaches a policy to itself needs no sts:AssumeRole to use it.
    if (kind === 'self' && p.kind === 'role' && key === 'sts:assumerole') {
      return {
        action: name,
        target: p.arn,
        decision: 'Allowed',
        reasons: [`${p.resource.name} is the role itself`],
        dependsOn: [],
      };
    }
    // Without an Allow that names the action no target can be allowed: skip the (many) targets,
    // and, when no policy names the service at all, the service's action catalog too.
    if (!mayGrantService(p, key.slice(0, key.indexOf(':')))) continue;
    const action = lookupAction(name);
    if (!action || !mayAllow(inventory, p, action.name)) continue;
    const context = identityContext(
      step.passedToService ? { 'iam:PassedToService': step.passedToService } : {},
    );
    for (const target of targetsFor(inventory, p, step, action, kind)) {
      const r = evaluateFor(inventory, p, { action: action.name, resource: target, context, explain: false });
      if (!best || RANK[r.decision] > RANK[best.decision])
        best = { action: action.name, target, decision: r.decision };
      if (r.decision === 'Allowed') break;
    }
    if (best?.decision === 'Allowed') break;
  }
  if (!best || (best.decision !== 'Allowed' && best.decision !== 'Unknown')) return undefined;
  const context = identityContext(
    step.passedToService ? { 'iam:PassedToService': step.passedToService } : {},
  );
  const full: EvaluationResult = evaluateFor(inventory, p, {
    action: best.action,
    resource: best.target,
    context,
  });
  return {
    ...best,
    reasons: full.matched.filter((m) => m.effect === 'Allow').map((m) => m.reason),
    dependsOn: full.dependsOn,
  };
}

/**
 * Whether some Allow could name an action of the step: otherwise evaluateStep settles it without
 * evaluation. A role's own sts:AssumeRole needs no grant, so such steps always stay possible.
 */
function stepMayBeGranted(p: AnalyzedPrincipal, step: EscalationStep): boolean {
  for (const service of servicesOfStep(step)) {
    if (service === SELF_ASSUMABLE || mayGrantService(p, service)) return true;
  }
  return false;
}

const SELF_ASSUMABLE = 'sts:assumerole';
const stepServices = new WeakMap<EscalationStep, readonly string[]>();

/** The services a step's actions belong to (sts:AssumeRole kept whole), computed once per step. */
function servicesOfStep(step: EscalationStep): readonly string[] {
  let services = stepServices.get(step);
  if (!services) {
    services = step.anyOf.map((name) => {
      const key = name.toLowerCase();
      return key === SELF_ASSUMABLE ? key : key.slice(0, key.indexOf(':'));
    });
    stepServices.set(step, services);
  }
  return services;
}

/** The paths the principal can take ('yes') or may take depending on unknowns ('maybe'). */
export function escalationsOf(inventory: Inventory, p: AnalyzedPrincipal): PathResult[] {
  const out: PathResult[] = [];
  for (const path of escalationPaths()) {
    // Most workload principals hold a few services' actions: most paths end at their first step.
    if (!path.steps.every((step) => stepMayBeGranted(p, step))) continue;
    let found: PathResult | undefined;
    for (const kind of path.targets ?? ['other']) {
      const steps: StepEvidence[] = [];
      for (const step of path.steps) {
        const evidence = evaluateStep(inventory, p, step, kind);
        if (!evidence) break;
        steps.push(evidence);
      }
      if (steps.length !== path.steps.length) continue;
      const status = steps.every((s) => s.decision === 'Allowed') ? 'yes' : 'maybe';
      if (!found || (status === 'yes' && found.status === 'maybe')) found = { path, status, steps };
      if (status === 'yes') break;
    }
    if (found) out.push(found);
  }
  return out;
}
