import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';
import { ApiHttpError } from './api-error';

// Fixed-window request counting per key, in memory (one process). Hand-written rather than
// hono-rate-limiter because it must run on the injected clock (tests move time) and needs no
// storage peer dependency.

export interface RateLimitOptions {
  /** Requests per window; 0 or less switches the limit off. */
  limit: number;
  windowMs: number;
  clock: Clock;
  /** What is counted, e.g. the client address or the site; undefined = not limited. */
  key: (c: Context) => string | undefined;
  /** Shown in the 429 message: "per client", "per site". */
  scope: string;
}

export function rateLimit({ limit, windowMs, clock, key, scope }: RateLimitOptions): MiddlewareHandler {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return async function rateLimit(c, next) {
    const k = limit > 0 ? key(c) : undefined;
    if (k !== undefined) {
      const now = clock.now();
      if (windows.size > 50_000) for (const [name, w] of windows) if (w.resetAt <= now) windows.delete(name);
      let w = windows.get(k);
      if (!w || w.resetAt <= now) {
        w = { count: 0, resetAt: now + windowMs };
        windows.set(k, w);
      }
      w.count++;
      if (w.count > limit) {
        const retryAfter = Math.max(1, Math.ceil((w.resetAt - now) / 1000));
        throw new ApiHttpError(429, 'too_many_requests', `Too many requests ${scope}; try again in ${retryAfter} s.`, undefined, {
          'Retry-After': String(retryAfter),
        });
      }
    }
    await next();
  };
}
