import type { Inventory } from '../model/inventory.js';
import type { CollectionNeeds } from '../model/needs.js';
import type { Resource, ResourceType } from '../model/resources/index.js';
import type { Severity } from '../model/result.js';
import type { SourceRef, Value } from '../model/value.js';

/** Framework requirement ids a check gives evidence for; the ids must exist in catalog/data/frameworks. */
export interface FrameworkRefs {
  /** CIS AWS Foundations Benchmark v4.0.1 recommendation numbers, e.g. "2.1.4". */
  cis?: string[];
  /** AWS Foundational Security Best Practices control ids, e.g. "S3.8". */
  fsbp?: string[];
  /** NIST SP 800-53 rev. 5 control ids, e.g. "SC-28". */
  nist80053?: string[];
  /** PCI DSS v4.0 requirement numbers. */
  pci?: string[];
  /** HIPAA Security Rule sections, e.g. "164.312(a)(2)(iv)". */
  hipaa?: string[];
  /** ISO/IEC 27001:2022 Annex A controls, e.g. "A.8.24". */
  iso27001?: string[];
  /** SOC 2 trust services criteria, e.g. "CC6.1". */
  soc2?: string[];
}

export interface CheckMetadata {
  /** Stable, never reused: `<service>-<what>`, e.g. `s3-bucket-public-access-block`. */
  id: string;
  title: string;
  severity: Severity;
  /** Responsibility area id from the catalog, e.g. `data.enc-at-rest`. */
  area: string;
  /** Why it matters: the risk, in one or two sentences. */
  rationale: string;
  remediation: {
    text: string;
    /** A CloudFormation snippet that passes the check. */
    cloudformation: string;
  };
  frameworks: FrameworkRefs;
  /**
   * The model fields of its resource types that `evaluate` reads, so a live scan fetches only
   * those. A test records what evaluations really touch and fails when this list misses one.
   */
  reads: readonly string[];
}

export type VerdictStatus = 'PASS' | 'FAIL' | 'UNKNOWN';

export interface Verdict {
  status: VerdictStatus;
  message: string;
  evidence?: SourceRef;
}

export interface CheckContext {
  inventory: Inventory;
  /** Finds a resource of the same inventory by its id (logical id or ARN). */
  resourceById(id: string): Resource | undefined;
  /**
   * An index built once per inventory and shared by every evaluation, so a check that looks
   * across resources ("which buckets log into this one?") stays linear. `key` must be unique
   * to what `build` computes.
   */
  shared<T>(key: string, build: () => T): T;
  /** The scan's clock, for age checks ("unused for 45 days"); fixed in tests. */
  now: Date;
}

/**
 * Written as a property of a method type so the parameter stays bivariant: a check of S3 buckets
 * is then a `Check` like any other and registries need no casts (the engine only ever hands a
 * check resources of its own `resourceTypes`).
 */
type Evaluate<T extends ResourceType> = {
  bivariant(resource: Resource & { readonly type: T }, context: CheckContext): Verdict | Verdict[];
}['bivariant'];

export interface Check<T extends ResourceType = ResourceType> extends CheckMetadata {
  resourceTypes: readonly T[];
  /** Pure: the same resource and context always give the same verdicts; no I/O. */
  evaluate: Evaluate<T>;
}

/** Resource types and fields the given checks read: the plan for live collection. */
export function collectionNeeds(checks: readonly Check[]): CollectionNeeds {
  const needs = new Map<ResourceType, Set<string>>();
  for (const check of checks) {
    for (const type of check.resourceTypes) {
      const fields = needs.get(type) ?? new Set<string>();
      for (const field of check.reads) fields.add(field);
      needs.set(type, fields);
    }
  }
  return needs;
}

/** The context the engine gives every evaluation; tests build one the same way. */
export function createCheckContext(
  inventory: Inventory,
  byId?: ReadonlyMap<string, Resource>,
  now: Date = new Date(),
): CheckContext {
  const index = byId ?? new Map(inventory.resources.map((r) => [r.id, r]));
  const sharedIndexes = new Map<string, unknown>();
  return {
    inventory,
    now,
    resourceById: (id) => index.get(id),
    shared: <T>(key: string, build: () => T): T => {
      if (!sharedIndexes.has(key)) sharedIndexes.set(key, build());
      return sharedIndexes.get(key) as T;
    },
  };
}

/** Identity function that keeps the resource type narrowed for `evaluate`. */
export function defineCheck<T extends ResourceType>(check: Check<T>): Check<T> {
  return check;
}

// Verdicts are made by the tens of thousands on a large template: plain literals, no spreads.
function verdict(status: VerdictStatus, message: string, evidence: SourceRef | undefined): Verdict {
  return evidence ? { status, message, evidence } : { status, message };
}

export function pass(message: string, evidence?: SourceRef): Verdict {
  return verdict('PASS', message, evidence);
}

export function fail(message: string, evidence?: SourceRef): Verdict {
  return verdict('FAIL', message, evidence);
}

export function cannotTell(message: string, evidence?: SourceRef): Verdict {
  return verdict('UNKNOWN', message, evidence);
}

/**
 * Decides on a Value: unknown values give UNKNOWN with the reason, known ones go to `decide`.
 * The deciding value's source becomes the verdict's evidence unless `decide` names another.
 */
export function judge<T>(
  value: Value<T>,
  decide: (v: T, origin: 'explicit' | 'default') => Verdict,
): Verdict {
  if (!value.known) return cannotTell(value.reason, value.source);
  const decided = decide(value.value, value.origin);
  return decided.evidence
    ? decided
    : { status: decided.status, message: decided.message, evidence: value.source };
}

/** Wording for a value that was not set and so took AWS's default. */
export function byDefault(origin: 'explicit' | 'default'): string {
  return origin === 'default' ? ' (not set, so the AWS default applies)' : '';
}
