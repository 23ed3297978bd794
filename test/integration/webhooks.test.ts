import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { VendorConfig } from '../../shared/config';
import { performRepAnswer } from '../../server/agreement/rep-answer';
import { latestTurn } from '../../server/agreement/turns';
import { assignByHand } from '../../server/cockpit/assign';
import { erasePerson } from '../../server/cockpit/data-writes';
import type { Log } from '../../server/log';
import { performLeadAction } from '../../server/leads/rep-action';
import { smtpMailer } from '../../server/mail/smtp-mailer';
import { jobHandlers } from '../../server/outbox/job-handlers';
import { createOutboxWorker } from '../../server/outbox/worker';
import { updateAnswers } from '../../server/prospect/update-answers';
import { repActionLinks } from '../../server/security/action-links';
import { resolveWebhookKeys } from '../../server/webhooks/secrets';
import { webhookEndpointId } from '../../shared/webhook-endpoint-id';
import { exampleConfig, submissionBody } from '../support/fixtures';
import { startSmtpSink } from '../support/smtp-sink';
import { testApp } from '../support/test-app';
import { startWebhookReceiver, type Answer } from '../support/webhook-receiver';

// Signed webhooks end to end: the real app and outbox worker on SQLite, a real HTTP receiver on
// loopback that checks each signature with its own HMAC code, a real SMTP sink for the mails.

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const ADMIN = 'webhook-test-admin-token-3c1f8a9e7b2d4f60a1c5';
const HOUR = 60 * 60_000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function recordingLog() {
  const lines: string[] = [];
  const log: Log = { info: (m) => void lines.push(`info ${m}`), warn: (m) => void lines.push(`warn ${m}`), error: (m) => void lines.push(`error ${m}`) };
  return { log, lines };
}

async function setup(opts: { answers?: Answer[]; hook?: (url: string) => Record<string, unknown> } = {}) {
  const receiver = await startWebhookReceiver(SECRET, opts.answers ?? []);
  const sink = await startSmtpSink();
  const hook = opts.hook?.(receiver.url) ?? { url: receiver.url, events: ['*'], secretEnv: 'KOERS_TEST_WEBHOOK', allowPrivateTarget: true };
  const config: VendorConfig = exampleConfig((c) => {
    c.webhooks = [hook];
    c.routing.acceptWithinMinutes = { 'sales-ready': 60, qualifying: 60, 'information-gathering': 60 };
  });
  const keys = resolveWebhookKeys(config, { KOERS_TEST_WEBHOOK: SECRET });
  if (!keys.ok) throw new Error(keys.problems.join('\n'));
  const t = testApp({ config, deps: { adminToken: ADMIN } });
  const { log, lines } = recordingLog();
  const mailer = smtpMailer(sink.url);
  const repActions = repActionLinks(t.deps);
  const handlers = jobHandlers({ db: t.db, config, clock: t.clock, log, mailer, repActions, webhookKeys: keys.keys });
  const worker = createOutboxWorker({ db: t.db, clock: t.clock, log, handlers, backoff: { baseMs: 100, capMs: 400 } });
  cleanups.push(async () => {
    await worker.stop();
    mailer.close?.();
    await receiver.close();
    await sink.close();
  });
  const due = () => (t.db.$client.prepare("select count(*) as n from outbox where status = 'pending' and run_at <= ?").get(t.clock.now()) as { n: number }).n;
  /** Runs the worker until nothing is due, webhooks included. */
  const deliverAll = async () => {
    for (let i = 0; i < 50 && due() > 0; i++) {
      await worker.runOnce();
      await worker.settled();
    }
  };
  const admin = (path: string, init: RequestInit = {}) => t.app.request(`/api/v1/admin${path}`, { ...init, headers: { Authorization: `Bearer ${ADMIN}` } });
  const submit = async (over: Parameters<typeof submissionBody>[0] = {}) => {
    const res = await t.post(submissionBody(over));
    expect(res.status).toBe(201);
    return ((await res.json()) as { leadId: string }).leadId;
  };
  const lead = (id: string) => t.db.$client.prepare('select rep_id as repId, status from leads where id = ?').get(id) as { repId: string | null; status: string };
  const hookId = webhookEndpointId(config.webhooks[0]);
  return { t, config, hookId, receiver, sink, worker, lines, deliverAll, admin, submit, lead, due };
}

describe('webhooks', () => {
  it('delivers every event of a lead\'s life in order, each signed (Standard Webhooks) and with its data', async () => {
    const s = await setup();
    const { t } = s;
    const leadId = await s.submit({ process: { accepted: false, deviation: 'We need a pilot first.' } });
    await s.deliverAll();

    // The first rep passes it on; the second lets the response time pass.
    const first = s.lead(leadId).repId!;
    performLeadAction({ ...t.deps, config: s.config }, { leadId, repId: first, action: 'pass', reason: 'Not my region', via: 'cockpit' });
    await s.deliverAll();
    t.clock.advance(2 * HOUR);
    await s.deliverAll();
    // The prospect changes an answer on their page; a manager assigns it by hand.
    updateAnswers({ ...t.deps, config: s.config }, { leadId, epoch: 0, requestKey: 'k1', answers: { stage: 'deciding' } });
    await s.deliverAll();
    const handRep = s.config.reps.find((r) => r.id !== s.lead(leadId).repId && r.active !== false)!;
    expect(assignByHand({ ...t.deps, config: s.config }, { leadId, repId: handRep.id, reason: 'Knows the customer', by: 'mila@zeilmaker.example' })).toMatchObject({ done: true });
    await s.deliverAll();
    // That rep agrees to the proposal (which accepts the lead), then finds it is not a fit.
    const turn = latestTurn(t.db, leadId)!;
    const claim = { action: 'answer' as const, leadId, repId: handRep.id, issuedAt: t.clock.now(), expiresAt: t.clock.now() + HOUR };
    expect(performRepAnswer({ ...t.deps, config: s.config }, claim, { choice: 'agree', turn: String(turn.id), steps: {}, instead: {}, added: [], note: '', explanation: '' })).toMatchObject({ done: true });
    await s.deliverAll();
    performLeadAction({ ...t.deps, config: s.config }, { leadId, repId: handRep.id, action: 'not-a-fit', reason: 'No budget after all', via: 'cockpit' });
    await s.deliverAll();
    // The person asks to be forgotten.
    erasePerson({ ...t.deps, config: s.config }, { actor: 'mila@zeilmaker.example', email: 'sanne@visser-logistiek.example' });
    await s.deliverAll();

    const got = s.receiver.deliveries;
    expect(got.map((d) => d.body.type)).toEqual([
      'lead.created',
      'agreement.proposed',
      'lead.passed_on',
      'lead.assigned',
      'lead.reassigned',
      'lead.assigned',
      'lead.updated',
      'lead.assigned',
      'agreement.answered',
      'lead.accepted',
      'lead.not_a_fit',
      'lead.erased',
    ]);
    expect(got.every((d) => d.signatureOk)).toBe(true);
    expect(new Set(got.map((d) => d.id)).size).toBe(got.length);
    for (const d of got) {
      expect(d.id).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(String(d.timestamp)).toMatch(/^\d{10}$/); // the attempt's time in seconds; the body's timestamp is the event's
      expect(Date.parse(d.body.timestamp)).toBeLessThanOrEqual(d.timestamp * 1000 + 999);
      expect(d.headers['content-type']).toBe('application/json');
      expect(Object.keys(d.body)).toEqual(['type', 'timestamp', 'data']);
    }
    const created = got[0].body.data;
    expect(created.lead).toMatchObject({ id: leadId, contact: { email: 'sanne@visser-logistiek.example' }, answers: { stage: 'comparing' } });
    expect(created.score).toEqual(created.explanation.reduce((sum: number, l: { points: number }) => sum + l.points, 0));
    expect(created.tier).toMatch(/sales-ready|qualifying|information-gathering/);
    expect(created.route).toMatchObject({ rep: { id: first }, reason: expect.any(String), why: expect.objectContaining({ type: expect.any(String) }) });
    expect(got[2].body.data).toMatchObject({ leadId, rep: { id: first }, reason: 'Not my region' });
    expect(got[4].body.data).toMatchObject({ leadId, cause: 'missed-response-time' });
    expect(got[6].body.data).toMatchObject({ leadId, changes: [{ field: 'stage', old: 'comparing', new: 'deciding' }] });
    expect(got[7].body.data).toMatchObject({ rep: { id: handRep.id }, by: 'Mila Kok', reason: 'Knows the customer' });
    expect(got[8].body.data).toMatchObject({ by: 'rep', kind: 'agree' });
    expect(got[9].body.data).toMatchObject({ rep: { id: handRep.id }, via: 'agreement' });
    expect(got[11].body.data).toEqual({ leadId });
    // The lead's mails went out as always.
    expect(s.sink.messages.length).toBeGreaterThanOrEqual(2);
  });

  it('retries after two 500s with the same webhook-id, and the admin API shows the delivery and can redeliver it', async () => {
    const s = await setup({ answers: [500, 500] });
    const created = () => s.receiver.requests.filter((r) => r.body.type === 'lead.created');
    const createdRows = async () => ((await (await s.admin(`/webhooks/${s.hookId}/deliveries`)).json()) as typeof list).deliveries.filter((d) => d.type === 'lead.created');
    await s.submit({ process: { accepted: true } });
    await s.deliverAll();
    expect(s.receiver.requests).toHaveLength(1);
    let list = (await (await s.admin(`/webhooks/${s.hookId}/deliveries`)).json()) as { deliveries: { id: number; type: string; status: string; attempts: number; lastError: string }[] };
    expect(list.deliveries[0]).toMatchObject({ status: 'retrying', attempts: 1, lastError: 'HTTP 500: no (500)' });
    for (let i = 0; i < 2; i++) {
      s.t.clock.advance(5 * HOUR); // past any backoff
      await s.deliverAll();
    }
    // (the hours passed also moved the lead on for its missed response time: other events)
    const [a, b, c] = created();
    expect(created()).toHaveLength(3);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect([a, b, c].every((r) => r.signatureOk)).toBe(true);
    expect(s.receiver.deliveries.filter((d) => d.body.type === 'lead.created')).toHaveLength(1);
    const [row] = await createdRows();
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });

    const again = await s.admin(`/webhooks/deliveries/${row.id}/redeliver`, { method: 'POST' });
    expect(again.status).toBe(202);
    await s.deliverAll();
    expect(s.receiver.deliveries.filter((d) => d.body.type === 'lead.created').map((d) => d.id)).toEqual([a.id, a.id]);
    expect((await s.admin('/webhooks/deliveries/999999/redeliver', { method: 'POST' })).status).toBe(404);
  });

  it('a 410 disables the endpoint: said in the log, kept in the database, no more events until enabled again', async () => {
    const s = await setup({ answers: [410] });
    await s.submit({ process: { accepted: true } });
    await s.deliverAll();
    expect(s.lines.some((l) => l.startsWith('warn webhook endpoint') && l.includes('410 Gone: disabled'))).toBe(true);
    const endpoints = (await (await s.admin('/webhooks')).json()) as { disabled: { reason: string } | null }[];
    expect(endpoints[0].disabled?.reason).toMatch(/410/);
    const list = (await (await s.admin(`/webhooks/${s.hookId}/deliveries`)).json()) as { deliveries: { status: string; lastError: string }[] };
    expect(list.deliveries[0]).toMatchObject({ status: 'failed', lastError: expect.stringContaining('HTTP 410') });

    await s.submit({ process: { accepted: true }, contact: { email: 'piet@other.example' } });
    expect((await (await s.admin(`/webhooks/${s.hookId}/deliveries`)).json()).deliveries).toHaveLength(1); // nothing queued
    await s.deliverAll();
    expect(s.receiver.requests).toHaveLength(1);

    expect((await s.admin(`/webhooks/${s.hookId}/enable`, { method: 'POST' })).status).toBe(200);
    await s.submit({ process: { accepted: true }, contact: { email: 'kees@third.example' } });
    await s.deliverAll();
    expect(s.receiver.deliveries.map((d) => d.body.type)).toEqual(['lead.created']);
  });

  it('refuses a target on a loopback address without allowPrivateTarget, by address and by name', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const s = await setup({ hook: (url) => ({ url: url.replace('127.0.0.1', host), events: ['lead.created'], secretEnv: 'KOERS_TEST_WEBHOOK' }) });
      await s.submit({ process: { accepted: true } });
      await s.deliverAll();
      expect(s.receiver.requests).toHaveLength(0);
      const list = (await (await s.admin(`/webhooks/${s.hookId}/deliveries`)).json()) as { deliveries: { status: string; lastError: string }[] };
      expect(list.deliveries[0].status).toBe('failed');
      expect(list.deliveries[0].lastError).toMatch(/^refused: .* resolves to (127\.0\.0\.1|::1), a loopback, private or link-local address/);
    }
  });

  it('an endpoint that never answers does not hold up a lead\'s mails', async () => {
    const s = await setup({ answers: ['hang'] });
    await s.submit({ process: { accepted: true } });
    // One pass of the worker sends both mails while the webhook's request is still unanswered.
    await s.worker.runOnce();
    await s.sink.waitFor(2);
    expect(s.receiver.requests).toHaveLength(1);
    expect(s.receiver.deliveries).toHaveLength(0);
    const list = (await (await s.admin(`/webhooks/${s.hookId}/deliveries`)).json()) as { deliveries: { status: string }[] };
    expect(list.deliveries[0].status).toBe('retrying'); // claimed, in flight
  });
});
