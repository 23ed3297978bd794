import { Hono } from 'hono';
import type { Health, HealthFailed } from '../../shared/health';
import type { AppDeps } from '../app';
import { outboxHealth } from '../outbox/health';

/**
 * 200 when the database answers, with the outbox's health and memory for monitoring. Mail that is
 * stuck (or dead outbox rows) makes the status "degraded" but keeps the 200: leads are still
 * taken and stored, so a load balancer must not take the server out of rotation for it. Monitors
 * that only see status codes ask `/healthz?strict`: then "degraded" answers 503.
 */
export function healthRoutes(deps: Pick<AppDeps, 'db' | 'clock'>) {
  return new Hono().get('/healthz', (c) => {
    try {
      deps.db.$client.prepare('select 1').get();
      const outbox = outboxHealth(deps.db, deps.clock.now());
      const m = process.memoryUsage();
      const mb = (n: number) => Math.round(n / 1048576);
      const status = outbox.problems.length ? 'degraded' : 'ok';
      const strict = c.req.query('strict') !== undefined;
      return c.json(
        {
          status,
          outbox,
          memoryMb: { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external) },
        } satisfies Health,
        strict && status !== 'ok' ? 503 : 200,
      );
    } catch (err) {
      return c.json({ status: 'error', error: String(err) } satisfies HealthFailed, 503);
    }
  });
}
