/**
 * The request as the policy sets see it: who asks (parsed once per distinct caller), the
 * condition context with the keys AWS fills from the request itself, and the interned action and
 * resource.
 */
import { nameOfArn, principalTypeOf, roleOfSession } from './arn.js';
import type { RequestContext } from './context.js';
import type { EvaluationRequest } from './evaluation-types.js';
import type { Interned } from './intern.js';
import type { SetRequest } from './policy-set.js';
import type { RequestPrincipal } from './principal-match.js';
import type { TokenResolver } from './tokens.js';

const principals = new Map<string, RequestPrincipal>();

/** Parsed once per distinct caller: the benchmark asks millions of questions of a thousand principals. */
export function principalOf(r: EvaluationRequest): RequestPrincipal {
  let p = principals.get(r.principalArn);
  if (!p || p.account !== r.principalAccount) {
    const type = principalTypeOf(r.principalArn);
    const roleArn = type === 'session' ? roleOfSession(r.principalArn) : undefined;
    p = {
      arn: r.principalArn,
      type,
      ...(r.principalAccount ? { account: r.principalAccount } : {}),
      ...(roleArn ? { roleArn } : {}),
    };
    if (principals.size > 100_000) principals.clear();
    principals.set(r.principalArn, p);
  }
  return p;
}

export function isIam(p: RequestPrincipal): boolean {
  return p.type !== 'service' && p.type !== 'anonymous' && p.type !== 'federated';
}

/**
 * The request as the policy sets see it: the condition context (with the keys AWS fills from the
 * request itself, looked up only when a condition or variable needs one) and the interned action,
 * resource and principal.
 */
export class Request implements RequestContext, SetRequest {
  readonly values: RequestContext['values'];
  readonly states: RequestContext['states'];
  readonly otherwise: RequestContext['otherwise'];
  readonly ctx: RequestContext = this;

  constructor(
    base: RequestContext,
    private readonly r: EvaluationRequest,
    readonly principal: RequestPrincipal,
    readonly action: Interned,
    readonly resource: Interned,
    readonly resolver: TokenResolver | undefined,
  ) {
    this.values = base.values;
    this.states = base.states;
    this.otherwise = base.otherwise;
  }

  implied(k: string): readonly string[] | undefined {
    const p = this.principal;
    const iam = isIam(p);
    switch (k) {
      case 'aws:principalarn':
        return iam ? [p.roleArn ?? p.arn] : undefined;
      case 'aws:principalaccount':
      case 'kms:calleraccount':
        return iam && p.account ? [p.account] : undefined;
      case 'aws:resourceaccount': {
        const account = this.r.resourceAccount ?? p.account;
        return account ? [account] : undefined;
      }
      case 'aws:username': {
        const name = p.type === 'user' ? nameOfArn(p.arn) : undefined;
        return name ? [name] : undefined;
      }
      case 'aws:principalisawsservice':
        return [p.type === 'service' ? 'true' : 'false'];
      case 'aws:principalservicename':
        return p.type === 'service' ? [p.arn] : undefined;
      default:
        return undefined;
    }
  }
}
