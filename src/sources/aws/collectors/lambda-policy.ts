import { parsePolicyDocument } from '../../../model/parse-policy.js';
import type { ConditionBlock } from '../../../model/policy.js';
import type { LambdaPermission } from '../../../model/resources/index.js';
import { explicit, type SourceRef, unknown } from '../../../model/value.js';

/** The values of one condition key under any operator; condition keys are case-insensitive. */
function conditionValue(condition: ConditionBlock | undefined, key: string): string | null {
  const wanted = key.toLowerCase();
  for (const entries of Object.values(condition ?? {})) {
    for (const [k, values] of Object.entries(entries)) {
      if (k.toLowerCase() === wanted && values.length > 0) return values.join(', ');
    }
  }
  return null;
}

/**
 * A function's resource policy (GetPolicy) as the permissions AddPermission wrote: one per
 * principal and action. AddPermission only writes Allow statements, and a Deny grants nothing.
 */
export function permissionsFromPolicy(policy: string, src: SourceRef): LambdaPermission[] {
  const doc = parsePolicyDocument(policy);
  const out: LambdaPermission[] = [];
  for (const statement of doc.statements) {
    if (statement.effect !== 'Allow') continue;
    const principals = statement.principal === '*' ? ['*'] : Object.values(statement.principal ?? {}).flat();
    const value = (key: string) => explicit(conditionValue(statement.condition, key), src);
    for (const principal of principals) {
      for (const action of statement.action ?? []) {
        out.push({
          action: explicit(action, src),
          principal: explicit(principal, src),
          sourceArn: value('AWS:SourceArn'),
          sourceAccount: value('AWS:SourceAccount'),
          principalOrgId: value('aws:PrincipalOrgID'),
          functionUrlAuthType: value('lambda:FunctionUrlAuthType'),
          source: src,
        });
      }
    }
  }
  if (doc.problems.length > 0)
    out.push(unknownPermission(`resource policy: ${doc.problems.join('; ')}`, src));
  return out;
}

/**
 * The model keeps permissions as a plain list; a policy that could not be read becomes one
 * permission whose every part is unknown, so a check reading it answers UNKNOWN, not PASS.
 */
export function unknownPermission(reason: string, src: SourceRef): LambdaPermission {
  const u = unknown(reason, src);
  return {
    action: u,
    principal: u,
    sourceArn: u,
    sourceAccount: u,
    principalOrgId: u,
    functionUrlAuthType: u,
    source: src,
  };
}
