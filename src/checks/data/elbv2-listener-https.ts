import type { LoadBalancerListener } from '../../model/resources/index.js';
import type { Verdict } from '../check.js';
import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from './wording.js';

function listenerVerdict(lbName: string, listener: LoadBalancerListener): Verdict | undefined {
  const { protocol } = listener;
  const name = `load balancer ${lbName}, listener ${listener.id}`;
  if (!protocol.known) return cannotTell(`${name}: protocol unknown: ${protocol.reason}`, protocol.source);
  const proto = protocol.value.toUpperCase();
  if (proto === 'HTTPS' || proto === 'TLS') return pass(`${name}: uses ${proto}`, protocol.source);
  // Only ALB listeners speak HTTP; TCP, UDP and GENEVE traffic is the application's to protect.
  if (proto !== 'HTTP') return undefined;
  return judgeFor(name, listener.redirectsToHttps, (redirects) =>
    redirects
      ? pass(`${name}: plain HTTP redirects to HTTPS`)
      : fail(
          `${name}: protocol is HTTP and the default action does not redirect to HTTPS${at(listener.source)}`,
          listener.source,
        ),
  );
}

export const elbv2ListenerHttps = defineCheck({
  id: 'elbv2-listener-https',
  title: 'Load balancer listeners use HTTPS or redirect HTTP to HTTPS',
  severity: 'high',
  area: 'data.enc-in-transit',
  rationale:
    'An HTTP listener that serves content sends requests, cookies and responses in the clear between clients ' +
    'and the load balancer. Redirecting HTTP to HTTPS keeps port 80 open for users who type a bare address ' +
    'without carrying any content over it.',
  remediation: {
    text: "Serve content on an HTTPS listener and make the HTTP listener's default action a redirect to HTTPS (HTTP_301).",
    cloudformation: `HttpListener:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: !Ref LoadBalancer
    Port: 80
    Protocol: HTTP
    DefaultActions:
      - Type: redirect
        RedirectConfig:
          Protocol: HTTPS
          Port: '443'
          StatusCode: HTTP_301`,
  },
  frameworks: {
    fsbp: ['ELB.1'],
    nist80053: ['SC-8'],
    pci: ['4.2.1'],
    hipaa: ['164.312(e)(1)'],
    iso27001: ['A.8.24'],
    soc2: ['CC6.7'],
  },
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  reads: ['listeners'],
  evaluate: (lb) =>
    lb.listeners.flatMap((listener) => {
      const verdict = listenerVerdict(lb.name, listener);
      return verdict ? [verdict] : [];
    }),
});
