/**
 * Which CloudFormation properties of an unmodeled resource the catalog's variant conditions read.
 * Sources copy exactly these into `UnmodeledResource.properties`, so collection stays driven by
 * what the catalog needs and nothing else (secrets included) is kept.
 */
import type { Catalog } from './load-catalog.js';
import type { Condition } from './service-schema.js';

/** Pairs each property a condition reads with the resource types it is read on. */
function collect(when: Condition, types: readonly string[], out: Map<string, Set<string>>): void {
  switch (when.kind) {
    case 'equals':
    case 'one-of':
    case 'present':
      record(when.field, types, out);
      return;
    case 'customer-managed-key':
      for (const f of when.fields) record(f, types, out);
      return;
    case 'all': {
      // A resource-type test inside `all` narrows where its siblings' properties are read.
      const narrowed = when.of.flatMap((c) => (c.kind === 'resource-type' ? c.types : []));
      for (const c of when.of) collect(c, narrowed.length > 0 ? narrowed : types, out);
      return;
    }
    case 'any':
      for (const c of when.of) collect(c, types, out);
      return;
    default:
      return;
  }
}

function record(field: string, types: readonly string[], out: Map<string, Set<string>>): void {
  if (!field.startsWith('properties.')) return;
  const name = field.slice('properties.'.length).split('.')[0]?.replace(/\[\]$/, '');
  if (!name) return;
  for (const type of types) {
    const set = out.get(type) ?? new Set<string>();
    set.add(name);
    out.set(type, set);
  }
}

/** Top-level property names per resource type, e.g. `AWS::ECS::Service` → `["LaunchType", ...]`. */
export function variantPropertyNames(catalog: Catalog): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const service of catalog.services)
    for (const variant of service.variants) collect(variant.when, service.resourceTypes, out);
  return new Map([...out].map(([type, names]) => [type, [...names].sort()]));
}
