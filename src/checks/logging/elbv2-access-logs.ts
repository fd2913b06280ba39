import type { LoadBalancer } from '../../model/resources/index.js';
import { byDefault, cannotTell, defineCheck, fail, pass, type Verdict } from '../check.js';
import { at, shown } from '../data/wording.js';

function evaluate(lb: LoadBalancer): Verdict | Verdict[] {
  const logs = lb.accessLogsEnabled;
  if (!logs.known) return cannotTell(logs.reason, logs.source);
  if (logs.value) {
    const bucket = lb.accessLogsBucket;
    const into = bucket.known && bucket.value ? ` to bucket ${shown(bucket.value)}` : '';
    return pass(`load balancer ${lb.name} writes access logs${into}`, logs.source);
  }
  if (!lb.lbType.known) {
    return cannotTell(
      `load balancer ${lb.name} has access logs off, but its type is unknown (${lb.lbType.reason})`,
      lb.lbType.source,
    );
  }
  // Gateway Load Balancers have no access logs; Network Load Balancers log only TLS listeners.
  if (lb.lbType.value === 'gateway') return [];
  if (lb.lbType.value === 'network') {
    const tls = lb.listeners.some((l) => l.protocol.known && l.protocol.value.toUpperCase() === 'TLS');
    const doubt = lb.listeners.find((l) => !l.protocol.known);
    if (!tls && doubt) {
      return cannotTell(
        `network load balancer ${lb.name} has access logs off; a listener's protocol is unknown`,
        doubt.source,
      );
    }
    if (!tls) return [];
  }
  return fail(
    `load balancer ${lb.name} has access logs off${byDefault(logs.origin)}${at(logs.source)}`,
    logs.source,
  );
}

export const elbv2AccessLogs = defineCheck({
  id: 'elbv2-access-logs',
  title: 'Application and Network Load Balancers write access logs',
  severity: 'medium',
  area: 'log.service',
  rationale:
    "Access logs hold each request's client address, path, status and TLS details: the record needed to trace " +
    'an attack through the front door. They are off by default. Network Load Balancers write them for TLS ' +
    'listeners only, and Gateway Load Balancers not at all, so those are not assessed.',
  remediation: {
    text: 'Turn on access logs to an S3 bucket whose policy lets the Elastic Load Balancing log delivery write to it.',
    cloudformation: `LoadBalancer:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    Subnets: [!Ref PublicSubnetA, !Ref PublicSubnetB]
    LoadBalancerAttributes:
      - Key: access_logs.s3.enabled
        Value: 'true'
      - Key: access_logs.s3.bucket
        Value: !Ref AccessLogBucket`,
  },
  frameworks: {
    fsbp: ['ELB.5'],
    nist80053: ['AU-2', 'AU-12'],
    pci: ['10.2.1'],
    hipaa: ['164.312(b)'],
    iso27001: ['A.8.15'],
    soc2: ['CC7.2'],
  },
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  reads: ['accessLogsEnabled', 'accessLogsBucket', 'lbType'],
  evaluate,
});
