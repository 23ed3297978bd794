import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorConfig } from '../../shared/config';
import { adminLeadSchema } from '../../shared/admin-leads';
import { publicFormSchema } from '../../shared/public-form-schema';
import { submissionAnswerSchema } from '../../shared/submission';
import { silentLog } from '../../server/log';
import { openApiDocument, type OpenApiDocument } from '../../server/openapi/document';
import { jobHandlers } from '../../server/outbox/job-handlers';
import { createOutboxWorker } from '../../server/outbox/worker';
import { repActionLinks } from '../../server/security/action-links';
import { resolveWebhookKeys } from '../../server/webhooks/secrets';
import { exampleConfig, submissionBody } from '../support/fixtures';
import { openApiChecker } from '../support/openapi-check';
import { ORIGIN, testApp } from '../support/test-app';
import { startWebhookReceiver } from '../support/webhook-receiver';

// Issue 13, "OpenAPI": GET /api/v1/openapi.json is a valid OpenAPI 3.1 document (checked by a real
// validator), and every endpoint's real requests and answers (status and body) match it (ajv,
// draft 2020-12): an answer that drifts from its zod schema, or a status the document does not
// list, fails here.

const ADMIN = 'openapi-test-admin-token-5d2e9c71b4a8f03e6c19';
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const SITE = '/api/v1/sites/{site}';
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const admin = (init: RequestInit = {}) => ({ ...init, headers: { Authorization: `Bearer ${ADMIN}` } });

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let doc: OpenApiDocument;
let check: ReturnType<typeof openApiChecker>;

async function setup(deps: Parameters<typeof testApp>[0] = {}) {
  const config: VendorConfig = exampleConfig((c) => {
    c.webhooks = [{ url: receiver.url, events: ['*'], secretEnv: 'KOERS_OPENAPI_HOOK', allowPrivateTarget: true }];
  });
  return testApp({ config, ...deps, deps: { adminToken: ADMIN, ...deps.deps } });
}

beforeAll(async () => {
  receiver = await startWebhookReceiver(SECRET);
  const t = await setup();
  const res = await t.app.request('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as OpenApiDocument;
  check = openApiChecker(doc);
});
afterAll(async () => receiver.close());

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 (@seriousme/openapi-schema-validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc).toEqual(openApiDocument('http://koers.test')); // served as built
  });

  it('describes every route of the API the app serves, and nothing it does not', async () => {
    const t = await setup();
    const served = t.app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*') && (r.path.startsWith('/api/') || r.path === '/healthz'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect([...new Set(served)].sort()).toEqual(documented.sort());
  });

  it('has the error body, both bearer schemes and every webhook event', () => {
    expect(doc.components.schemas.Error).toMatchObject({ required: ['error'] });
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['adminToken', 'siteApiKey']);
    expect(Object.keys(doc.webhooks)).toEqual(expect.arrayContaining(['lead.created', 'lead.accepted', 'lead.erased', 'agreement.proposed']));
    // Every error status answers the error body.
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops) as { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }[]) {
        for (const [status, r] of Object.entries(op.responses)) {
          if (Number(status) >= 400 && status !== '503') expect(r.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
        }
      }
    }
  });
});

describe('real requests and answers match the document', () => {
  it('the public API: form, leads, events (every documented status we can cause)', async () => {
    const digest = createHash('sha256').update('crm-key-0123456789abcdefghijklmnopqrstuv').digest();
    const t = await setup({ deps: { apiKeys: { 'zeilmaker-web': [{ id: 'crm', digest }] } } });
    const form = await check.answer('get', `${SITE}/form`, await t.app.request('/api/v1/sites/zeilmaker-web/form?lang=en', { headers: { Origin: ORIGIN } }));
    publicFormSchema.parse(form); // the zod schema itself, too
    await check.answer('get', `${SITE}/form`, await t.app.request('/api/v1/sites/nope/form'));
    await check.answer('get', `${SITE}/form`, await t.app.request('/api/v1/sites/zeilmaker-web/form', { headers: { Origin: 'https://evil.example' } }));

    const leads = `${SITE}/leads`;
    const url = '/api/v1/sites/zeilmaker-web/leads';
    const body = { ...submissionBody(), formToken: t.token() };
    check.request('post', leads, body);
    const created = (await check.answer('post', leads, await t.app.request(url, json(body)))) as { leadId: string };
    submissionAnswerSchema.parse(created);
    await check.answer('post', leads, await t.app.request(url, json(body))); // 200: the same again
    await check.answer('post', leads, await t.app.request(url, json({ ...body, contact: { ...body.contact, name: 'Other' } }))); // 409
    await check.answer('post', leads, await t.app.request(url, json('{"not json'))); // 400
    await check.answer('post', leads, await t.app.request(url, json(submissionBody(), { Authorization: 'Bearer wrong' }))); // 401
    await check.answer('post', leads, await t.app.request(url, { ...json(submissionBody()), headers: { 'Content-Type': 'text/plain', Origin: ORIGIN } })); // 415
    await check.answer('post', leads, await t.app.request(url, json('x'.repeat(70_000)))); // 413
    await check.answer('post', leads, await t.app.request(url, json(submissionBody(), { Origin: 'https://evil.example' }))); // 403
    await check.answer('post', leads, await t.app.request('/api/v1/sites/nope/leads', json(submissionBody()))); // 404
    // What the server refuses, the document refuses too (no looser copy).
    const unknownField = { ...submissionBody(), extra: 1 };
    expect(check.requestAllowed('post', leads, unknownField)).toBe(false);
    await check.answer('post', leads, await t.app.request(url, json(unknownField))); // 422
    const withKey = submissionBody();
    check.request('post', leads, withKey);
    const byServer = await t.app.request(url, json(withKey, { Authorization: 'Bearer crm-key-0123456789abcdefghijklmnopqrstuv' }));
    expect(byServer.status).toBe(201);
    await check.answer('post', leads, byServer);

    const events = `${SITE}/events`;
    const eventsUrl = '/api/v1/sites/zeilmaker-web/events';
    check.request('post', events, { e: 2, l: 'nl' }, 'text/plain');
    await check.answer('post', events, await t.app.request(eventsUrl, { method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: ORIGIN }, body: '{"e":2,"l":"nl"}' })); // 204
    await check.answer('post', events, await t.app.request(eventsUrl, json({ e: 's' })));
    await check.answer('post', events, await t.app.request(eventsUrl, json('nope'))); // 400
    await check.answer('post', events, await t.app.request(eventsUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'e=s' })); // 415
    expect(check.requestAllowed('post', events, { e: 'x' })).toBe(false);
    await check.answer('post', events, await t.app.request(eventsUrl, json({ e: 'x' }))); // 422
    await check.answer('post', events, await t.app.request('/api/v1/sites/nope/events', json({ e: 's' }))); // 404
    await check.answer('post', events, await t.app.request(eventsUrl, json({ e: 's' }, { Origin: 'https://evil.example' }))); // 403

    // The limits: 429 with Retry-After.
    const limited = await setup({ deps: { protection: { perClientPerMinute: 1, perSitePerMinute: 1, eventsPerClientPerMinute: 1 } } });
    await check.answer('get', `${SITE}/form`, await limited.app.request('/api/v1/sites/zeilmaker-web/form'));
    await check.answer('get', `${SITE}/form`, await limited.app.request('/api/v1/sites/zeilmaker-web/form')); // 429
    await check.answer('post', leads, await limited.app.request(url, json({ ...submissionBody(), formToken: limited.token() }))); // 429 (per client)
    await check.answer('post', events, await limited.app.request(eventsUrl, json({ e: 's' })));
    await check.answer('post', events, await limited.app.request(eventsUrl, json({ e: 's' }))); // 429

    expect([...check.seen.get(`post ${leads}`)!].sort()).toEqual([200, 201, 400, 401, 403, 404, 409, 413, 415, 422, 429]);
    expect([...check.seen.get(`post ${events}`)!].sort()).toEqual([204, 400, 403, 404, 415, 422, 429]);
    expect([...check.seen.get(`get ${SITE}/form`)!].sort()).toEqual([200, 403, 404, 429]);
  });

  it('health, this document and its page', async () => {
    const t = await setup();
    await check.answer('get', '/healthz', await t.app.request('/healthz'));
    t.db.$client.prepare("insert into outbox (kind, payload, run_at, created_at, status) values ('mail', '{}', 0, 0, 'dead')").run();
    expect(((await check.answer('get', '/healthz', await t.app.request('/healthz?strict'), { serverError: true })) as { status: string }).status).toBe('degraded'); // 503
    t.db.$client.close();
    expect(((await check.answer('get', '/healthz', await t.app.request('/healthz'), { serverError: true })) as { status: string }).status).toBe('error'); // 503

    const u = await setup();
    await check.answer('get', '/api/v1/openapi.json', await u.app.request('/api/v1/openapi.json'));
    const page = await u.app.request('/api/v1/docs');
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const html = (await check.answer('get', '/api/v1/docs', page)) as string;
    expect(html).not.toMatch(/<script|https?:\/\/(?!json-schema\.org)[^"<\s]*\.(js|css)/i); // nothing from elsewhere
    for (const path of Object.keys(doc.paths)) expect(html).toContain(path.replace(/'/g, '&#39;'));
    expect(html).toContain('id="schema-AdminLead"');
    expect(html).toContain('lead.created');
  });

  it('the admin API: leads, CSV, counts, process versions, link revoke, webhooks and their deliveries', async () => {
    const t = await setup();
    const keys = resolveWebhookKeys(t.config, { KOERS_OPENAPI_HOOK: SECRET });
    if (!keys.ok) throw new Error(keys.problems.join('\n'));
    const worker = createOutboxWorker({
      db: t.db,
      clock: t.clock,
      log: silentLog,
      handlers: jobHandlers({ db: t.db, config: t.config, clock: t.clock, log: silentLog, mailer: { send: async () => {} } as never, repActions: repActionLinks(t.deps), webhookKeys: keys.keys }),
    });
    const created = (await (await t.post(submissionBody({ process: { accepted: false, deviation: 'A pilot first.', changes: { steps: [{ id: 'intro', change: 'skip' }], added: ['A pilot'] } } }))).json()) as { leadId: string };
    await t.post(submissionBody({ contact: { website: 'bot' } })); // spam

    const a = '/api/v1/admin';
    const list = (await check.answer('get', `${a}/leads`, await t.app.request(`${a}/leads`, admin()))) as unknown[];
    expect(list).toHaveLength(2);
    adminLeadSchema.array().parse(list);
    await check.answer('get', `${a}/leads`, await t.app.request(`${a}/leads?spam=0&tier=qualifying&limit=10`, admin()));
    await check.answer('get', `${a}/leads`, await t.app.request(`${a}/leads?colour=red`, admin())); // 400
    await check.answer('get', `${a}/leads`, await t.app.request(`${a}/leads?limit=999`, admin())); // 422
    await check.answer('get', `${a}/leads`, await t.app.request(`${a}/leads`, { headers: { Authorization: 'Bearer wrong' } })); // 401
    await check.answer('get', `${a}/leads.csv`, await t.app.request(`${a}/leads.csv?spam=1`, admin()));
    await check.answer('get', `${a}/leads.csv`, await t.app.request(`${a}/leads.csv?colour=red`, admin())); // 422
    await check.answer('get', `${a}/leads/counts`, await t.app.request(`${a}/leads/counts`, admin()));

    const version = (list[0] as { processVersion: string }).processVersion;
    await check.answer('get', `${a}/process-versions/{id}`, await t.app.request(`${a}/process-versions/${version}`, admin()));
    await check.answer('get', `${a}/process-versions/{id}`, await t.app.request(`${a}/process-versions/nope`, admin())); // 404
    const revoke = `${a}/leads/{id}/prospect-link/revoke`;
    await check.answer('post', revoke, await t.app.request(`${a}/leads/${created.leadId}/prospect-link/revoke`, admin({ method: 'POST' })));
    await check.answer('post', revoke, await t.app.request(`${a}/leads/${randomUUID()}/prospect-link/revoke`, admin({ method: 'POST' }))); // 404

    const [hook] = (await check.answer('get', `${a}/webhooks`, await t.app.request(`${a}/webhooks`, admin()))) as { id: string }[];
    const deliveries = `${a}/webhooks/{endpoint}/deliveries`;
    // Deliver what is queued to the receiver, so the list has delivered rows too.
    for (let i = 0; i < 20; i++) {
      await worker.runOnce();
      await worker.settled();
    }
    await worker.stop();
    const listed = (await check.answer('get', deliveries, await t.app.request(`${a}/webhooks/${hook.id}/deliveries?limit=20`, admin()))) as { deliveries: { id: number; status: string }[] };
    expect(listed.deliveries.map((d) => d.status)).toContain('delivered');
    await check.answer('get', deliveries, await t.app.request(`${a}/webhooks/no-such-hook/deliveries`, admin())); // 404
    await check.answer('get', deliveries, await t.app.request(`${a}/webhooks/${hook.id}/deliveries?limit=0`, admin())); // 422
    const redeliver = `${a}/webhooks/deliveries/{id}/redeliver`;
    await check.answer('post', redeliver, await t.app.request(`${a}/webhooks/deliveries/${listed.deliveries[0].id}/redeliver`, admin({ method: 'POST' }))); // 202
    await check.answer('post', redeliver, await t.app.request(`${a}/webhooks/deliveries/999999/redeliver`, admin({ method: 'POST' }))); // 404
    await check.answer('post', `${a}/webhooks/{endpoint}/enable`, await t.app.request(`${a}/webhooks/${hook.id}/enable`, admin({ method: 'POST' })));
    await check.answer('post', `${a}/webhooks/{endpoint}/enable`, await t.app.request(`${a}/webhooks/no-such-hook/enable`, admin({ method: 'POST' }))); // 404

    // The webhook bodies that reached the receiver match the document's `webhooks`.
    const types = new Set<string>();
    for (const d of receiver.deliveries) {
      check.webhook(d.body.type, d.body);
      types.add(d.body.type);
    }
    expect([...types]).toEqual(expect.arrayContaining(['lead.created', 'agreement.proposed']));

    // Wrong admin tokens: 429 after ten, also for the right one.
    for (let i = 0; i < 10; i++) await t.app.request(`${a}/leads/counts`, { headers: { Authorization: 'Bearer wrong' } });
    await check.answer('get', `${a}/leads/counts`, await t.app.request(`${a}/leads/counts`, admin())); // 429
  });

  it('every operation of the document was called above', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(operations.filter((o) => !check.seen.has(o))).toEqual([]);
  });
});
