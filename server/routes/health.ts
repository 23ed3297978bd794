import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { outboxCounts } from '../outbox/worker';

/** 200 when the database answers; the outbox backlog for monitoring. */
export function healthRoutes(deps: Pick<AppDeps, 'db'>) {
  return new Hono().get('/healthz', (c) => {
    try {
      deps.db.$client.prepare('select 1').get();
      return c.json({ status: 'ok', outbox: outboxCounts(deps.db) });
    } catch (err) {
      return c.json({ status: 'error', error: String(err) }, 503);
    }
  });
}
