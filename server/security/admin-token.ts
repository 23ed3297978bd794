import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';
import { ApiHttpError } from '../http/api-error';
import { clientAddress, rateLimitKey, type ProxyCheck } from '../http/client-address';
import { createLimiter, tooManyRequests } from '../http/rate-limit';

// ADMIN_TOKEN: compared in constant time, wrong guesses throttled per client address, and a weak
// token refused at start (server/env.ts).

export const ADMIN_GUESSES = { limit: 10, windowMs: 10 * 60_000 };

/** Equal secrets, in time that depends on neither (both are hashed to 32 bytes first). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export interface AdminGate {
  /**
   * Whether the request carries the admin token. A request that presents a wrong one counts as a
   * guess; after ADMIN_GUESSES.limit guesses from one address in the window, every token from it
   * (also the right one: else the answer would still tell a correct guess) gets 429 with Retry-After.
   * Undefined: no bearer token presented (nothing counted).
   */
  check(c: Context): boolean | undefined;
}

export function adminGate(deps: { token: string | undefined; clock: Clock; isTrustedProxy: ProxyCheck }): AdminGate {
  const guesses = createLimiter({ ...ADMIN_GUESSES, clock: deps.clock, maxKeys: 20_000 });
  return {
    check(c) {
      const header = c.req.header('Authorization');
      if (header === undefined || deps.token === undefined) return undefined;
      const key = rateLimitKey(clientAddress(c, deps.isTrustedProxy));
      const wait = guesses.take(key);
      if (wait !== undefined) throw tooManyRequests('with a wrong admin token from your address', wait);
      const presented = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
      if (!sameSecret(presented, deps.token)) return false;
      guesses.refund(key);
      return true;
    },
  };
}

/** Middleware for /api/v1/admin/*: the token or 401 (429 after too many wrong ones). */
export function requireAdmin(gate: AdminGate): MiddlewareHandler {
  return async function requireAdmin(c, next) {
    if (gate.check(c) !== true) {
      throw new ApiHttpError(401, 'unauthorized', 'unauthorized', undefined, { 'WWW-Authenticate': 'Bearer realm="koers-admin"' });
    }
    await next();
  };
}

/**
 * Why a token is too weak to guard every lead, or undefined. Repeats and runs (aaaa, 1234, abcd)
 * add nothing; the rest counts by the kinds of characters used. Needs about 64 bits.
 */
export function weakTokenProblem(token: string): string | undefined {
  const make = 'make one with: openssl rand -base64 32';
  if (token.length < 16) return `use at least 16 characters; ${make}`;
  let effective = 1;
  for (let i = 1; i < token.length; i++) {
    if (Math.abs(token.charCodeAt(i) - token.charCodeAt(i - 1)) > 1) effective++;
  }
  const pool =
    (/[a-z]/.test(token) ? 26 : 0) + (/[A-Z]/.test(token) ? 26 : 0) + (/[0-9]/.test(token) ? 10 : 0) + (/[^a-zA-Z0-9]/.test(token) ? 33 : 0);
  const distinct = new Set(token).size;
  if (distinct < 8 || effective * Math.log2(pool) < 64) {
    return `too easy to guess (repeated or consecutive characters, or too few kinds of characters); ${make}`;
  }
  return undefined;
}
