import type { ResourceType } from './resources/index.js';

/**
 * What a set of checks reads: per resource type, the model fields (`undefined`: all of them).
 * Live collection fetches nothing else.
 */
export type CollectionNeeds = ReadonlyMap<ResourceType, ReadonlySet<string> | undefined>;
