import {
  DescribeLoadBalancerAttributesCommand,
  ElasticLoadBalancingV2Client,
  type Listener,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  type LoadBalancer as SdkLoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import pLimit from 'p-limit';
import type { LoadBalancer, LoadBalancerListener } from '../../../model/resources/index.js';
import { awsDefault, explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import { attempt, collectPages, notCollected, PER_RESOURCE_CONCURRENCY } from './support.js';

const TYPE = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const DESCRIBE = 'elasticloadbalancing:DescribeLoadBalancers';
const ATTRIBUTES = 'elasticloadbalancing:DescribeLoadBalancerAttributes';
const LISTENERS = 'elasticloadbalancing:DescribeListeners';
const ATTRIBUTE_FIELDS = {
  accessLogsEnabled: 'access_logs.s3.enabled',
  deletionProtection: 'deletion_protection.enabled',
  dropInvalidHeaderFields: 'routing.http.drop_invalid_header_fields.enabled',
} as const;

/** Only these protocols negotiate TLS; anything else has no security policy, whatever is reported. */
const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS']);

function listenerOf(listener: Listener, lbArn: string): LoadBalancerListener {
  const arn = listener.ListenerArn ?? lbArn;
  const src: SourceRef = { arn, api: LISTENERS };
  const protocol = String(listener.Protocol ?? '');
  const redirects = (listener.DefaultActions ?? []).some(
    (a) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS',
  );
  return {
    id: arn,
    protocol: explicit(protocol, src),
    port: listener.Port !== undefined ? explicit(listener.Port, src) : unknown('no port returned', src),
    sslPolicy: explicit(TLS_PROTOCOLS.has(protocol) ? (listener.SslPolicy ?? null) : null, src),
    redirectsToHttps: explicit(redirects, src),
    source: src,
  };
}

const ACCESS_LOGS_BUCKET = 'access_logs.s3.bucket';

type AttributeValues = Pick<LoadBalancer, keyof typeof ATTRIBUTE_FIELDS | 'accessLogsBucket'>;

async function attributesOf(
  ctx: CollectContext,
  client: ElasticLoadBalancingV2Client,
  arn: string,
): Promise<AttributeValues> {
  const src: SourceRef = { arn, api: ATTRIBUTES };
  const fields = Object.keys(ATTRIBUTE_FIELDS) as Array<keyof typeof ATTRIBUTE_FIELDS>;
  const out = {} as Record<keyof typeof ATTRIBUTE_FIELDS, Value<boolean>>;
  if (!fields.some((f) => ctx.wants(TYPE, f)) && !ctx.wants(TYPE, 'accessLogsBucket')) {
    for (const f of fields) out[f] = notCollected(src);
    return { ...out, accessLogsBucket: notCollected(src) };
  }
  const read = await attempt(ctx, ATTRIBUTES, arn, async () => {
    const attributes = (
      await client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }))
    ).Attributes;
    return new Map((attributes ?? []).map((a) => [a.Key ?? '', a.Value ?? '']));
  });
  for (const f of fields) {
    if (!read.ok) out[f] = unknown(read.reason, src);
    else {
      // An attribute the load balancer type does not have (e.g. header dropping on an NLB) is off.
      const value = read.value.get(ATTRIBUTE_FIELDS[f]);
      out[f] = value === undefined ? awsDefault(false, src) : explicit(value === 'true', src);
    }
  }
  const bucket = read.ok ? read.value.get(ACCESS_LOGS_BUCKET) : undefined;
  const accessLogsBucket: Value<string | null> = !read.ok
    ? unknown(read.reason, src)
    : bucket
      ? explicit(bucket, src)
      : awsDefault(null, src);
  return { ...out, accessLogsBucket };
}

async function loadBalancerOf(
  ctx: CollectContext,
  client: ElasticLoadBalancingV2Client,
  lb: SdkLoadBalancer,
): Promise<LoadBalancer> {
  const arn = lb.LoadBalancerArn ?? '';
  const src: SourceRef = { arn, api: DESCRIBE };
  const [attributes, listeners] = await Promise.all([
    attributesOf(ctx, client, arn),
    ctx.wants(TYPE, 'listeners')
      ? attempt(ctx, LISTENERS, arn, () =>
          collectPages(paginateDescribeListeners({ client }, { LoadBalancerArn: arn }), (p) => p.Listeners),
        )
      : undefined,
  ]);
  const listenerSrc: SourceRef = { arn, api: LISTENERS };
  return {
    type: TYPE,
    id: arn,
    arn,
    name: lb.LoadBalancerName ?? arn,
    region: ctx.region,
    account: ctx.accountId,
    source: src,
    lbType: explicit((lb.Type ?? 'application') as 'application' | 'network' | 'gateway', src),
    scheme: explicit(lb.Scheme === 'internal' ? 'internal' : 'internet-facing', src),
    ...attributes,
    listeners: !listeners
      ? []
      : listeners.ok
        ? listeners.value.map((l) => listenerOf(l, arn))
        : [
            // The model keeps listeners as a list: an unreadable list is one listener nothing is known of.
            {
              id: `${arn} (listeners)`,
              protocol: unknown(listeners.reason, listenerSrc),
              port: unknown(listeners.reason, listenerSrc),
              sslPolicy: unknown(listeners.reason, listenerSrc),
              redirectsToHttps: unknown(listeners.reason, listenerSrc),
              source: listenerSrc,
            },
          ],
  };
}

export const elbv2Collector: Collector = {
  id: 'elbv2',
  scope: 'regional',
  produces: [TYPE],
  operations: {
    'elasticloadbalancing:DescribeLoadBalancers': { fields: [] },
    'elasticloadbalancing:DescribeLoadBalancerAttributes': {
      fields: [...Object.keys(ATTRIBUTE_FIELDS), 'accessLogsBucket'],
    },
    'elasticloadbalancing:DescribeListeners': { fields: ['listeners'] },
  },
  async collect(ctx) {
    if (!ctx.wants(TYPE)) return;
    const client = ctx.session.client(ElasticLoadBalancingV2Client, ctx.region);
    const listed = await attempt(ctx, DESCRIBE, `load balancers in ${ctx.region}`, () =>
      collectPages(paginateDescribeLoadBalancers({ client }, {}), (p) => p.LoadBalancers),
    );
    if (!listed.ok) return;
    // Attributes and listeners have no batch call: one of each per load balancer.
    const limit = pLimit(PER_RESOURCE_CONCURRENCY);
    const found = await Promise.all(listed.value.map((lb) => limit(() => loadBalancerOf(ctx, client, lb))));
    for (const lb of found) ctx.builder.add(lb);
  },
};
