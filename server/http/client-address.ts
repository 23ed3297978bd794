import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

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
