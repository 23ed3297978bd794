import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** The socket's peer address (never a header), or undefined when there is no socket (app.request in tests). */
export function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** `::ffff:192.0.2.1` → `192.0.2.1`; anything else as it is. */
const unmapped = (address: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address);

/** Whether a peer is one of the configured reverse proxies (TRUSTED_PROXIES). */
export type ProxyCheck = (address: string) => boolean;

/**
 * The check for a list of proxy addresses and networks (`127.0.0.1`, `10.0.0.0/8`, `fd00::/8`).
 * Throws on an entry that is neither (main.ts reports it as a start error).
 */
export function trustedProxies(entries: readonly string[]): ProxyCheck {
  if (!entries.length) return () => false;
  const list = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim();
    const [address, bits, ...rest] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = type === 'ipv4' ? 32 : 128;
    if (!type || rest.length || (bits !== undefined && (!/^\d+$/.test(bits) || prefix! > max))) {
      throw new Error(`"${entry}" is not an IP address or network (e.g. 127.0.0.1, 10.0.0.0/8, fd00::/8)`);
    }
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return (address) => {
    const a = unmapped(address);
    return isIPv4(a) ? list.check(a, 'ipv4') : isIPv6(a) ? list.check(a, 'ipv6') : false;
  };
}

/**
 * The client's address for rate limits. Only the socket counts, unless the socket is one of the
 * trusted proxies: then X-Forwarded-For is read from the right (each proxy appends the address it
 * saw), past every trusted proxy, and the first address that is not one is the client. Anything
 * further left is the client's own (forgeable) text; a peer that is not a trusted proxy cannot
 * make Koers read the header at all.
 */
export function clientAddress(c: Context, isTrustedProxy: ProxyCheck): string {
  const socket = socketAddress(c);
  if (socket === undefined) return 'unknown';
  let client = socket;
  if (!isTrustedProxy(socket)) return client;
  const hops = (c.req.header('X-Forwarded-For') ?? '').split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i].trim();
    if (!isIPv4(hop) && !isIPv6(hop)) break; // garbage: keep the last address a trusted proxy gave
    client = hop;
    if (!isTrustedProxy(hop)) break;
  }
  return client;
}

/** The eight groups of an IPv6 address, expanded (`2001:db8::1` → 2001, db8, 0, 0, 0, 0, 0, 1). */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::');
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  const h = part(head);
  const t = part(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4) is two groups.
  const last = t.length ? t : h;
  if (last.length && isIPv4(last[last.length - 1])) {
    const [a, b, c, d] = last.pop()!.split('.').map(Number);
    last.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const zeros = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill('0');
  return [...h, ...zeros, ...t].map((g) => parseInt(g, 16).toString(16));
}

/**
 * What a per-client rate limit counts: an IPv4 address itself, an IPv6 address by its /64 (one
 * subscriber usually gets a whole /64 and can pick any address in it).
 */
export function rateLimitKey(address: string): string {
  const a = unmapped(address);
  if (!isIPv6(a)) return a;
  return `${ipv6Groups(a).slice(0, 4).join(':')}::/64`;
}

/** IPv4 → /24, IPv6 → /48: stored instead of the address itself. */
export function networkOf(address: string): string | null {
  const v4 = unmapped(address);
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(address)) return `${ipv6Groups(address).slice(0, 3).join(':')}::/48`;
  return null;
}
