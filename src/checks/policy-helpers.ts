/**
 * Small readers of resource and identity policies that several check groups share. They work on
 * the normalised `PolicyDocument`: `{{LogicalId}}` tokens are specific known things, while
 * `{{unresolved:...}}` tokens are values a template cannot tell before deployment.
 */
import type { PolicyStatement, Principal } from '../model/policy.js';
import { isUnresolvedToken } from '../model/policy.js';

/** True when a principal block names everyone: `"*"` or `{ AWS: "*" }`. */
export function principalIsEveryone(principal: Principal | undefined): boolean {
  if (principal === undefined) return false;
  if (principal === '*') return true;
  return Object.values(principal).some((values) => values.includes('*'));
}

/** An Allow to `*`, or an Allow with NotPrincipal (everyone except a few), reaches the public. */
export function allowsEveryone(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Allow') return false;
  return principalIsEveryone(statement.principal) || statement.notPrincipal !== undefined;
}

/**
 * Condition keys that pin a `*` principal to a known caller or network, following S3's and IAM
 * Access Analyzer's meaning of "not public" (fixed source, account, organization, VPC, IP range).
 */
export const RESTRICTING_CONDITION_KEYS: ReadonlySet<string> = new Set([
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceip',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
]);

/** Operators that only match the listed values; negated, IfExists and ForAllValues ones let absent keys through. */
const POSITIVE_OPERATORS = new Set([
  'stringequals',
  'stringequalsignorecase',
  'stringlike',
  'arnequals',
  'arnlike',
  'ipaddress',
]);

function positiveOperator(operator: string): boolean {
  const op = operator.toLowerCase().replace(/^foranyvalue:/, '');
  return POSITIVE_OPERATORS.has(op);
}

/** Wildcards or policy variables outside template tokens make a value match more than one thing. */
export function isFixedValue(value: string): boolean {
  const outsideTokens = value.replace(/\{\{[^}]*\}\}/g, '');
  return !/[*?]/.test(outsideTokens) && !outsideTokens.includes('${');
}

function isOpenCidr(value: string): boolean {
  return /\/0$/.test(value.trim());
}

export type Restriction = 'restricted' | 'unrestricted' | 'unknown';

/**
 * Whether a statement's conditions confine it to fixed callers (see RESTRICTING_CONDITION_KEYS).
 * `unknown` when the only confining values are unresolved template values.
 */
export function conditionRestriction(statement: PolicyStatement): Restriction {
  let sawUnresolved = false;
  for (const [operator, keys] of Object.entries(statement.condition ?? {})) {
    if (!positiveOperator(operator)) continue;
    for (const [key, values] of Object.entries(keys)) {
      if (!RESTRICTING_CONDITION_KEYS.has(key.toLowerCase()) || values.length === 0) continue;
      const openIp = key.toLowerCase() === 'aws:sourceip' && values.some(isOpenCidr);
      if (openIp || values.some((v) => !isFixedValue(v))) continue;
      if (values.some(isUnresolvedToken)) {
        sawUnresolved = true;
        continue;
      }
      return 'restricted';
    }
  }
  return sawUnresolved ? 'unknown' : 'unrestricted';
}

const NEGATED_OPERATORS = new Set([
  'stringnotequals',
  'stringnotequalsignorecase',
  'stringnotlike',
  'arnnotequals',
  'arnnotlike',
  'notipaddress',
]);

/**
 * True for a Deny whose single condition denies every caller outside a fixed set, e.g. Deny when
 * aws:SourceVpce is not vpce-1a2b: such a statement confines the Allows it covers just as well.
 * IfExists variants still deny callers that lack the key, so they confine too.
 */
export function denyConfinesToFixedCallers(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Deny' || !principalIsEveryone(statement.principal)) return false;
  const entries = Object.entries(statement.condition ?? {}).flatMap(([operator, keys]) => {
    const op = operator.toLowerCase().replace(/ifexists$/, '');
    return Object.entries(keys).map(([key, values]) => ({ op, key, values }));
  });
  if (entries.length !== 1) return false;
  const [only] = entries;
  if (!only || !NEGATED_OPERATORS.has(only.op)) return false;
  if (!RESTRICTING_CONDITION_KEYS.has(only.key.toLowerCase())) return false;
  return only.values.length > 0 && only.values.every((v) => isFixedValue(v) && !isOpenCidr(v));
}

/** Case-insensitive IAM wildcard match (`*` any run, `?` one character). */
export function wildcardMatch(pattern: string, value: string): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(value);
}

/** Whether the statement's Action (or NotAction) covers `action`. */
export function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.action) return statement.action.some((p) => wildcardMatch(p, action));
  if (statement.notAction) return !statement.notAction.some((p) => wildcardMatch(p, action));
  return false;
}

/** Whether the statement's Resource (or NotResource) covers `resource`. */
export function statementCoversResource(statement: PolicyStatement, resource: string): boolean {
  if (statement.resource) return statement.resource.some((p) => wildcardMatch(p, resource));
  if (statement.notResource) return !statement.notResource.some((p) => wildcardMatch(p, resource));
  return false;
}

/** The values of a condition key under an operator, matched case-insensitively; undefined when absent. */
export function conditionValues(statement: PolicyStatement, op: string, key: string): string[] | undefined {
  for (const [operator, keys] of Object.entries(statement.condition ?? {})) {
    if (operator.toLowerCase() !== op.toLowerCase()) continue;
    for (const [k, values] of Object.entries(keys)) {
      if (k.toLowerCase() === key.toLowerCase()) return values;
    }
  }
  return undefined;
}

/** Names a statement for messages: its Sid when it has one, else its position. */
export function describeStatement(statement: PolicyStatement): string {
  return statement.sid ? `statement "${statement.sid}"` : `statement #${statement.index + 1}`;
}

/* ---- Identity-policy helpers (full admin, role trust) ---- */

/** Action values that grant every action of every service. */
function isEveryAction(action: string): boolean {
  return action === '*' || action === '*:*';
}

function hasConditions(statement: PolicyStatement): boolean {
  return Object.values(statement.condition ?? {}).some((keys) => Object.keys(keys).length > 0);
}

export type TriState = 'yes' | 'no' | 'unknown';

function triState(yes: boolean, maybe: boolean): TriState {
  return yes ? 'yes' : maybe ? 'unknown' : 'no';
}

/**
 * Whether a statement is an unconditioned Allow of `*` (or `*:*`) on Resource `*`, as CIS 1.16 and
 * Security Hub IAM.1 define full administrator access. `unknown` when an action or resource the
 * template cannot resolve might be `*`.
 */
export function grantsFullAdmin(statement: PolicyStatement): TriState {
  if (statement.effect !== 'Allow' || !statement.action || !statement.resource || hasConditions(statement)) {
    return 'no';
  }
  const actions = statement.action;
  const resources = statement.resource;
  const action = triState(actions.some(isEveryAction), actions.some(isUnresolvedToken));
  const resource = triState(resources.includes('*'), resources.some(isUnresolvedToken));
  if (action === 'no' || resource === 'no') return 'no';
  return action === 'yes' && resource === 'yes' ? 'yes' : 'unknown';
}

/** AWS's own full-access policy in any partition (aws, aws-cn, aws-us-gov). */
export function isAdministratorAccessArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/.test(arn);
}

/**
 * Condition keys that confine an assume-role `*` principal to callers the customer knows: its
 * organization, named accounts or principals, a calling service's source, or an external id.
 */
export const TRUST_RESTRICTING_KEYS: ReadonlySet<string> = new Set([
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourceaccount',
  'aws:sourcearn',
  'sts:externalid',
]);

/**
 * IfExists, Null and negated operators let a caller without the key through (a principal outside
 * any organization has no aws:PrincipalOrgID), so only positive matches confine.
 */
const TRUST_POSITIVE_OPERATORS = new Set([
  'stringequals',
  'stringequalsignorecase',
  'stringlike',
  'arnequals',
  'arnlike',
]);

/** Whether a trust statement's conditions confine who may assume; see TRUST_RESTRICTING_KEYS. */
export function trustRestriction(statement: PolicyStatement): Restriction {
  let sawUnresolved = false;
  for (const [operator, keys] of Object.entries(statement.condition ?? {})) {
    if (!TRUST_POSITIVE_OPERATORS.has(operator.toLowerCase().replace(/^foranyvalue:/, ''))) continue;
    for (const [key, values] of Object.entries(keys)) {
      if (!TRUST_RESTRICTING_KEYS.has(key.toLowerCase()) || values.length === 0) continue;
      if (values.some((v) => !isFixedValue(v))) continue;
      if (values.some(isUnresolvedToken)) {
        sawUnresolved = true;
        continue;
      }
      return 'restricted';
    }
  }
  return sawUnresolved ? 'unknown' : 'unrestricted';
}
