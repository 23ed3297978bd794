import { Hono } from 'hono';
import { and, desc, ne, sql } from 'drizzle-orm';
import type { AppDeps } from '../app';
import { leads } from '../db/schema';
import { ApiHttpError } from '../http/api-error';
import { readProcessVersion } from '../leads/process-versions';
import { outboxCounts } from '../outbox/worker';
import { inProcessWriter } from '../threads/writes';
import { requireAdmin, type AdminGate } from '../security/admin-token';
import { csvFilter, streamLeadsCsv } from './leads-csv';
import { FILTER_NAMES, leadConditions, parseFilters, problemMessage } from '../cockpit/filters';
import { recentDeliveries, webhookEndpoints } from '../webhooks/deliveries';
// The answers' types are the OpenAPI document's schemas (server/openapi/).
import type { AdminLead, LeadCounts, ProcessVersionAnswer, ProspectLinkRevoked } from '../../shared/admin-leads';
import type { WebhookDeliveries, WebhookEnabled, WebhookEndpoint, WebhookRedelivered } from '../../shared/admin-webhooks';

// /api/v1/admin/* for sales ops and monitoring, behind ADMIN_TOKEN (unset: not mounted).

export function adminRoutes(deps: Pick<AppDeps, 'db' | 'config' | 'clock' | 'writer' | 'prospectPage'>, gate: AdminGate) {
  const app = new Hono();
  app.use('*', requireAdmin(gate));

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
    return c.json({ byStatus: group(leads.status), byTier: group(leads.tier), outbox: outboxCounts(deps.db) } satisfies LeadCounts);
  });

  /** Leads as CSV, newest first, streamed (spam excluded unless ?spam=1); filters ?status ?tier ?site. */
  app.get('/leads.csv', (c) => streamLeadsCsv(c, deps.db, csvFilter(c.req.query(), deps.config.sites.map((s) => s.key))));

  /** The newest leads (up to 200), without the stored answer body; the cockpit's filters, ?spam=0 without spam. An unknown parameter is a 400. */
  app.get('/leads', (c) => {
    const parsed = parseFilters(c.req.queries(), { config: deps.config, filters: FILTER_NAMES, others: ['limit', 'spam'] });
    if (!parsed.ok) {
      const fields = parsed.problems.map((p) => ({ path: p.name, message: problemMessage(p) }));
      throw new ApiHttpError(400, 'invalid_content', `Unknown query parameter or value; this list takes: limit, spam, ${FILTER_NAMES.join(', ')}.`, fields);
    }
    const spam = c.req.query('spam');
    if (spam !== undefined && spam !== '0' && spam !== '1') {
      throw new ApiHttpError(400, 'invalid_content', 'spam must be 0 or 1', [{ path: 'spam', message: 'must be 0 (without spam) or 1 (with it, the default)' }]);
    }
    const limit = Number(c.req.query('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw new ApiHttpError(422, 'invalid_content', 'limit must be 1 to 200', [{ path: 'limit', message: 'must be 1 to 200' }]);
    }
    const where = and(leadConditions(parsed.filters), spam === '0' ? ne(leads.status, 'spam') : undefined);
    const rows = deps.db.select().from(leads).where(where).orderBy(desc(leads.createdAt)).limit(limit).all();
    return c.json(rows.map(({ response: _response, ...lead }) => lead) satisfies AdminLead[]);
  });

  /** The process a lead was shown: its processVersion's site, language and texts, as they were. */
  app.get('/process-versions/:id', (c) => {
    const version = readProcessVersion(deps.db, c.req.param('id'));
    if (!version) throw new ApiHttpError(404, 'not_found', `No process version "${c.req.param('id')}": use a lead's processVersion.`);
    return c.json(version satisfies ProcessVersionAnswer);
  });

  /** Revokes every link to the lead's prospect page issued so far (a forwarded or leaked link); answers the new epoch and a fresh link. */
  app.post('/leads/:id/prospect-link/revoke', async (c) => {
    const leadId = c.req.param('id');
    const result = await (deps.writer ?? inProcessWriter(deps))('revoke-prospect-links', { leadId });
    if (!result.found) throw new ApiHttpError(404, 'not_found', `No lead "${leadId}".`);
    return c.json({ leadId, prospectLinkEpoch: result.epoch, prospectPage: deps.prospectPage?.(leadId, result.epoch) ?? null } satisfies ProspectLinkRevoked);
  });

  // Webhooks (README "Webhooks"): the endpoints by id (their `id` in the config, else one made from the url).
  const endpointAt = (id: string) => {
    const endpoints = webhookEndpoints(deps.db, deps.config);
    const hook = endpoints.find((h) => h.id === id);
    if (!hook) throw new ApiHttpError(404, 'not_found', `No webhook "${id}": ${endpoints.length ? `the config's webhooks are ${endpoints.map((h) => h.id).join(', ')}` : 'the config has no webhooks'}.`);
    return hook;
  };
  const write = deps.writer ?? inProcessWriter(deps);

  /** Every configured endpoint with its state (disabled after a 410, and when). */
  app.get('/webhooks', (c) => c.json(webhookEndpoints(deps.db, deps.config) satisfies WebhookEndpoint[]));

  /** The endpoint's newest deliveries (?limit= 1 to 200, default 50): status, attempts, last error. */
  app.get('/webhooks/:endpoint/deliveries', (c) => {
    const hook = endpointAt(c.req.param('endpoint'));
    const limit = Number(c.req.query('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new ApiHttpError(422, 'invalid_content', 'limit must be 1 to 200', [{ path: 'limit', message: 'must be 1 to 200' }]);
    return c.json({ endpoint: hook, deliveries: recentDeliveries(deps.db, hook, limit) } satisfies WebhookDeliveries);
  });

  /** Sends a delivery again: a new delivery of the same event with the same webhook-id. */
  app.post('/webhooks/deliveries/:id/redeliver', async (c) => {
    const id = Number(c.req.param('id'));
    const queued = Number.isSafeInteger(id) ? await write('webhook-redeliver', { deliveryId: id }) : null;
    if (!queued) throw new ApiHttpError(404, 'not_found', `No webhook delivery ${c.req.param('id')}.`);
    return c.json(queued satisfies WebhookRedelivered, 202);
  });

  /** Enables an endpoint a 410 disabled; events from now on are sent to it again. */
  app.post('/webhooks/:endpoint/enable', async (c) => {
    const hook = endpointAt(c.req.param('endpoint'));
    const was = await write('webhook-enable', { id: hook.id, url: hook.url });
    return c.json({ ...hook, disabled: null, wasDisabled: was } satisfies WebhookEnabled);
  });
  return app;
}
