import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { desc, ne, sql } from 'drizzle-orm';
import type { AppDeps } from '../app';
import { leads } from '../db/schema';
import { ApiHttpError } from '../http/api-error';
import { outboxCounts } from '../outbox/worker';
import { leadsCsv } from './leads-csv';

// /api/v1/admin/* for sales ops and monitoring, behind ADMIN_TOKEN (unset: not mounted).

export function adminRoutes(deps: Pick<AppDeps, 'db'>, token: string) {
  const app = new Hono();
  app.use(
    '*',
    bearerAuth({
      token,
      noAuthenticationHeader: { message: 'unauthorized' },
      invalidTokenMessage: 'unauthorized',
      invalidAuthenticationHeader: { message: 'unauthorized' },
    }),
  );

  /** What came in: leads per status (spam included) and per tier, and the outbox backlog. */
  app.get('/leads/counts', (c) => {
    const group = (column: typeof leads.status | typeof leads.tier) =>
      Object.fromEntries(
        deps.db
          .select({ key: column, n: sql<number>`count(*)` })
          .from(leads)
          .groupBy(column)
          .all()
          .map((r) => [r.key, r.n]),
      );
    return c.json({ byStatus: group(leads.status), byTier: group(leads.tier), outbox: outboxCounts(deps.db) });
  });

  /** Every lead (spam excluded unless ?spam=1) as CSV, newest first, for a spreadsheet. */
  app.get('/leads.csv', (c) => {
    const withSpam = c.req.query('spam') === '1';
    const rows = deps.db
      .select()
      .from(leads)
      .where(withSpam ? undefined : ne(leads.status, 'spam'))
      .orderBy(desc(leads.createdAt))
      .all();
    c.header('Content-Disposition', 'attachment; filename="koers-leads.csv"');
    return c.body(leadsCsv(rows), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  /** The newest leads (up to 200), without the stored answer body. */
  app.get('/leads', (c) => {
    const limit = Number(c.req.query('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw new ApiHttpError(422, 'invalid_content', 'limit must be 1 to 200', [{ path: 'limit', message: 'must be 1 to 200' }]);
    }
    const rows = deps.db.select().from(leads).orderBy(desc(leads.createdAt)).limit(limit).all();
    return c.json(rows.map(({ response: _response, ...lead }) => lead));
  });
  return app;
}
