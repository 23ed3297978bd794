import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { outboxCounts } from '../outbox/worker';

/** 200 when the database answers; the outbox backlog and memory for monitoring. */
export function healthRoutes(deps: Pick<AppDeps, 'db'>) {
  return new Hono().get('/healthz', (c) => {
    try {
      deps.db.$client.prepare('select 1').get();
      const m = process.memoryUsage();
      const mb = (n: number) => Math.round(n / 1048576);
      return c.json({
        status: 'ok',
        outbox: outboxCounts(deps.db),
        memoryMb: { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external) },
      });
    } catch (err) {
      return c.json({ status: 'error', error: String(err) }, 503);
    }
  });
}
