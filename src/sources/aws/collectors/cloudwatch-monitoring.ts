import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  type GetEventSelectorsCommandOutput,
  GetTrailStatusCommand,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, type MetricAlarm, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  type MetricFilter,
  paginateDescribeMetricFilters,
} from '@aws-sdk/client-cloudwatch-logs';
import { paginateListSubscriptions, SNSClient } from '@aws-sdk/client-sns';
import type { MonitoredPattern } from '../../../model/resources/index.js';
import { explicit, type SourceRef, unknown } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import { collectPages } from './support.js';

const TRAILS = 'cloudtrail:DescribeTrails';
const STATUS = 'cloudtrail:GetTrailStatus';
const SELECTORS = 'cloudtrail:GetEventSelectors';
const FILTERS = 'logs:DescribeMetricFilters';
const ALARMS = 'cloudwatch:DescribeAlarms';
const SUBSCRIPTIONS = 'sns:ListSubscriptions';

/** A call that failed, carrying the reason the builder recorded. */
class Unanswered extends Error {}

async function call<T>(
  ctx: CollectContext,
  operation: string,
  where: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Unanswered(ctx.builder.fail(operation, error, where));
  }
}

/**
 * Whether the trail records every management event, read and write. A response with no selectors
 * at all is treated as CloudTrail's default (all management events), which is what a trail created
 * without selectors records.
 */
function recordsAllManagementEvents(out: GetEventSelectorsCommandOutput): boolean {
  const basic = out.EventSelectors ?? [];
  const advanced = out.AdvancedEventSelectors ?? [];
  if (basic.length === 0 && advanced.length === 0) return true;
  if (basic.some((s) => s.IncludeManagementEvents !== false && (s.ReadWriteType ?? 'All') === 'All'))
    return true;
  return advanced.some((s) => {
    const fields = s.FieldSelectors ?? [];
    return (
      fields.some((f) => f.Field === 'eventCategory' && (f.Equals ?? []).includes('Management')) &&
      !fields.some((f) => f.Field === 'readOnly')
    );
  });
}

interface LogGroupRef {
  arn: string;
  region: string;
  account: string;
  name: string;
}

/** `arn:aws:logs:eu-west-1:123456789012:log-group:Name:*` → its parts. */
function parseLogGroupArn(arn: string): LogGroupRef | undefined {
  const parts = arn.split(':');
  if (parts.length < 7 || parts[2] !== 'logs' || parts[5] !== 'log-group') return undefined;
  const name = parts.slice(6).join(':').replace(/:\*$/, '');
  return { arn, region: parts[3] ?? '', account: parts[4] ?? '', name };
}

/** Multi-region trails that log every management event to CloudWatch Logs: the log groups CIS 4.x watches. */
async function qualifyingLogGroups(ctx: CollectContext): Promise<LogGroupRef[]> {
  const home = ctx.session.client(CloudTrailClient, ctx.region);
  // Shadow copies included: every multi-region trail shows in every region, wherever its home is.
  const trails: Trail[] = await call(
    ctx,
    TRAILS,
    'CloudTrail trails',
    async () => (await home.send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [],
  );
  const groups = new Map<string, LogGroupRef>();
  for (const trail of trails) {
    const group = trail.CloudWatchLogsLogGroupArn
      ? parseLogGroupArn(trail.CloudWatchLogsLogGroupArn)
      : undefined;
    if (!trail.IsMultiRegionTrail || !trail.TrailARN || !group) continue;
    if (trail.TrailARN.split(':')[4] !== ctx.accountId) {
      // An organization trail seen from a member account: the management account runs it and
      // owns its log group, so its state and filters are read there, not here.
      groups.set(group.arn, group);
      continue;
    }
    const client = ctx.session.client(CloudTrailClient, trail.HomeRegion ?? ctx.region);
    const status = await call(ctx, STATUS, trail.TrailARN, () =>
      client.send(new GetTrailStatusCommand({ Name: trail.TrailARN })),
    );
    if (!status.IsLogging) continue;
    const selectors = await call(ctx, SELECTORS, trail.TrailARN, () =>
      client.send(new GetEventSelectorsCommand({ TrailName: trail.TrailARN })),
    );
    if (recordsAllManagementEvents(selectors)) groups.set(group.arn, group);
  }
  return [...groups.values()];
}

/** SNS topics in a region that have at least one confirmed subscription. */
async function topicsWithSubscribers(ctx: CollectContext, region: string): Promise<Set<string>> {
  const sns = ctx.session.client(SNSClient, region);
  const subscriptions = await call(ctx, SUBSCRIPTIONS, `SNS subscriptions in ${region}`, () =>
    collectPages(paginateListSubscriptions({ client: sns }, {}), (page) => page.Subscriptions),
  );
  // An unconfirmed subscription's ARN is the literal "PendingConfirmation": nobody gets the mail yet.
  return new Set(
    subscriptions.flatMap((s) => (s.TopicArn && s.SubscriptionArn?.startsWith('arn:') ? [s.TopicArn] : [])),
  );
}

function alarmWatches(alarm: MetricAlarm, metric: { name: string; namespace: string }): boolean {
  if (alarm.MetricName === metric.name && alarm.Namespace === metric.namespace) return true;
  return (alarm.Metrics ?? []).some(
    (m) =>
      m.MetricStat?.Metric?.MetricName === metric.name && m.MetricStat.Metric.Namespace === metric.namespace,
  );
}

/** Metric filters of the log groups in one region, each with the alarms on its metric. */
async function patternsIn(
  ctx: CollectContext,
  region: string,
  groups: LogGroupRef[],
): Promise<MonitoredPattern[]> {
  const logs = ctx.session.client(CloudWatchLogsClient, region);
  const filters: Array<{ group: LogGroupRef; filter: MetricFilter }> = [];
  for (const group of groups) {
    const found = await call(ctx, FILTERS, group.arn, () =>
      collectPages(
        paginateDescribeMetricFilters({ client: logs }, { logGroupName: group.name }),
        (p) => p.metricFilters,
      ),
    );
    for (const filter of found) filters.push({ group, filter });
  }
  if (filters.length === 0) return [];
  // Alarms and subscriptions are listed once per region, not once per filter.
  const cloudwatch = ctx.session.client(CloudWatchClient, region);
  const [alarms, notified] = await Promise.all([
    call(ctx, ALARMS, `CloudWatch alarms in ${region}`, () =>
      collectPages(
        paginateDescribeAlarms({ client: cloudwatch }, { AlarmTypes: ['MetricAlarm'] }),
        (p) => p.MetricAlarms,
      ),
    ),
    topicsWithSubscribers(ctx, region),
  ]);
  return filters.map(({ group, filter }) => {
    const metrics = (filter.metricTransformations ?? []).map((t) => ({
      name: t.metricName ?? '',
      namespace: t.metricNamespace ?? '',
    }));
    const watching = alarms.filter((a) => metrics.some((m) => alarmWatches(a, m)));
    const reaches = (a: MetricAlarm) =>
      a.ActionsEnabled !== false && (a.AlarmActions ?? []).some((action) => notified.has(action));
    return {
      logGroupName: group.name,
      filterName: filter.filterName ?? '',
      pattern: filter.filterPattern ?? '',
      alarmsWithSubscribers: watching.filter(reaches).map((a) => a.AlarmName ?? ''),
      alarmsWithoutSubscribers: watching.filter((a) => !reaches(a)).map((a) => a.AlarmName ?? ''),
    };
  });
}

/**
 * The CIS 4.1–4.15 pairs: metric filters on the log group of a multi-region trail, alarms on
 * their metrics, and whether those alarms reach a confirmed SNS subscriber. Global, because the
 * answer is one per account and one DescribeTrails in any region lists every multi-region trail;
 * the log group's own region is then read, whether or not it is among the scanned regions.
 */
export const cloudwatchMonitoringCollector: Collector = {
  id: 'cloudwatch-monitoring',
  scope: 'global',
  produces: ['AWS::Account'],
  operations: {
    [TRAILS]: { fields: ['trailLogGroups', 'monitoredPatterns'] },
    [STATUS]: { fields: ['trailLogGroups', 'monitoredPatterns'] },
    [SELECTORS]: { fields: ['trailLogGroups', 'monitoredPatterns'] },
    [FILTERS]: { fields: ['monitoredPatterns'] },
    [ALARMS]: { fields: ['monitoredPatterns'] },
    [SUBSCRIPTIONS]: { fields: ['monitoredPatterns'] },
  },
  async collect(ctx) {
    const wantsPatterns = ctx.wants('AWS::Account', 'monitoredPatterns');
    if (!wantsPatterns && !ctx.wants('AWS::Account', 'trailLogGroups')) return;
    const account = ctx.builder.account;
    const src: SourceRef = { api: `${TRAILS} + ${FILTERS} + ${ALARMS} + ${SUBSCRIPTIONS}` };
    let groups: LogGroupRef[];
    try {
      groups = await qualifyingLogGroups(ctx);
    } catch (error) {
      if (!(error instanceof Unanswered)) throw error;
      account.trailLogGroups = account.monitoredPatterns = unknown(error.message, src);
      return;
    }
    const own = groups.filter((g) => g.account === ctx.accountId);
    account.trailLogGroups = explicit(
      own.map((g) => g.arn),
      { api: TRAILS },
    );
    if (!wantsPatterns) return;
    if (own.length === 0 && groups.length > 0) {
      // An organization trail may deliver to the management account's log group, out of our reach.
      const where = [...new Set(groups.map((g) => g.account))].join(', ');
      account.monitoredPatterns = unknown(
        `the trails deliver to CloudWatch Logs in another account (${where}); its metric filters and alarms are checked there`,
        src,
      );
      return;
    }
    const byRegion = new Map<string, LogGroupRef[]>();
    for (const g of own) byRegion.set(g.region, [...(byRegion.get(g.region) ?? []), g]);
    try {
      const found = await Promise.all([...byRegion].map(([region, list]) => patternsIn(ctx, region, list)));
      account.monitoredPatterns = explicit(found.flat(), src);
    } catch (error) {
      if (!(error instanceof Unanswered)) throw error;
      account.monitoredPatterns = unknown(error.message, src);
    }
  },
};
