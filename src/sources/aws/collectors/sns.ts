import {
  GetTopicAttributesCommand,
  paginateListSubscriptions,
  paginateListTopics,
  SNSClient,
} from '@aws-sdk/client-sns';
import pLimit from 'p-limit';
import { parsePolicyDocument } from '../../../model/parse-policy.js';
import type { SnsTopic } from '../../../model/resources/index.js';
import { explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import { attempt, collectPages, notCollected, type Outcome, PER_RESOURCE_CONCURRENCY } from './support.js';

const TYPE = 'AWS::SNS::Topic';
const ATTRIBUTES = 'sns:GetTopicAttributes';
const SUBSCRIPTIONS = 'sns:ListSubscriptions';

/** Subscription protocols per topic ARN, from one listing of the region's subscriptions. */
async function protocolsByTopic(
  ctx: CollectContext,
  sns: SNSClient,
): Promise<Outcome<Map<string, string[]>>> {
  return attempt(ctx, SUBSCRIPTIONS, `subscriptions in ${ctx.region}`, async () => {
    const byTopic = new Map<string, string[]>();
    for await (const page of paginateListSubscriptions({ client: sns }, {}))
      for (const s of page.Subscriptions ?? []) {
        if (!s.TopicArn || !s.Protocol) continue;
        byTopic.set(s.TopicArn, [...(byTopic.get(s.TopicArn) ?? []), s.Protocol]);
      }
    return byTopic;
  });
}

async function topicOf(
  ctx: CollectContext,
  sns: SNSClient,
  arn: string,
  protocols: Outcome<Map<string, string[]>> | undefined,
): Promise<SnsTopic> {
  const name = arn.split(':').pop() ?? arn;
  const src: SourceRef = { arn, api: ATTRIBUTES };
  const wantsAttributes = ctx.wants(TYPE, 'kmsMasterKeyId') || ctx.wants(TYPE, 'policy');
  // SNS has no batch call for topic attributes: one GetTopicAttributes per topic.
  const attributes = wantsAttributes
    ? await attempt(ctx, ATTRIBUTES, arn, async () => {
        return (await sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes ?? {};
      })
    : undefined;
  const fromAttributes = <T>(field: string, pick: (a: Record<string, string>) => T): Value<T> =>
    !attributes || !ctx.wants(TYPE, field)
      ? notCollected(src)
      : attributes.ok
        ? explicit(pick(attributes.value), src)
        : unknown(attributes.reason, src);
  const subSrc: SourceRef = { arn, api: SUBSCRIPTIONS };
  return {
    type: TYPE,
    id: arn,
    arn,
    name,
    region: ctx.region,
    account: ctx.accountId,
    source: src,
    topicName: explicit(name, { arn, api: 'sns:ListTopics' }),
    kmsMasterKeyId: fromAttributes('kmsMasterKeyId', (a) => a.KmsMasterKeyId || null),
    // Every topic has an access policy; SNS writes a default one granting the owner account.
    policy: fromAttributes('policy', (a) => (a.Policy ? parsePolicyDocument(a.Policy) : null)),
    subscriptionProtocols: !protocols
      ? notCollected(subSrc)
      : protocols.ok
        ? explicit(protocols.value.get(arn) ?? [], subSrc)
        : unknown(protocols.reason, subSrc),
  };
}

export const snsCollector: Collector = {
  id: 'sns',
  scope: 'regional',
  produces: [TYPE],
  operations: {
    'sns:ListTopics': { fields: [] },
    'sns:GetTopicAttributes': { fields: ['kmsMasterKeyId', 'policy'] },
    'sns:ListSubscriptions': { fields: ['subscriptionProtocols'] },
  },
  async collect(ctx) {
    if (!ctx.wants(TYPE)) return;
    const sns = ctx.session.client(SNSClient, ctx.region);
    const [listed, protocols] = await Promise.all([
      attempt(ctx, 'sns:ListTopics', `topics in ${ctx.region}`, () =>
        collectPages(paginateListTopics({ client: sns }, {}), (p) => p.Topics),
      ),
      ctx.wants(TYPE, 'subscriptionProtocols') ? protocolsByTopic(ctx, sns) : undefined,
    ]);
    if (!listed.ok) return;
    const limit = pLimit(PER_RESOURCE_CONCURRENCY);
    const arns = listed.value.map((t) => t.TopicArn).filter((a): a is string => !!a);
    const topics = await Promise.all(arns.map((arn) => limit(() => topicOf(ctx, sns, arn, protocols))));
    for (const topic of topics) ctx.builder.add(topic);
  },
};
