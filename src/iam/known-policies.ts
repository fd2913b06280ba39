/** The few AWS managed policy documents we carry (see data/aws-managed-policies.json). */
import { parsePolicyDocument } from '../model/parse-policy.js';
import type { PolicyDocument } from '../model/policy.js';
import known from './data/aws-managed-policies.json' with { type: 'json' };

let byName: Map<string, PolicyDocument> | undefined;

/** `arn:aws:iam::aws:policy/AdministratorAccess` in any partition, with or without a path. */
export function awsManagedPolicyName(arn: string): string | undefined {
  const m = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m?.[1];
}

export function knownAwsManagedPolicy(arn: string): PolicyDocument | undefined {
  const name = awsManagedPolicyName(arn);
  if (!name) return undefined;
  byName ??= new Map(known.policies.map((p) => [p.name, parsePolicyDocument(p.document)]));
  return byName.get(name);
}
