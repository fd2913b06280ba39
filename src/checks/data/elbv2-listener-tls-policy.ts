import type { LoadBalancerListener } from '../../model/resources/index.js';
import type { Verdict } from '../check.js';
import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor, shown } from './wording.js';

/** What CreateListener uses when SslPolicy is absent (the console picks a TLS 1.3 policy instead). */
export const API_DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

/** Policies whose names do not state their lowest TLS version; all three accept TLS 1.0. */
const TLS10_BY_NAME = new Set([
  'elbsecuritypolicy-2016-08',
  'elbsecuritypolicy-2015-05',
  'elbsecuritypolicy-fs-2018-06',
]);

/**
 * The lowest TLS 1.x minor version a predefined ELB policy accepts, read from its name:
 * `TLS13-1-2-...`, `TLS-1-1-...` and `FS-1-2-...` name it. Undefined for names we do not know.
 */
export function lowestTlsMinor(policy: string): number | undefined {
  const named = /^ELBSecurityPolicy-(?:TLS13|TLS|FS)-1-([0-3])-/i.exec(policy);
  if (named?.[1] !== undefined) return Number(named[1]);
  return TLS10_BY_NAME.has(policy.toLowerCase()) ? 0 : undefined;
}

function listenerVerdict(lbName: string, listener: LoadBalancerListener): Verdict | undefined {
  const name = `load balancer ${lbName}, listener ${listener.id}`;
  if (!listener.protocol.known)
    return cannotTell(`${name}: protocol unknown: ${listener.protocol.reason}`, listener.protocol.source);
  const proto = listener.protocol.value.toUpperCase();
  if (proto !== 'HTTPS' && proto !== 'TLS') return undefined;
  return judgeFor(name, listener.sslPolicy, (set) => {
    const policy = set ?? API_DEFAULT_SSL_POLICY;
    const how =
      set === null
        ? `SslPolicy is not set, so the API default ${policy} applies`
        : `SslPolicy is ${shown(policy)}`;
    const minor = lowestTlsMinor(policy);
    if (minor === undefined)
      return cannotTell(`${name}: ${how}, a policy whoowns does not know the TLS versions of`);
    if (minor >= 2) return pass(`${name}: ${how}, which accepts TLS 1.2 and later only`);
    return fail(`${name}: ${how}${at(listener.sslPolicy.source)}, which still accepts TLS 1.${minor}`);
  });
}

export const elbv2ListenerTlsPolicy = defineCheck({
  id: 'elbv2-listener-tls-policy',
  title: 'HTTPS and TLS listeners refuse TLS 1.0 and 1.1',
  severity: 'medium',
  area: 'data.enc-in-transit',
  rationale:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and weaker against downgrade and cipher attacks. A listener ' +
    'created through CloudFormation, the CLI or the CDK without SslPolicy gets ELBSecurityPolicy-2016-08, which ' +
    'accepts both. Security Hub ELB.17 is stricter still: it accepts only its list of recommended TLS 1.3 policies.',
  remediation: {
    text: 'Set SslPolicy to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-Res-2021-06 (or ELBSecurityPolicy-TLS13-1-2-2021-06 for wider client support).',
    cloudformation: `HttpsListener:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: !Ref LoadBalancer
    Port: 443
    Protocol: HTTPS
    SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06
    Certificates:
      - CertificateArn: !Ref Certificate
    DefaultActions:
      - Type: forward
        TargetGroupArn: !Ref TargetGroup`,
  },
  frameworks: {
    fsbp: ['ELB.17'],
    nist80053: ['SC-8', 'SC-13'],
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
