import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';
import { ApiHttpError } from './api-error';

// Fixed-window request counting per key, in memory (one process). Hand-written rather than
// hono-rate-limiter because it must run on the injected clock (tests move time) and needs no
// storage peer dependency.
//
// The windows are aligned for every key (minute 0, 1, 2… of the clock), so all counts of a window
// are dropped at once when the next one starts: no per-request sweep. Within a window the map holds
// at most `maxKeys` keys; a new key beyond that pushes out the oldest one (Map keeps insertion
// order). Memory stays bounded and every hit costs O(1), also with a flood from 100,000 addresses
// (the old per-request sweep made throughput fall tenfold at 50,000 keys).

export interface LimiterOptions {
  /** Hits per window; 0 or less switches the limit off. */
  limit: number;
  windowMs: number;
  clock: Clock;
  /** Keys remembered per window (default 100,000); past that the oldest is forgotten. */
  maxKeys?: number;
}

export interface Limiter {
  /** Counts one hit; the seconds to wait when it is over the limit, else undefined. */
  hit(key: string): number | undefined;
  /** Counts one hit only if it is within the limit; else the seconds to wait (nothing counted). */
  take(key: string): number | undefined;
  /** Gives back a hit counted by take() in this window (what it was for did not happen). */
  refund(key: string): void;
  /** Keys counted in the current window. */
  size(): number;
}

export function createLimiter({ limit, windowMs, clock, maxKeys = 100_000 }: LimiterOptions): Limiter {
  let counts = new Map<string, number>();
  let window = -1;
  const roll = () => {
    const now = clock.now();
    const current = Math.floor(now / windowMs);
    if (current !== window) {
      window = current;
      counts = new Map();
    }
    return Math.max(1, Math.ceil(((current + 1) * windowMs - now) / 1000));
  };
  return {
    hit(key) {
      if (limit <= 0) return undefined;
      const retryAfter = roll();
      const n = (counts.get(key) ?? 0) + 1;
      if (n === 1 && counts.size >= maxKeys) counts.delete(counts.keys().next().value!);
      counts.set(key, n);
      return n > limit ? retryAfter : undefined;
    },
    take(key) {
      if (limit <= 0) return undefined;
      const retryAfter = roll();
      const n = counts.get(key) ?? 0;
      if (n >= limit) return retryAfter;
      if (n === 0 && counts.size >= maxKeys) counts.delete(counts.keys().next().value!);
      counts.set(key, n + 1);
      return undefined;
    },
    refund(key) {
      if (limit <= 0) return;
      roll();
      const n = counts.get(key);
      if (n !== undefined && n > 0) counts.set(key, n - 1);
    },
    size: () => counts.size,
  };
}

export function tooManyRequests(scope: string, retryAfter: number): ApiHttpError {
  return new ApiHttpError(429, 'too_many_requests', `Too many requests ${scope}; try again in ${retryAfter} s.`, undefined, {
    'Retry-After': String(retryAfter),
  });
}

export interface RateLimitOptions extends LimiterOptions {
  /** What is counted, e.g. the client address or the site; undefined = not limited. */
  key: (c: Context) => string | undefined;
  /** Shown in the 429 message: "from your address", "for this site". */
  scope: string;
}

/** Middleware: every request counts against its key. */
export function rateLimit({ key, scope, ...options }: RateLimitOptions): MiddlewareHandler {
  const limiter = createLimiter(options);
  return async function rateLimit(c, next) {
    const k = options.limit > 0 ? key(c) : undefined;
    if (k !== undefined) {
      const retryAfter = limiter.hit(k);
      if (retryAfter !== undefined) throw tooManyRequests(scope, retryAfter);
    }
    await next();
  };
}
