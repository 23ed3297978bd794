import type { Context } from 'hono';
import type { Site } from '../../shared/config';
import { funnelEventSchema } from '../../shared/funnel-event';
import type { Clock } from '../clock';
import { ApiHttpError, invalidContent, zodFields } from '../http/api-error';
import { createLimiter, tooManyRequests } from '../http/rate-limit';
import type { FunnelCounter } from './counter';

// POST /api/v1/sites/{site}/events: one widget funnel event (shared/funnel-event.ts), counted in
// memory (funnel/counter.ts), answered 204. Mounted in routes/public.ts after the site and origin
// checks and before the API's per-client limit: events have their own limit, so a chatty page
// never uses up the submissions' allowance. The body may come as text/plain (what fetch and
// sendBeacon send for a string: no CORS preflight) or application/json. Nothing of the request
// is kept but the count: no address, no page, no time beyond the day.

/** Events per client address per minute (a whole flow sends about eight). */
export const EVENTS_PER_CLIENT_PER_MINUTE = 120;

export interface FunnelEventsOptions {
  counter: FunnelCounter;
  clock: Clock;
  /** The rate-limit key of the request's client. */
  clientKey: (c: Context) => string;
  perClientPerMinute?: number;
}

export function funnelEventsHandler({ counter, clock, clientKey, perClientPerMinute = EVENTS_PER_CLIENT_PER_MINUTE }: FunnelEventsOptions) {
  const limiter = createLimiter({ limit: perClientPerMinute, windowMs: 60_000, clock });
  return async function funnelEvent(c: Context<{ Variables: { site: Site } }>) {
    const wait = limiter.hit(clientKey(c));
    if (wait !== undefined) throw tooManyRequests('from your address', wait);
    const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'text/plain' && type !== 'application/json') {
      throw new ApiHttpError(415, 'unsupported_media_type', 'Send the event as application/json or text/plain (JSON).');
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new ApiHttpError(400, 'malformed_json', 'The body is not valid JSON.');
    }
    const parsed = funnelEventSchema.safeParse(body);
    if (!parsed.success) throw invalidContent(zodFields(parsed.error));
    const site = c.var.site;
    const language = parsed.data.l ?? site.defaultLanguage;
    if (!site.languages.includes(language)) {
      throw invalidContent([{ path: 'l', message: `site "${site.key}" is not shown in "${language}"; languages: ${site.languages.join(', ')}` }]);
    }
    counter.count(site.key, language, parsed.data.e);
    return c.body(null, 204);
  };
}
