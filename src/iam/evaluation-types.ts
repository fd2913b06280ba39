/** The evaluator's inputs and answers. */
import type { RequestContext } from './context.js';
import type { NamedPolicy, PolicyKind } from './policy-set.js';
import type { TokenResolver } from './tokens.js';

export type { NamedPolicy, PolicyKind } from './policy-set.js';

export interface EvaluationRequest {
  /** `s3:GetObject`. */
  action: string;
  /** The resource ARN, or `*` for "every resource". */
  resource: string;
  /** A user, role or session ARN, a service principal (`lambda.amazonaws.com`), or `*` for anonymous. */
  principalArn: string;
  principalAccount?: string;
  /** The resource's account; absent means the principal's own. */
  resourceAccount?: string;
  /**
   * Whether the caller is in another account than the resource, when the caller knows better than
   * the account ids can tell (a template's own account id is a token, yet a stranger is not in it).
   */
  crossAccount?: boolean;
  /** Condition keys; a plain map is taken with AWS semantics (keys not given are absent). */
  context?: RequestContext | Readonly<Record<string, string | readonly string[]>>;
}

export interface EvaluationInput {
  identityPolicies?: readonly NamedPolicy[];
  /** Absent: the principal has no permissions boundary. */
  permissionsBoundary?: NamedPolicy;
  /** SCPs per level (root, OUs, account): each level must allow. Absent: no organization, or not readable. */
  scps?: ReadonlyArray<readonly NamedPolicy[]>;
  /** RCPs per level, like SCPs, for the resource's account. */
  rcps?: ReadonlyArray<readonly NamedPolicy[]>;
  resourcePolicy?: NamedPolicy;
  /** The resource policy must itself allow (KMS key policies, role trust policies). */
  resourcePolicyRequired?: boolean;
  sessionPolicies?: readonly NamedPolicy[];
  request: EvaluationRequest;
  resolver?: TokenResolver;
  /** Build reasons and notes (default true); the benchmark turns it off. */
  explain?: boolean;
}

export type Decision = 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny' | 'Unknown';

export interface MatchedStatement {
  policy: string;
  kind: PolicyKind;
  effect: 'Allow' | 'Deny';
  sid?: string;
  index?: number;
  /** False when the statement may apply, depending on `dependsOn`. */
  certain: boolean;
  reason: string;
  dependsOn?: readonly string[];
}

export interface EvaluationResult {
  readonly decision: Decision;
  readonly matched: readonly MatchedStatement[];
  /** What an Unknown decision depends on. */
  readonly dependsOn: readonly string[];
  readonly notes: readonly string[];
  /** The action is not in the AWS Service Authorization Reference. */
  unknownAction?: boolean;
}
