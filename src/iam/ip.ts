/** IPv4 and IPv6 addresses and CIDR blocks for the IpAddress / NotIpAddress operators. */

interface Parsed {
  v6: boolean;
  value: bigint;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let out = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    out = (out << 8n) | BigInt(Number(p));
  }
  return out;
}

function parseV6(s: string): bigint | undefined {
  let text = s;
  let tail: bigint | undefined;
  // An embedded IPv4 tail (::ffff:192.0.2.1) stands for the last two groups.
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    tail = parseV4(v4[1]);
    if (tail === undefined) return undefined;
    text = `${text.slice(0, -v4[1].length)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let out = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
    out = (out << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return tail === undefined ? out : (out & ~0xffffffffn) | tail;
}

function parseAddress(s: string): Parsed | undefined {
  const t = s.trim();
  if (t.includes(':')) {
    const value = parseV6(t);
    return value === undefined ? undefined : { v6: true, value };
  }
  const value = parseV4(t);
  return value === undefined ? undefined : { v6: false, value };
}

export interface Cidr {
  v6: boolean;
  base: bigint;
  bits: number;
}

/** "203.0.113.0/24", "2001:db8::/32" or a bare address (a /32 or /128). */
export function parseCidr(s: string): Cidr | undefined {
  const [addr = '', len] = s.trim().split('/');
  const parsed = parseAddress(addr);
  if (!parsed) return undefined;
  const max = parsed.v6 ? 128 : 32;
  const bits = len === undefined ? max : Number(len);
  if (!Number.isInteger(bits) || bits < 0 || bits > max) return undefined;
  const shift = BigInt(max - bits);
  return { v6: parsed.v6, base: (parsed.value >> shift) << shift, bits };
}

export function cidrContains(cidr: Cidr, address: string): boolean {
  const a = parseAddress(address.split('/')[0] ?? '');
  if (!a || a.v6 !== cidr.v6) return false;
  const shift = BigInt((cidr.v6 ? 128 : 32) - cidr.bits);
  return (a.value >> shift) << shift === cidr.base;
}

/** True for 0.0.0.0/0 and ::/0: every address of the family. */
export function isOpenCidr(s: string): boolean {
  const c = parseCidr(s);
  return c !== undefined && c.bits === 0;
}
