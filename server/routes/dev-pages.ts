import type { Context } from 'hono';
import { isLoopback, socketAddress } from '../http/client-address';

// The development pages (/dev/mail, the /demo pages): on with DEV_PAGES=on, off with
// DEV_PAGES=off; unset, on only for an obviously local run (neither PUBLIC_URL nor SMTP_URL), so
// `npm ci && npm start` shows them and a production setup does not.

export function devPagesEnabled(env: { DEV_PAGES?: 'on' | 'off'; PUBLIC_URL?: string; SMTP_URL?: string }): boolean {
  if (env.DEV_PAGES) return env.DEV_PAGES === 'on';
  return !env.PUBLIC_URL && !env.SMTP_URL;
}

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * A request from this machine to this machine: a loopback socket, no proxy anywhere (with
 * TRUSTED_PROXIES set a proxy on this machine relays strangers, so nothing counts as local), no
 * forwarding header, and a Host of localhost / 127.0.0.1 / [::1] — a page on an attacker's domain
 * that resolves to 127.0.0.1 (DNS rebinding) sends its own name as Host.
 */
export function isLocalRequest(c: Context, trustedProxies: readonly string[]): boolean {
  return (
    trustedProxies.length === 0 &&
    isLoopback(socketAddress(c)) &&
    !c.req.header('X-Forwarded-For') &&
    !c.req.header('Forwarded') &&
    LOCAL_HOST.test(c.req.header('Host') ?? '')
  );
}
