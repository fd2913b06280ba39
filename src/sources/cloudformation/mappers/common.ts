import { parsePolicyDocument } from '../../../model/parse-policy.js';
import type { PolicyDocument } from '../../../model/policy.js';
import type { ResourceBase } from '../../../model/resources/index.js';
import { awsDefault, explicit, unknown, type Value } from '../../../model/value.js';
import { Unresolved } from '../intrinsics.js';
import { hasUnresolved, type PropertyPath, type ResourceReader } from '../resource-reader.js';

/** A model object while a mapper fills it in, field by field. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Replaces Unresolved parts by `{{unresolved:...}}` strings so a policy keeps its known parts. */
export function tokenizeUnresolved(value: unknown): unknown {
  if (value instanceof Unresolved) return `{{unresolved:${value.reason}}}`;
  if (value === null || typeof value !== 'object') return value;
  // Copy only what changes: resolved values are shared with the reader, and most hold no Unresolved.
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const t = tokenizeUnresolved(item);
      if (t !== item) (out ??= [...value])[i] = t;
    });
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const t = tokenizeUnresolved(record[key]);
    if (t !== record[key]) (out ??= { ...record })[key] = t;
  }
  return out ?? value;
}

/** Reads a policy document property; absent gives `absent` (null: no policy, undefined: unknown). */
export function readPolicy(r: ResourceReader, path: PropertyPath): Value<PolicyDocument | null> {
  const raw = r.get(path);
  const src = r.source(path);
  if (raw === undefined) return awsDefault(null, src);
  if (raw instanceof Unresolved) return unknown(`${path.join('.')} ${raw.reason}`, src);
  return explicit(parsePolicyDocument(tokenizeUnresolved(raw)), src);
}

/** A policy that must be present (trust policies, managed policy documents). */
export function readRequiredPolicy(r: ResourceReader, path: PropertyPath): Value<PolicyDocument> {
  const policy = readPolicy(r, path);
  if (policy.known && policy.value === null) return unknown(`${path.join('.')} is not set`, policy.source);
  return policy as Value<PolicyDocument>;
}

/** Tags as a plain map; unresolved tag values are left out (they are labels, not evidence). */
function readTags(r: ResourceReader): Record<string, string> | undefined {
  const tags = r.get(['Tags']);
  if (!Array.isArray(tags)) return undefined;
  const out: Record<string, string> = {};
  for (const tag of tags) {
    const { Key, Value: value } = (tag ?? {}) as { Key?: unknown; Value?: unknown };
    if (typeof Key === 'string' && typeof value === 'string' && !hasUnresolved(value)) out[Key] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Deploy-time tokens read as CloudFormation's own `${AWS::AccountId}` notation in names. */
export function displayName(text: string): string {
  return text.replace(/\{\{unresolved:([^}]*)\}\}/g, '${$1}').replace(/\{\{([^}]*)\}\}/g, '${$1}');
}

/** The parts every resource shares; `name` is the explicit name when known, else the logical id. */
export function baseOf(r: ResourceReader, name: Value<string>): ResourceBase {
  const tags = readTags(r);
  const region = r.ctx.pseudo['AWS::Region'];
  const account = r.ctx.pseudo['AWS::AccountId'];
  // Built field by field: conditional spreads are another of V8's slow paths.
  const base: Mutable<ResourceBase> = {
    id: r.logicalId,
    name: name.known && name.origin === 'explicit' ? displayName(name.value) : r.logicalId,
    source: r.source(),
  };
  if (region) base.region = region;
  if (account) base.account = account;
  if (tags) base.tags = tags;
  return base;
}

/**
 * A resource from its base (baseOf) and its own fields. Object.assign rather than a spread: V8 (as
 * of Node 20) builds `{ ...base, and fifteen more }` on a slow path, some 20 µs a resource.
 */
export function withBase<T extends ResourceBase>(base: ResourceBase, fields: Omit<T, keyof ResourceBase>): T {
  return Object.assign(base, fields) as unknown as T;
}

/** A name CloudFormation generates when the property is absent. */
export function readName(r: ResourceReader, property: string): Value<string> {
  return r.read(
    [property],
    (v) => (typeof v === 'string' ? v : undefined),
    `${r.logicalId} (generated name)`,
  );
}

export const LIVE_ONLY = 'known only from a live account';
