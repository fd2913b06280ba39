import { KMSClient, paginateListAliases } from '@aws-sdk/client-kms';
import { explicit, type SourceRef, type UnknownValue, unknown, type Value } from '../../../model/value.js';
import type { AwsSession } from '../aws-session.js';
import type { CollectContext } from '../collector.js';

/** The reason a field carries when no selected check reads it, so it was not fetched. */
export const NOT_COLLECTED = 'not collected (no selected check needs it)';

/** Bounded concurrency for per-resource calls inside one collector run. */
export const PER_RESOURCE_CONCURRENCY = 8;

export function notCollected(source: SourceRef): UnknownValue {
  return unknown(NOT_COLLECTED, source);
}

/** The SDK's error name (or the service's error code) without trusting the error's shape. */
export function errorName(error: unknown): string {
  const e = error as { name?: unknown; Code?: unknown } | undefined;
  return String(e?.name ?? e?.Code ?? '');
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Runs one call (or one paginated listing) and records a failure with the builder; the caller
 * turns a failure into unknown Values for exactly the fields that call serves.
 */
export async function attempt<T>(
  ctx: CollectContext,
  operation: string,
  where: string,
  run: () => Promise<T>,
): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, reason: ctx.builder.fail(operation, error, where) };
  }
}

/** A Value from an outcome: explicit when the call answered, unknown with its reason otherwise. */
export function fromOutcome<T, U>(outcome: Outcome<T>, source: SourceRef, pick: (value: T) => U): Value<U> {
  return outcome.ok ? explicit(pick(outcome.value), source) : unknown(outcome.reason, source);
}

/** Drains an SDK paginator into one list. */
export async function collectPages<P, T>(
  pages: AsyncIterable<P>,
  items: (page: P) => T[] | undefined,
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

export function regionalArn(ctx: CollectContext, service: string, resource: string): string {
  return `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
}

/** Tags as a plain map; EC2, ELB and others return them as Key/Value lists. */
export function tagMap(
  tags: Array<{ Key?: string; Value?: string }> | undefined,
): Record<string, string> | undefined {
  if (!tags?.length) return undefined;
  return Object.fromEntries(
    tags.filter((t) => t.Key !== undefined).map((t) => [t.Key as string, t.Value ?? '']),
  );
}

export interface KmsAliasIndex {
  /** Key id → alias names pointing at it. */
  byKeyId: Map<string, string[]>;
}

const aliasCache = new WeakMap<AwsSession, Map<string, Promise<Outcome<KmsAliasIndex>>>>();

/**
 * KMS aliases of one region, fetched once per scan and shared by the collectors that need to tell
 * an AWS managed key (alias/aws/...) from a customer managed one without a DescribeKey per key.
 */
export function kmsAliases(ctx: CollectContext): Promise<Outcome<KmsAliasIndex>> {
  let perRegion = aliasCache.get(ctx.session);
  if (!perRegion) {
    perRegion = new Map();
    aliasCache.set(ctx.session, perRegion);
  }
  let pending = perRegion.get(ctx.region);
  if (!pending) {
    const kms = ctx.session.client(KMSClient, ctx.region);
    pending = attempt(ctx, 'kms:ListAliases', `kms aliases in ${ctx.region}`, async () => {
      const byKeyId = new Map<string, string[]>();
      for await (const page of paginateListAliases({ client: kms }, {})) {
        for (const alias of page.Aliases ?? []) {
          if (!alias.TargetKeyId || !alias.AliasName) continue;
          byKeyId.set(alias.TargetKeyId, [...(byKeyId.get(alias.TargetKeyId) ?? []), alias.AliasName]);
        }
      }
      return { byKeyId };
    });
    perRegion.set(ctx.region, pending);
  }
  return pending;
}

/** The key id at the end of a key ARN (`arn:aws:kms:r:a:key/<id>`), or the input when it is an id. */
export function keyIdOf(keyRef: string): string {
  return keyRef.split(':key/').pop() ?? keyRef;
}
