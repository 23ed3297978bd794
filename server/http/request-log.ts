import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Log } from '../log';

// One log line per request, to tell from the server why "the widget doesn't show": method, the
// route pattern (`/r/:token`, `/api/v1/sites/:site/leads`; never the path itself, which can hold
// a rep's token, and never the query string), status and duration. Nothing from the body or the
// headers: no personal data. Reads the status only, so the answer is not rebuilt (ARCHITECTURE.md).

/** The pattern of the endpoint the request was for; a middleware's pattern when only middleware matched. */
export function routeOf(c: Parameters<MiddlewareHandler>[0]): string {
  const routes = matchedRoutes(c);
  const endpoint = routes.findLast((r) => r.method !== 'ALL');
  if (endpoint) return endpoint.path;
  const answered = routes[c.req.routeIndex];
  // Only app-wide middleware (path "*" or "/*") ran: no route has this path.
  return answered && !/^\/?\*$/.test(answered.path) ? answered.path : '(no route)';
}

export function requestLog(log: Log): MiddlewareHandler {
  return async function requestLog(c, next) {
    const start = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round((performance.now() - start) * 10) / 10;
      log.info('request', { method: c.req.method, route: routeOf(c), status: c.res.status, ms });
    }
  };
}
