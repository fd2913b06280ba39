import type { SecurityGroup, SecurityGroupRule } from '../../model/resources/index.js';
import type { Value } from '../../model/value.js';
import { cannotTell, fail, pass, type Verdict } from '../check.js';
import { at, listing } from '../data/wording.js';

/** A port the check cares about, with the service usually behind it for the message. */
export interface WatchedPort {
  port: number;
  service: string;
}

interface Exposure {
  rule: SecurityGroupRule;
  cidr: string;
  /** Empty when the rule opens every protocol and port. */
  ports: WatchedPort[];
}

interface Doubt {
  rule: SecurityGroupRule;
  reason: string;
}

/** Any /0 prefix matches every address; AWS also stores "::/0" and spellings like "0:0::/0" alike. */
function isWorld(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

const PORTED_PROTOCOLS = new Set(['tcp', 'udp', '6', '17']);

type Reach = { all: true } | { all: false; ports: WatchedPort[] } | { unknown: string };

/** Which watched ports a rule's protocol and range reach; -1 (all traffic) reaches every port. */
function reach(rule: SecurityGroupRule, watched: readonly WatchedPort[]): Reach {
  if (!rule.protocol.known) return { unknown: rule.protocol.reason };
  const protocol = rule.protocol.value.toLowerCase();
  if (protocol === '-1' || protocol === 'all') return { all: true };
  if (!PORTED_PROTOCOLS.has(protocol)) return { all: false, ports: [] };
  if (!rule.fromPort.known) return { unknown: rule.fromPort.reason };
  if (!rule.toPort.known) return { unknown: rule.toPort.reason };
  // -1 on a TCP/UDP rule is read as "no bound", the widest reading, rather than as no ports.
  const from = Math.max(rule.fromPort.value, 0);
  const to = rule.toPort.value < 0 ? 65535 : rule.toPort.value;
  return { all: false, ports: watched.filter((w) => w.port >= from && w.port <= to) };
}

function cidrsOf(rule: SecurityGroupRule): Value<string>[] {
  return [rule.cidrIpv4, rule.cidrIpv6].filter((c): c is Value<string> => c !== undefined);
}

/** Sorts each ingress rule into: opens a watched port to the world, might (unknown), or does not. */
function assess(group: SecurityGroup, watched: readonly WatchedPort[]) {
  const exposures: Exposure[] = [];
  const doubts: Doubt[] = [];
  for (const rule of group.rules) {
    if (rule.direction !== 'ingress') continue;
    const r = reach(rule, watched);
    if (!('unknown' in r) && !r.all && r.ports.length === 0) continue;
    const openCidrs: string[] = [];
    for (const cidr of cidrsOf(rule)) {
      if (!cidr.known) doubts.push({ rule, reason: `source range unknown (${cidr.reason})` });
      else if (isWorld(cidr.value)) openCidrs.push(cidr.value);
    }
    if (openCidrs.length === 0) continue;
    if ('unknown' in r) {
      doubts.push({ rule, reason: `${listing(openCidrs)} with ports unknown (${r.unknown})` });
      continue;
    }
    for (const cidr of openCidrs) exposures.push({ rule, cidr, ports: r.all ? [] : r.ports });
  }
  return { exposures, doubts };
}

function describePorts(ports: readonly WatchedPort[]): string {
  if (ports.length === 0) return 'all protocols and ports';
  const named = ports.map((p) => `${p.port} (${p.service})`);
  return `${ports.length === 1 ? 'port' : 'ports'} ${listing(named)}`;
}

/**
 * One verdict per security group: FAIL names every world-open rule with its line; UNKNOWN only
 * when no rule is known to be bad but some rule's source or ports are unknown.
 */
export function judgeIngress(group: SecurityGroup, watched: readonly WatchedPort[], what: string): Verdict {
  const { exposures, doubts } = assess(group, watched);
  const label = `security group ${group.name}`;
  if (exposures.length > 0) {
    const parts = exposures.map((e) => `${e.cidr} to ${describePorts(e.ports)}${at(e.rule.source)}`);
    return fail(`${label} allows ${parts.join('; ')}`, exposures[0]?.rule.source);
  }
  if (doubts.length > 0) {
    const parts = doubts.map((d) => `${d.reason}${at(d.rule.source)}`);
    return cannotTell(
      `${label} may open ${what} to the internet: ${parts.join('; ')}`,
      doubts[0]?.rule.source,
    );
  }
  return pass(`${label} allows no ingress from 0.0.0.0/0 or ::/0 to ${what}`, group.source);
}
