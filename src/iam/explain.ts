/** Words for the statements that decided an evaluation, so an answer can be checked by hand. */
import { lookupAction } from './action-catalog.js';
import type { Decision, EvaluationRequest, EvaluationResult, MatchedStatement } from './evaluation-types.js';
import { globMatch } from './glob.js';
import { expandTokens, type TokenResolver } from './tokens.js';
import type { Hit, PolicyKind } from './policy-set.js';

const KIND_WORDS: Record<PolicyKind, string> = {
  identity: 'identity policy',
  resource: 'resource policy',
  boundary: 'permissions boundary',
  scp: 'SCP',
  rcp: 'RCP',
  session: 'session policy',
};

function firstMatch(patterns: readonly string[], value: string, ignoreCase: boolean): string | undefined {
  return patterns.find(
    (p) => globMatch(p, value, { ignoreCase, wildcards: true, variables: false }) !== false,
  );
}

function actionWords(hit: Hit, action: string): string {
  const s = hit.statement?.statement;
  if (!s) return '';
  if (s.action)
    return `Action "${firstMatch(s.action, action, true) ?? s.action.join(', ')}" covers ${action}`;
  return `NotAction [${(s.notAction ?? []).join(', ')}] leaves ${action} in`;
}

function resourceWords(hit: Hit, resource: string, resolver: TokenResolver | undefined): string {
  const s = hit.statement?.statement;
  if (!s) return '';
  if (s.resource) {
    // Match as the evaluator did (tokens spelt out), show as the policy is written.
    const found = s.resource.find(
      (p) => firstMatch([expandTokens(p, resolver)], resource, false) !== undefined,
    );
    return `Resource "${found ?? s.resource.join(', ')}"`;
  }
  if (s.notResource) return `NotResource [${s.notResource.join(', ')}] leaves the resource in`;
  return 'no Resource element (the resource itself)';
}

const GRANT_WORDS = {
  everyone: 'everyone',
  account: "the caller's account (delegated to its IAM policies)",
  identity: 'the caller by ARN',
  session: 'the role session',
  service: 'the service principal',
} as const;

export function describeHit(hit: Hit, r: EvaluationRequest, resolver?: TokenResolver): MatchedStatement {
  const s = hit.statement?.statement;
  const where = `${KIND_WORDS[hit.kind]} "${hit.policy.name}"`;
  const certain = hit.applies === true;
  let reason: string;
  if (!s) {
    reason = `${hit.effect} may come from ${where}, whose document is unknown`;
  } else {
    const label = s.sid ? `statement "${s.sid}"` : `statement #${s.index + 1}`;
    const parts = [
      actionWords(hit, r.action),
      resourceWords(hit, expandTokens(r.resource, resolver), resolver),
    ];
    if (hit.grant) parts.push(`Principal names ${GRANT_WORDS[hit.grant]}`);
    if (s.condition)
      parts.push(certain ? 'its conditions hold' : `its conditions depend on ${hit.dependsOn.join(', ')}`);
    else if (!certain) parts.push(`it depends on ${hit.dependsOn.join(', ')}`);
    reason = `${hit.effect} ${label} of ${where}: ${parts.filter(Boolean).join('; ')}`;
  }
  return {
    policy: hit.policy.name,
    kind: hit.kind,
    effect: hit.effect,
    ...(s?.sid ? { sid: s.sid } : {}),
    ...(s ? { index: s.index } : {}),
    certain,
    reason,
    ...(certain ? {} : { dependsOn: hit.dependsOn }),
  };
}

export interface ExplainFacts {
  resolver: TokenResolver | undefined;
  iam: boolean;
  crossAccount: boolean;
  hasResourcePolicy: boolean;
  scpsGiven: boolean;
  boundaryBlocks: boolean;
}

/** The full answer: the statements that applied or may apply, what an Unknown hangs on, and notes. */
export function explainResult(
  decision: Decision,
  hits: readonly Hit[],
  r: EvaluationRequest,
  f: ExplainFacts,
): EvaluationResult {
  const matched: MatchedStatement[] = [];
  const notes: string[] = [];
  const dependsOn = new Set<string>();
  for (const h of hits) {
    if (h.applies === false) continue;
    matched.push(describeHit(h, r, f.resolver));
    if (h.applies === 'unknown') for (const d of h.dependsOn) dependsOn.add(d);
  }
  if (f.iam && f.crossAccount && !f.hasResourcePolicy)
    notes.push('cross-account: the resource has no policy that lets the caller in');
  if (f.iam && !f.scpsGiven) notes.push('SCPs not evaluated (no organization given, or not readable)');
  if (f.boundaryBlocks) notes.push('the permissions boundary does not allow this action');
  const unknownAction = !lookupAction(r.action);
  if (unknownAction) notes.push(`${r.action} is not in the AWS Service Authorization Reference`);
  return {
    decision,
    matched,
    dependsOn: decision === 'Unknown' ? [...dependsOn] : [],
    notes,
    ...(unknownAction ? { unknownAction } : {}),
  };
}
