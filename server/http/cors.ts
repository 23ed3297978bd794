import type { MiddlewareHandler } from 'hono';

// CORS for the public API: the request's Origin is granted (siteGuard has already refused an
// origin the site does not list, or answers with an error only) and a preflight is answered here.
// Written here rather than taken from hono/cors for one measured reason: hono/cors sets its
// headers on `c.res` before the handler runs and appends `Vary` after it, and each of those makes
// hono rebuild the handler's response around a body stream; @hono/node-server then streams it
// instead of writing the JSON string directly. That was about a fifth of the main thread's time
// per submission (bench/profile.ts). Here every header goes in with c.header() before the handler
// runs, so it is part of the response as the handler (or the error handler) builds it.

export interface CorsOptions {
  allowMethods: string[];
  allowHeaders: string[];
  maxAgeSeconds: number;
}

/**
 * Lets the page read the answer: on the public API also a 404 (unknown site) or 403 (origin not
 * listed), so that the browser console shows that status and its message instead of a bare CORS
 * error. Reading an error grants nothing: a preflight is only answered by `preflight`, which runs
 * after the site and origin checks.
 */
export function allowOrigin(): MiddlewareHandler {
  return async function allowOrigin(c, next) {
    const origin = c.req.header('Origin');
    if (origin) c.header('Access-Control-Allow-Origin', origin);
    // A 429's Retry-After is no CORS-safelisted header: the widget counts down from it.
    if (origin) c.header('Access-Control-Expose-Headers', 'Retry-After');
    c.header('Vary', 'Origin');
    await next();
  };
}

/** Answers a preflight (OPTIONS) with the methods and headers allowed. */
export function preflight({ allowMethods, allowHeaders, maxAgeSeconds }: CorsOptions): MiddlewareHandler {
  const methods = allowMethods.join(',');
  const headers = allowHeaders.join(',');
  const maxAge = String(maxAgeSeconds);
  return async function preflight(c, next) {
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', methods);
      c.header('Access-Control-Allow-Headers', headers);
      c.header('Access-Control-Max-Age', maxAge);
      return c.body(null, 204);
    }
    await next();
  };
}

/** Both: the request's Origin is granted (the caller has checked it) and a preflight answered here. */
export function cors(options: CorsOptions): MiddlewareHandler {
  const answer = preflight(options);
  return async function cors(c, next) {
    const origin = c.req.header('Origin');
    if (origin) c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
    return answer(c, next);
  };
}
