/**
 * Lints a policy document for its type, beyond what parsing already rejects: elements that do
 * not belong (a Principal in an identity policy), missing ones, unknown actions (a typo grants
 * nothing and hides the intent) and operators AWS does not have. Every problem names the
 * statement it is about.
 */
import type { PolicyDocument, PolicyStatement } from '../model/policy.js';
import { expandAction, serviceKeys } from './action-catalog.js';
import { parseOperator } from './condition-operators.js';
import { hasToken } from './tokens.js';

export type PolicyType = 'identity' | 'resource' | 'trust' | 'boundary' | 'scp' | 'rcp' | 'session';

export interface PolicyProblem {
  severity: 'error' | 'warning';
  /** 0-based statement index; absent for document-level problems. */
  statement?: number;
  sid?: string;
  message: string;
}

const WITH_PRINCIPAL: ReadonlySet<PolicyType> = new Set(['resource', 'trust', 'rcp']);
const NEEDS_RESOURCE: ReadonlySet<PolicyType> = new Set(['identity', 'boundary', 'session', 'rcp']);

function actionProblem(pattern: string): string | undefined {
  if (pattern === '*' || hasToken(pattern)) return undefined;
  const colon = pattern.indexOf(':');
  if (colon <= 0) return `action "${pattern}" is not of the form service:Action`;
  const service = pattern.slice(0, colon).toLowerCase();
  if (!/[*?]/.test(service) && !serviceKeys().has(service))
    return `action "${pattern}" names no AWS service ("${service}")`;
  if (expandAction(pattern).unknown) return `action "${pattern}" matches no action AWS documents`;
  return undefined;
}

function statementProblems(
  s: PolicyStatement,
  type: PolicyType,
): Array<Omit<PolicyProblem, 'statement' | 'sid'>> {
  const out: Array<Omit<PolicyProblem, 'statement' | 'sid'>> = [];
  const error = (message: string) => out.push({ severity: 'error', message });
  const warn = (message: string) => out.push({ severity: 'warning', message });
  if (s.action && s.notAction) error('has both Action and NotAction');
  if (!s.action && !s.notAction) error('has neither Action nor NotAction, so it matches nothing');
  if (s.resource && s.notResource) error('has both Resource and NotResource');
  if (!s.resource && !s.notResource && NEEDS_RESOURCE.has(type))
    error('has no Resource, so it matches nothing');
  const hasPrincipal = s.principal !== undefined || s.notPrincipal !== undefined;
  if (hasPrincipal && !WITH_PRINCIPAL.has(type)) error(`has a Principal, which a ${type} policy cannot have`);
  if (!hasPrincipal && (type === 'resource' || type === 'trust'))
    error('has no Principal, so it grants nobody anything');
  if (s.effect === 'Allow' && s.notPrincipal)
    warn('allows with NotPrincipal: everyone but the listed principals gets in');
  if (s.effect === 'Allow' && s.notAction && type === 'identity')
    warn('allows with NotAction: every action not listed, in every service, including future ones');
  for (const pattern of [...(s.action ?? []), ...(s.notAction ?? [])]) {
    const problem = actionProblem(pattern);
    if (problem) warn(problem);
  }
  for (const operator of Object.keys(s.condition ?? {})) {
    if (!parseOperator(operator)) error(`uses condition operator "${operator}", which AWS does not have`);
  }
  return out;
}

export function validatePolicy(doc: PolicyDocument, type: PolicyType): PolicyProblem[] {
  const out: PolicyProblem[] = doc.problems.map((message) => ({ severity: 'error' as const, message }));
  if (doc.version === undefined)
    out.push({
      severity: 'warning',
      message: 'has no Version, so policy variables such as ${aws:username} are taken literally',
    });
  else if (doc.version !== '2012-10-17' && doc.version !== '2008-10-17' && !hasToken(doc.version)) {
    out.push({ severity: 'error', message: `has Version "${doc.version}", which AWS does not accept` });
  }
  const sids = new Set<string>();
  for (const s of doc.statements) {
    const where = { statement: s.index, ...(s.sid ? { sid: s.sid } : {}) };
    if (s.sid && sids.has(s.sid))
      out.push({ ...where, severity: 'warning', message: `repeats Sid "${s.sid}"` });
    if (s.sid) sids.add(s.sid);
    for (const p of statementProblems(s, type)) out.push({ ...where, ...p });
  }
  return out;
}
