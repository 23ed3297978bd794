import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../server/clock';
import { silentLog } from '../../server/log';
import { devOutboxMailer } from '../../server/mail/dev-outbox-mailer';
import { jobHandlers } from '../../server/outbox/job-handlers';
import { BACKGROUND_LANE, createOutboxWorker } from '../../server/outbox/worker';
import { resolveWebhookKeys } from '../../server/webhooks/secrets';
import { webhookEndpointId } from '../../shared/webhook-endpoint-id';
import { exampleConfig, submissionBody } from '../support/fixtures';
import { testApp } from '../support/test-app';
import { startWebhookReceiver, type Answer } from '../support/webhook-receiver';

// Webhook endpoints are named by a stable id (their `id`, else one made from the url), not by their
// place in the config: two starts of the app on one SQLite file, the config's webhooks reordered
// (or an endpoint given a new url) in between; real receivers on loopback.

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const ADMIN = 'endpoint-ids-test-admin-token-5e2a9c7d1b3f4a60';

type Hook = { id?: string; url: string };
type EndpointView = { id: string; url: string; disabled: { reason: string } | null };
type DeliveryList = { endpoint: EndpointView; deliveries: { type: string; status: string; lastError: string | null }[] };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function receiver(answers: Answer[] = []) {
  const r = await startWebhookReceiver(SECRET, answers);
  cleanups.push(() => r.close());
  return r;
}

/** One start of the app and its outbox worker on the file, with these webhooks. */
function start(dbPath: string, clock: ReturnType<typeof manualClock>, hooks: Hook[]) {
  const config = exampleConfig((c) => (c.webhooks = hooks.map((h) => ({ ...h, events: ['*'], secretEnv: 'KOERS_TEST_WEBHOOK', allowPrivateTarget: true }))));
  const keys = resolveWebhookKeys(config, { KOERS_TEST_WEBHOOK: SECRET });
  if (!keys.ok) throw new Error(keys.problems.join('\n'));
  const t = testApp({ dbPath, config, clock, deps: { adminToken: ADMIN } });
  const worker = createOutboxWorker({ db: t.db, clock, log: silentLog, handlers: jobHandlers({ db: t.db, config, clock, mailer: devOutboxMailer(t.db, clock), webhookKeys: keys.keys }) });
  const due = () => (t.db.$client.prepare("select count(*) as n from outbox where status = 'pending' and run_at <= ?").get(clock.now()) as { n: number }).n;
  const stop = async () => {
    await worker.stop();
    t.db.$client.close();
  };
  cleanups.push(stop);
  const admin = async <T,>(path: string, method = 'GET') => {
    const res = await t.app.request(`/api/v1/admin${path}`, { method, headers: { Authorization: `Bearer ${ADMIN}` } });
    return { status: res.status, body: (await res.json()) as T };
  };
  return {
    t,
    admin,
    endpoints: async () => (await admin<EndpointView[]>('/webhooks')).body,
    deliveries: async (id: string) => (await admin<DeliveryList>(`/webhooks/${id}/deliveries`)).body.deliveries,
    submit: async (email: string) => {
      const res = await t.post(submissionBody({ process: { accepted: true }, contact: { email } }));
      expect(res.status).toBe(201);
    },
    deliverAll: async () => {
      for (let i = 0; i < 20 && due() > 0; i++) {
        await worker.runOnce();
        await worker.settled();
      }
    },
    stop: async () => {
      cleanups.splice(cleanups.indexOf(stop), 1);
      await stop();
    },
  };
}

const dbFile = () => join(mkdtempSync(join(tmpdir(), 'koers-hook-ids-')), 'koers.db');

describe('webhook endpoint ids', () => {
  it('deliveries and a 410-disabled state stay with their url when the config\'s webhooks are reordered and one is inserted', async () => {
    const [gone, crm, added] = [await receiver([410]), await receiver(), await receiver()];
    const dbPath = dbFile();
    const clock = manualClock();

    const first = start(dbPath, clock, [{ url: gone.url }, { url: crm.url }]);
    const before = await first.endpoints();
    expect(before.map((e) => e.id)).toEqual([webhookEndpointId({ url: gone.url }), webhookEndpointId({ url: crm.url })]);
    await first.submit('een@visser.example');
    await first.deliverAll();
    expect(gone.requests).toHaveLength(1);
    await first.stop();

    // The new endpoint first, the other two swapped.
    const second = start(dbPath, clock, [{ url: added.url }, { url: crm.url }, { url: gone.url }]);
    const after = await second.endpoints();
    const byUrl = (url: string) => after.find((e) => e.url === url)!;
    expect(byUrl(gone.url).id).toBe(before[0].id);
    expect(byUrl(crm.url).id).toBe(before[1].id);
    expect(byUrl(gone.url).disabled?.reason).toMatch(/410/);
    expect(byUrl(crm.url).disabled).toBeNull();
    expect(byUrl(added.url).disabled).toBeNull();

    expect(await second.deliveries(before[0].id)).toEqual([expect.objectContaining({ type: 'lead.created', status: 'failed', lastError: expect.stringContaining('HTTP 410') })]);
    const crmDelivered = (await second.deliveries(before[1].id)).filter((d) => d.type === 'lead.created');
    expect(crmDelivered).toEqual([expect.objectContaining({ status: 'delivered' })]);
    expect(await second.deliveries(byUrl(added.url).id)).toEqual([]);

    // New events: to the two enabled endpoints, none to the disabled one, wherever it sits now.
    await second.submit('twee@visser.example');
    await second.deliverAll();
    expect(gone.requests).toHaveLength(1);
    expect(crm.deliveries.filter((d) => d.body.type === 'lead.created')).toHaveLength(2);
    expect(added.deliveries.filter((d) => d.body.type === 'lead.created')).toHaveLength(1);

    // Enabling it goes by id too.
    expect((await second.admin<EndpointView>(`/webhooks/${before[0].id}/enable`, 'POST')).body).toMatchObject({ url: gone.url, wasDisabled: true });
    expect((await second.admin<{ message: string }>('/webhooks/0/deliveries')).status).toBe(404);
  });

  it('an explicit id keeps its deliveries across a new url; the new url is not disabled by the old one\'s 410', async () => {
    const [old, moved] = [await receiver([410]), await receiver()];
    const dbPath = dbFile();
    const clock = manualClock();

    const first = start(dbPath, clock, [{ id: 'crm', url: old.url }]);
    await first.submit('een@visser.example');
    await first.deliverAll(); // 410: disabled
    await first.submit('twee@visser.example'); // not queued: disabled
    expect((await first.endpoints())[0]).toMatchObject({ id: 'crm', disabled: { reason: expect.stringMatching(/410/) } });
    await first.stop();

    const second = start(dbPath, clock, [{ id: 'crm', url: moved.url }]);
    expect((await second.endpoints())[0]).toMatchObject({ id: 'crm', url: moved.url, disabled: null });
    await second.submit('drie@visser.example');
    await second.deliverAll();
    expect(moved.deliveries.map((d) => d.body.type)).toContain('lead.created');
    const list = await second.deliveries('crm');
    expect(list.filter((d) => d.type === 'lead.created').map((d) => d.status)).toEqual(['delivered', 'failed']); // newest first, the old url's 410 kept
  });

  it('rows stored before endpoints had ids (named by url) are still listed and a url-keyed disabled state still counts', async () => {
    const hook = await receiver();
    const dbPath = dbFile();
    const clock = manualClock();
    const app = start(dbPath, clock, [{ url: hook.url }]);
    const sqlite = app.t.db.$client;
    const legacy = { url: hook.url, id: 'msg_legacy', type: 'lead.erased', at: clock.now(), data: { leadId: 'gone-lead' } };
    sqlite
      .prepare(`insert into outbox (kind, lead_id, payload, run_at, created_at, to_prospect, status, attempts, last_error) values ('webhook', null, ?, ?, ?, ${BACKGROUND_LANE}, 'dead', 1, 'HTTP 410: gone')`)
      .run(JSON.stringify(legacy), clock.now(), clock.now());
    sqlite.prepare('insert into settings (key, value, updated_at) values (?, ?, ?)').run(`webhook-disabled:${hook.url}`, JSON.stringify({ at: clock.now(), reason: 'answered 410 Gone to msg_legacy' }), clock.now());

    const id = webhookEndpointId({ url: hook.url });
    expect((await app.endpoints())[0]).toMatchObject({ id, disabled: { reason: 'answered 410 Gone to msg_legacy' } });
    expect(await app.deliveries(id)).toEqual([expect.objectContaining({ webhookId: 'msg_legacy', type: 'lead.erased', status: 'failed' })]);
    await app.submit('een@visser.example');
    expect(await app.deliveries(id)).toHaveLength(1); // disabled: nothing queued

    expect((await app.admin(`/webhooks/${id}/enable`, 'POST')).body).toMatchObject({ wasDisabled: true, disabled: null });
    await app.submit('twee@visser.example');
    await app.deliverAll();
    expect(hook.deliveries.map((d) => d.body.type)).toContain('lead.created');
  });
});
