/**
 * Evaluates the catalog's resource facts ("this bucket uses a customer managed key", "this
 * function is a container image") against a model object. The conditions are data; this file only
 * knows how to walk a field path and how to tell a customer managed key from an AWS managed one.
 */
import type { Condition } from '../catalog/service-schema.js';
import type { UnmodeledResource } from '../model/inventory.js';
import type { Resource } from '../model/resources/index.js';

export type FactOutcome = { kind: 'match' } | { kind: 'no-match' } | { kind: 'unknown'; reason: string };

// Conditions are evaluated for every resource of a scan: the two plain outcomes are shared.
const MATCH: FactOutcome = Object.freeze({ kind: 'match' });
const NO_MATCH: FactOutcome = Object.freeze({ kind: 'no-match' });

export type Leaf = { known: true; value: unknown } | { known: false; reason: string };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A model Value<T> wrapper: `{ known, origin, ... }`. Plain data passes through unchanged. */
function unwrap(x: unknown): Leaf {
  if (isRecord(x) && typeof x.known === 'boolean' && 'origin' in x) {
    return x.known
      ? { known: true, value: x.value }
      : { known: false, reason: String(x.reason ?? 'unknown') };
  }
  return { known: true, value: x };
}

interface PathSegment {
  name: string;
  many: boolean;
}

interface ParsedPath {
  segments: readonly PathSegment[];
  /** No `[]`: the path reaches at most one leaf. */
  single: boolean;
}

/** Catalog paths are few and read once per resource, so each is split once. */
const parsedPaths = new Map<string, ParsedPath>();
function parsePath(path: string): ParsedPath {
  let parsed = parsedPaths.get(path);
  if (!parsed) {
    const segments = path.split('.').map((segment) => {
      const many = segment.endsWith('[]');
      return { name: many ? segment.slice(0, -2) : segment, many };
    });
    parsed = { segments, single: !segments.some((s) => s.many) };
    parsedPaths.set(path, parsed);
  }
  return parsed;
}

function isValueWrapper(x: unknown): x is { known: boolean; value?: unknown; reason?: unknown } {
  return isRecord(x) && typeof x.known === 'boolean' && 'origin' in x;
}

const NO_LEAVES: Leaf[] = [];

/** A path without `[]` reaches at most one leaf: walked without building frontiers. */
function readSinglePath(root: unknown, segments: readonly PathSegment[]): Leaf[] {
  let value: unknown = root;
  for (const { name } of segments) {
    if (isValueWrapper(value)) {
      if (!value.known) return [{ known: false, reason: String(value.reason ?? 'unknown') }];
      value = value.value;
    }
    if (!isRecord(value) || !(name in value)) return NO_LEAVES;
    value = value[name];
  }
  return [unwrap(value)];
}

/** Every leaf reached by `path` (`a.b[].c`); missing properties yield nothing, unknown Values yield unknown leaves. */
export function readPath(root: unknown, path: string): Leaf[] {
  const { segments, single } = parsePath(path);
  if (single) return readSinglePath(root, segments);
  let frontier: Leaf[] = [{ known: true, value: root }];
  for (const { name, many } of segments) {
    const next: Leaf[] = [];
    for (const leaf of frontier) {
      if (!leaf.known) {
        next.push(leaf);
        continue;
      }
      const host = unwrap(leaf.value);
      if (!host.known) {
        next.push(host);
        continue;
      }
      if (!isRecord(host.value) || !(name in host.value)) continue;
      const child = unwrap(host.value[name]);
      if (!many || !child.known) next.push(child);
      else if (Array.isArray(child.value)) for (const item of child.value) next.push(unwrap(item));
    }
    frontier = next;
  }
  return frontier;
}

/** Ids and ARNs of AWS managed keys seen in the inventory, to recognise them behind a bare key ARN. */
export function awsManagedKeyRefs(resources: readonly Resource[]): Set<string> {
  const refs = new Set<string>();
  for (const r of resources) {
    if (r.type !== 'AWS::KMS::Key' || r.managedBy !== 'aws') continue;
    refs.add(r.id);
    if (r.arn) {
      refs.add(r.arn);
      const keyId = r.arn.split('/').pop();
      if (keyId) refs.add(keyId);
    }
  }
  return refs;
}

/**
 * A template token (`{{LogicalId}}`) names a key defined in the same template, so the customer
 * manages it; `alias/aws/...` and keys known to be AWS managed are AWS's; anything else that
 * names a key (customer alias, key id, key ARN) is taken as customer managed.
 */
export function isCustomerManagedKeyRef(ref: string, awsManaged: ReadonlySet<string>): boolean {
  const value = ref.trim();
  if (value === '') return false;
  if (/^\{\{[^}]+\}\}$/.test(value)) return true;
  if (/(^|:)alias\/aws\//.test(value)) return false;
  return !awsManaged.has(value);
}

/** What a condition reads: a modeled resource, or an unmodeled one with its optional properties bag. */
export type ConditionSubject = Resource | UnmodeledResource;

const NO_PROPERTIES =
  "the source did not record this resource's properties, so its deployment variant is unknown";

function isSet(v: unknown): boolean {
  return !(v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0));
}

function sameScalar(a: unknown, b: string | number | boolean): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

/** Reads the leaves of `field`; an unmodeled resource without a properties bag makes them unknown. */
function leavesOf(subject: ConditionSubject, field: string): Leaf[] {
  if (field.startsWith('properties.') && !('properties' in subject && subject.properties))
    return [{ known: false, reason: NO_PROPERTIES }];
  return readPath(subject, field);
}

function matchLeaves(leaves: Leaf[], hit: (v: unknown) => boolean, field: string): FactOutcome {
  const unknowns: string[] = [];
  for (const leaf of leaves) {
    if (!leaf.known) unknowns.push(`${field}: ${leaf.reason}`);
    else if (hit(leaf.value)) return MATCH;
  }
  return unknowns.length > 0 ? { kind: 'unknown', reason: unknowns.join('; ') } : NO_MATCH;
}

/** Evaluates a catalog condition (facts and variants share the language) against one resource. */
export function evaluateCondition(
  when: Condition,
  subject: ConditionSubject,
  awsManaged: ReadonlySet<string>,
): FactOutcome {
  switch (when.kind) {
    case 'always':
      return MATCH;
    case 'resource-type':
      return when.types.includes(subject.type) ? MATCH : NO_MATCH;
    case 'equals':
      return matchLeaves(leavesOf(subject, when.field), (v) => sameScalar(v, when.value), when.field);
    case 'one-of':
      return matchLeaves(
        leavesOf(subject, when.field),
        (v) => when.values.some((w) => sameScalar(v, w)),
        when.field,
      );
    case 'present':
      return matchLeaves(leavesOf(subject, when.field), isSet, when.field);
    case 'customer-managed-key': {
      const outcomes = when.fields.map((field) =>
        matchLeaves(
          leavesOf(subject, field),
          (v) => typeof v === 'string' && isCustomerManagedKeyRef(v, awsManaged),
          field,
        ),
      );
      return combineAny(outcomes);
    }
    case 'all': {
      const outcomes = when.of.map((c) => evaluateCondition(c, subject, awsManaged));
      if (outcomes.some((o) => o.kind === 'no-match')) return NO_MATCH;
      const unknown = outcomes.filter((o) => o.kind === 'unknown');
      return unknown.length > 0 ? { kind: 'unknown', reason: reasons(unknown) } : MATCH;
    }
    case 'any':
      return combineAny(when.of.map((c) => evaluateCondition(c, subject, awsManaged)));
  }
}

function reasons(outcomes: FactOutcome[]): string {
  return outcomes.map((o) => (o.kind === 'unknown' ? o.reason : '')).join('; ');
}

function combineAny(outcomes: FactOutcome[]): FactOutcome {
  if (outcomes.some((o) => o.kind === 'match')) return MATCH;
  const unknown = outcomes.filter((o) => o.kind === 'unknown');
  return unknown.length > 0 ? { kind: 'unknown', reason: reasons(unknown) } : NO_MATCH;
}

/** The older name, kept because facts were the first users of conditions. */
export const evaluateFact = evaluateCondition;
