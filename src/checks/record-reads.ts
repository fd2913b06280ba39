import type { Resource } from '../model/resources/index.js';

/** Fields every resource has; reading them costs no API call, so `reads` need not list them. */
export const BASE_FIELDS = new Set(['id', 'name', 'arn', 'region', 'account', 'source', 'tags', 'type']);

/**
 * Wraps a resource so that the top-level model fields an evaluation touches are recorded.
 * Used by tests to prove each check's `reads` list is complete.
 */
export function recordReads<R extends Resource>(resource: R, seen: Set<string>): R {
  return new Proxy(resource, {
    get(target, property, receiver) {
      if (typeof property === 'string' && !BASE_FIELDS.has(property)) seen.add(property);
      return Reflect.get(target, property, receiver);
    },
  });
}
