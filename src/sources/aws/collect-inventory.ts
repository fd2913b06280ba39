import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import pLimit from 'p-limit';
import type { Inventory } from '../../model/inventory.js';
import type { ResourceType } from '../../model/resources/index.js';
import { AwsSession, type AwsSessionOptions, type RequestStats } from './aws-session.js';
import type { CollectContext, Collector, Needs } from './collector.js';
import { ALL_COLLECTORS } from './collectors/index.js';
import { InventoryBuilder } from './inventory-builder.js';
import { linkInventory } from './link-inventory.js';
import { planRegions } from './regions.js';

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
  partition: string;
}

export type ProgressEvent =
  | {
      kind: 'identity';
      identity: CallerIdentity;
      regions: string[];
      skipped: Array<{ region: string; reason: string }>;
    }
  | { kind: 'start' | 'done'; collector: string; region: string; ms?: number; requests?: number };

export interface LiveScanOptions extends AwsSessionOptions {
  /** Regions to scan, or `all` enabled regions. */
  regions: readonly string[] | 'all';
  /** Region for global services and region discovery. */
  homeRegion: string;
  /** Collector runs at the same time, over all services and regions. */
  concurrency?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export interface LiveScan {
  inventory: Inventory;
  identity: CallerIdentity;
  stats: RequestStats;
  /** True when some call failed: some results are UNKNOWN because of it. */
  partial: boolean;
}

/** The collectors whose output some selected check reads. */
export function selectCollectors(
  needs: Needs,
  collectors: readonly Collector[] = ALL_COLLECTORS,
): Collector[] {
  return collectors.filter((c) => c.produces.some((type) => needs.has(type)));
}

function wantsFrom(needs: Needs) {
  return (type: ResourceType, field?: string): boolean => {
    if (!needs.has(type)) return false;
    const fields = needs.get(type);
    return field === undefined || fields === undefined || fields.has(field);
  };
}

export async function collectAwsInventory(needs: Needs, options: LiveScanOptions): Promise<LiveScan> {
  const session = new AwsSession(options);
  try {
    const who = await session.client(STSClient, options.homeRegion).send(new GetCallerIdentityCommand({}));
    const arn = who.Arn ?? '';
    const identity: CallerIdentity = {
      account: who.Account ?? 'unknown',
      arn,
      userId: who.UserId ?? '',
      partition: arn.split(':')[1] || 'aws',
    };
    const plan = await planRegions(session, options.homeRegion, options.regions);
    options.onProgress?.({ kind: 'identity', identity, regions: plan.regions, skipped: plan.skipped });
    const builder = new InventoryBuilder(identity.account, identity.partition, plan.regions);
    const limit = pLimit(options.concurrency ?? 8);
    const runs: Array<Promise<void>> = [];
    for (const collector of selectCollectors(needs)) {
      const regions = collector.scope === 'global' ? [options.homeRegion] : plan.regions;
      for (const region of regions) {
        const ctx: CollectContext = {
          session,
          accountId: identity.account,
          partition: identity.partition,
          region,
          regions: plan.regions,
          builder,
          needs,
          wants: wantsFrom(needs),
        };
        runs.push(
          limit(async () => {
            const started = performance.now();
            const before = session.stats.requests;
            options.onProgress?.({ kind: 'start', collector: collector.id, region });
            try {
              await collector.collect(ctx);
            } catch (error) {
              // A collector that breaks loses its own data only; the reason is kept.
              builder.fail(`${collector.id} collector`, error, `${collector.id} in ${region}`);
            }
            options.onProgress?.({
              kind: 'done',
              collector: collector.id,
              region,
              ms: performance.now() - started,
              requests: session.stats.requests - before,
            });
          }),
        );
      }
    }
    await Promise.all(runs);
    linkInventory(builder);
    for (const skipped of plan.skipped)
      builder.problems.push({ where: skipped.region, message: `region skipped: ${skipped.reason}` });
    const inventory: Inventory = {
      source: {
        kind: 'aws',
        location: `aws://${identity.account}`,
        account: identity.account,
        regions: plan.regions,
      },
      resources: needs.has('AWS::Account') ? [...builder.resources, builder.account] : builder.resources,
      unmodeled: [],
      notCreated: [],
      problems: builder.problems,
      ...(builder.organization ? { organization: builder.organization } : {}),
    };
    return { inventory, identity, stats: session.stats, partial: builder.failures.length > 0 };
  } finally {
    session.close();
  }
}
