/**
 * Evaluates the catalog's resource facts ("this bucket uses a customer managed key", "this
 * function is a container image") against a model object. The conditions are data; this file only
 * knows how to walk a field path and how to tell a customer managed key from an AWS managed one.
 */
import type { FactCondition } from '../catalog/schema.js';
import type { Resource } from '../model/resources/index.js';

export type FactOutcome = { kind: 'match' } | { kind: 'no-match' } | { kind: 'unknown'; reason: string };

type Leaf = { known: true; value: unknown } | { known: false; reason: string };

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

/** Every leaf reached by `path` (`a.b[].c`); missing properties yield nothing, unknown Values yield unknown leaves. */
export function readPath(root: unknown, path: string): Leaf[] {
  let frontier: Leaf[] = [{ known: true, value: root }];
  for (const segment of path.split('.')) {
    const many = segment.endsWith('[]');
    const name = many ? segment.slice(0, -2) : segment;
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

export function evaluateFact(
  when: FactCondition,
  resource: Resource,
  awsManaged: ReadonlySet<string>,
): FactOutcome {
  if (when.kind === 'always') return { kind: 'match' };
  const fields = when.kind === 'customer-managed-key' ? when.fields : [when.field];
  const unknowns: string[] = [];
  for (const field of fields) {
    for (const leaf of readPath(resource, field)) {
      if (!leaf.known) {
        unknowns.push(`${field}: ${leaf.reason}`);
        continue;
      }
      const v = leaf.value;
      const hit =
        when.kind === 'customer-managed-key'
          ? typeof v === 'string' && isCustomerManagedKeyRef(v, awsManaged)
          : v === when.value;
      if (hit) return { kind: 'match' };
    }
  }
  return unknowns.length > 0 ? { kind: 'unknown', reason: unknowns.join('; ') } : { kind: 'no-match' };
}
