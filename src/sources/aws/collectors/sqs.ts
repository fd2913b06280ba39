import { GetQueueAttributesCommand, paginateListQueues, SQSClient } from '@aws-sdk/client-sqs';
import pLimit from 'p-limit';
import { parsePolicyDocument } from '../../../model/parse-policy.js';
import type { SqsQueue } from '../../../model/resources/index.js';
import { explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import { attempt, collectPages, notCollected, PER_RESOURCE_CONCURRENCY } from './support.js';

const TYPE = 'AWS::SQS::Queue';
const ATTRIBUTES = 'sqs:GetQueueAttributes';
const ATTRIBUTE_FIELDS = ['kmsMasterKeyId', 'sqsManagedSse', 'policy', 'deadLetterTarget'];

function deadLetterTargetOf(redrive: string | undefined): string | null {
  if (!redrive) return null;
  try {
    const target = (JSON.parse(redrive) as { deadLetterTargetArn?: unknown }).deadLetterTargetArn;
    return typeof target === 'string' ? target : null;
  } catch {
    return null;
  }
}

/** A queue URL is https://sqs.<region>.amazonaws.com/<account>/<name>. */
function arnFromUrl(ctx: CollectContext, url: string): { name: string; arn: string } {
  const [account, name] = new URL(url).pathname.split('/').filter(Boolean).slice(-2);
  return {
    name: name ?? url,
    arn: `arn:${ctx.partition}:sqs:${ctx.region}:${account ?? ctx.accountId}:${name ?? url}`,
  };
}

async function queueOf(ctx: CollectContext, sqs: SQSClient, QueueUrl: string): Promise<SqsQueue> {
  const fromUrl = arnFromUrl(ctx, QueueUrl);
  // SQS has no batch call for queue attributes: one GetQueueAttributes per queue.
  const attributes = ATTRIBUTE_FIELDS.some((f) => ctx.wants(TYPE, f))
    ? await attempt(ctx, ATTRIBUTES, fromUrl.arn, async () => {
        const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
        return out.Attributes ?? {};
      })
    : undefined;
  const arn = (attributes?.ok && attributes.value.QueueArn) || fromUrl.arn;
  const src: SourceRef = { arn, api: ATTRIBUTES };
  const fromAttributes = <T>(field: string, pick: (a: Record<string, string>) => T): Value<T> => {
    if (!attributes || !ctx.wants(TYPE, field)) return notCollected(src);
    return attributes.ok ? explicit(pick(attributes.value), src) : unknown(attributes.reason, src);
  };
  const managed = fromAttributes('sqsManagedSse', (a) => a.SqsManagedSseEnabled);
  return {
    type: TYPE,
    id: arn,
    arn,
    name: fromUrl.name,
    region: ctx.region,
    account: ctx.accountId,
    source: src,
    queueName: explicit(fromUrl.name, { arn, api: 'sqs:ListQueues' }),
    kmsMasterKeyId: fromAttributes('kmsMasterKeyId', (a) => a.KmsMasterKeyId || null),
    sqsManagedSse: !managed.known
      ? managed
      : managed.value === undefined
        ? unknown('GetQueueAttributes did not report SqsManagedSseEnabled', src)
        : explicit(managed.value === 'true', src),
    policy: fromAttributes('policy', (a) => (a.Policy ? parsePolicyDocument(a.Policy) : null)),
    deadLetterTarget: fromAttributes('deadLetterTarget', (a) => deadLetterTargetOf(a.RedrivePolicy)),
  };
}

export const sqsCollector: Collector = {
  id: 'sqs',
  scope: 'regional',
  produces: [TYPE],
  operations: {
    'sqs:ListQueues': { fields: [] },
    'sqs:GetQueueAttributes': { fields: ATTRIBUTE_FIELDS },
  },
  async collect(ctx) {
    if (!ctx.wants(TYPE)) return;
    const sqs = ctx.session.client(SQSClient, ctx.region);
    // ListQueues returns a NextToken only when MaxResults is given; without it, 1,000 queues at most.
    const listed = await attempt(ctx, 'sqs:ListQueues', `queues in ${ctx.region}`, () =>
      collectPages(paginateListQueues({ client: sqs }, { MaxResults: 1000 }), (p) => p.QueueUrls),
    );
    if (!listed.ok) return;
    const limit = pLimit(PER_RESOURCE_CONCURRENCY);
    const queues = await Promise.all(listed.value.map((url) => limit(() => queueOf(ctx, sqs, url))));
    for (const queue of queues) ctx.builder.add(queue);
  },
};
