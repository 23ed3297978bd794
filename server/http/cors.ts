import type { MiddlewareHandler } from 'hono';

// CORS for the public API: the request's Origin is granted (siteGuard, which runs first, has
// already refused an origin the site does not list) and a preflight is answered here.
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

export function cors({ allowMethods, allowHeaders, maxAgeSeconds }: CorsOptions): MiddlewareHandler {
  const methods = allowMethods.join(',');
  const headers = allowHeaders.join(',');
  const maxAge = String(maxAgeSeconds);
  return async function cors(c, next) {
    const origin = c.req.header('Origin');
    if (origin) c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', methods);
      c.header('Access-Control-Allow-Headers', headers);
      c.header('Access-Control-Max-Age', maxAge);
      return c.body(null, 204);
    }
    await next();
  };
}
