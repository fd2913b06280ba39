/**
 * Matching a request's principal against a statement's Principal or NotPrincipal element. How a
 * statement names the principal matters to the evaluator: a grant to the account ("111…:root" or
 * "111…") only delegates to that account's own IAM policies, while a grant naming the user, role
 * or session itself can allow on its own (see evaluate.ts).
 */
import type { Principal } from '../model/policy.js';
import { isAccountId, type PrincipalType, parseArn } from './arn.js';
import { globMatch } from './glob.js';
import type { Tri } from './tri.js';

export interface RequestPrincipal {
  arn: string;
  type: PrincipalType;
  /** Account id, or a `{{AWS::AccountId}}` token for the template's own account. */
  account?: string;
  /** For a role session, the role's ARN. */
  roleArn?: string;
}

/** How a matching Principal entry named the caller. */
export type GrantKind = 'everyone' | 'account' | 'identity' | 'session' | 'service';

export interface PrincipalHit {
  match: Tri;
  kind?: GrantKind;
}

const NO: PrincipalHit = { match: false };
const EXACT = { ignoreCase: false, wildcards: false, variables: false };

function sameString(pattern: string, value: string | undefined): Tri {
  return value === undefined ? false : globMatch(pattern, value, EXACT);
}

function accountEntry(entry: string): string | undefined {
  if (isAccountId(entry) || entry === '{{AWS::AccountId}}') return entry;
  const arn = parseArn(entry);
  return arn && arn.service === 'iam' && arn.resource === 'root' ? arn.account : undefined;
}

function matchAws(entry: string, p: RequestPrincipal, exact: boolean): PrincipalHit {
  if (entry === '*') return { match: true, kind: 'everyone' };
  if (p.type === 'service' || p.type === 'anonymous' || p.type === 'federated') {
    return entry.startsWith('{{unresolved:') ? { match: 'unknown', kind: 'identity' } : NO;
  }
  const account = accountEntry(entry);
  // NotPrincipal spares exactly the principals it names: the account entry spares only the account itself.
  if (account !== undefined && exact && p.type !== 'root') return NO;
  if (account !== undefined) {
    const m = sameString(account, p.account);
    return m === false ? NO : { match: m, kind: 'account' };
  }
  const direct = sameString(entry, p.arn);
  if (direct !== false) return { match: direct, kind: p.type === 'session' ? 'session' : 'identity' };
  if (exact) return NO;
  // Naming a role covers every session of it.
  const viaRole = sameString(entry, p.roleArn);
  return viaRole === false ? NO : { match: viaRole, kind: 'identity' };
}

function matchEntry(type: string, entry: string, p: RequestPrincipal, exact: boolean): PrincipalHit {
  switch (type.toLowerCase()) {
    case 'aws':
      return matchAws(entry, p, exact);
    case 'service':
      if (entry === '*') return { match: true, kind: 'everyone' };
      return p.type === 'service' && entry.toLowerCase() === p.arn.toLowerCase()
        ? { match: true, kind: 'service' }
        : NO;
    case 'federated':
      return p.type === 'federated' ? { match: sameString(entry, p.arn), kind: 'identity' } : NO;
    default:
      // CanonicalUser ids name S3 accounts we cannot map to ARNs.
      return NO;
  }
}

/**
 * Does the Principal element name the caller? The first definite match decides the grant kind.
 * `exact` is for NotPrincipal, which AWS compares literally: a role ARN there does not cover the
 * role's sessions, nor an account its users (AWS's documentation asks for both to be listed).
 */
export function matchPrincipal(element: Principal, p: RequestPrincipal, exact = false): PrincipalHit {
  if (element === '*') return { match: true, kind: 'everyone' };
  let best: PrincipalHit = NO;
  for (const [type, entries] of Object.entries(element)) {
    for (const entry of entries) {
      const hit = matchEntry(type, entry, p, exact);
      if (hit.match === true) return hit;
      if (hit.match === 'unknown' && best.match === false) best = hit;
    }
  }
  return best;
}
