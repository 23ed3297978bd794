import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { isIPv4, isIPv6 } from 'node:net';

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

/**
 * The client's address for rate limits. With `trustedHops` = 0 only the socket counts. With N
 * trusted proxies in front, each appends the address it saw to X-Forwarded-For, so the client is
 * the N-th entry from the right; anything further left is the client's own (forgeable) text.
 */
export function clientAddress(c: Context, trustedHops: number): string {
  const socket = socketAddress(c) ?? 'unknown';
  if (trustedHops <= 0) return socket;
  const hops = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const entry = hops[hops.length - trustedHops];
  return entry && (isIPv4(entry) || isIPv6(entry)) ? entry : socket;
}

/** IPv4 → /24, IPv6 → /48: stored instead of the address itself. */
export function networkOf(address: string): string | null {
  const v4 = address.replace(/^::ffff:/, '');
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(address)) {
    const [head] = address.split('::');
    const groups = head.split(':').filter(Boolean);
    return `${[...groups, '0', '0', '0'].slice(0, 3).join(':')}::/48`;
  }
  return null;
}
