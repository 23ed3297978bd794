import { describe, expect, it } from 'vitest';
import { outbox } from '../db/schema';
import { silentLog } from '../log';
import type { Mailer } from '../mail/message';
import { jobHandlers } from '../outbox/job-handlers';
import { createOutboxWorker } from '../outbox/worker';
import { exampleConfig, submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';

// /healthz counts waiting mail apart from scheduled response-deadline checks, and says
// "degraded" when mail is stuck or rows are dead.

const MINUTE = 60_000;

function setup() {
  const t = testApp({ config: exampleConfig((c) => (c.routing.acceptWithinMinutes = { 'sales-ready': 60 })) });
  let smtpDown = false;
  const sent: unknown[] = [];
  const mailer: Mailer = {
    async send(m) {
      if (smtpDown) throw new Error('421 service not available');
      sent.push(m);
    },
  };
  const worker = createOutboxWorker({
    db: t.db,
    clock: t.clock,
    log: silentLog,
    maxAttempts: 3,
    backoff: { baseMs: MINUTE, capMs: MINUTE },
    handlers: jobHandlers({ db: t.db, config: t.config, clock: t.clock, mailer }),
  });
  const health = async (path = '/healthz') => {
    const res = await t.app.request(path);
    return { code: res.status, body: (await res.json()) as any };
  };
  return { ...t, worker, sent, health, setSmtpDown: (down: boolean) => void (smtpDown = down) };
}

describe('GET /healthz', () => {
  it('counts mails waiting apart from response-deadline checks: delivered mail is not "stuck"', async () => {
    const t = setup();
    expect((await t.post(submissionBody())).status).toBe(201);
    const checks = t.db.$client.prepare(`select count(*) as n from outbox where kind not in ('mail', 'lead-mail')`).get() as { n: number };
    expect(checks.n).toBeGreaterThan(0); // the response deadline (and its reminder)
    expect((await t.health()).body.outbox).toMatchObject({ mail: { waiting: 2, retrying: 0, oldestWaitingSeconds: 0 }, checks: { scheduled: checks.n }, dead: 0 });

    expect(await t.worker.runOnce()).toBe(2);
    t.clock.advance(20 * MINUTE); // the deadline check waits for its time (60 min): normal
    const { code, body } = await t.health();
    expect(code).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      outbox: { mail: { waiting: 0, retrying: 0, oldestWaitingSeconds: null }, checks: { scheduled: checks.n, overdue: 0 }, dead: 0, problems: [] },
    });
  });

  it('reports worker failures and the oldest waiting mail, and is degraded once mail waits over 15 minutes (503 with ?strict)', async () => {
    const t = setup();
    t.setSmtpDown(true);
    await t.post(submissionBody());
    expect(await t.worker.runOnce()).toBe(2); // both fail, retried in a minute
    t.clock.advance(10 * MINUTE);
    let h = await t.health();
    expect(h.body).toMatchObject({ status: 'ok', outbox: { mail: { waiting: 2, retrying: 2, oldestWaitingSeconds: 600 } } });

    t.clock.advance(6 * MINUTE);
    h = await t.health();
    expect(h.code).toBe(200); // leads are still taken: a load balancer keeps the server
    expect(h.body.status).toBe('degraded');
    expect(h.body.outbox.mail.oldestWaitingSeconds).toBe(960);
    expect(h.body.outbox.problems).toEqual(['mail stuck: the oldest waiting mail was queued 16 minutes ago (more than 15)']);
    expect((await t.health('/healthz?strict')).code).toBe(503);

    t.setSmtpDown(false);
    await t.worker.runOnce();
    h = await t.health('/healthz?strict');
    expect(h.code).toBe(200);
    expect(h.body.status).toBe('ok');
  });

  it('is degraded while dead rows wait for a human, and when a deadline check is overdue', async () => {
    const t = setup();
    t.setSmtpDown(true);
    await t.post(submissionBody());
    for (let i = 0; i < 3; i++) {
      await t.worker.runOnce();
      t.clock.advance(MINUTE);
    }
    t.setSmtpDown(false);
    const h = await t.health();
    expect(h.body).toMatchObject({ status: 'degraded', outbox: { mail: { waiting: 0 }, dead: 2 } });
    expect(h.body.outbox.problems).toContain('2 dead outbox row(s): out of attempts, waiting for a human');

    t.db.delete(outbox).run();
    await t.post(submissionBody({ submissionId: crypto.randomUUID() }));
    await t.worker.runOnce();
    t.clock.advance(76 * MINUTE); // the 60-minute check did not run (no worker) for 16 minutes
    const late = await t.health();
    expect(late.body).toMatchObject({ status: 'degraded', outbox: { mail: { waiting: 0 } } });
    expect(late.body.outbox.checks.overdue).toBeGreaterThanOrEqual(1); // the deadline (a reminder before it is overdue too)
    expect(late.body.outbox.problems).toContainEqual(expect.stringMatching(/scheduled check\(s\) more than 15 minutes overdue/));
  });

  it('counts webhook deliveries apart: a receiver that fails for good never makes the server degraded', async () => {
    const t = setup();
    const now = t.clock.now();
    const row = (status: string, lastError: string | null, runAt = now) =>
      ({ kind: 'webhook', payload: {}, status, attempts: status === 'dead' ? 16 : 1, runAt, createdAt: now, lastError, toProspect: 2 }) as never;
    t.db.insert(outbox).values([row('dead', 'HTTP 500'), row('pending', 'HTTP 503', now + 60 * MINUTE), row('pending', null, now - 30 * MINUTE)]).run();
    const h = await t.health('/healthz?strict');
    expect(h.code).toBe(200);
    expect(h.body).toMatchObject({ status: 'ok', outbox: { webhooks: { waiting: 2, retrying: 1, failed: 1 }, dead: 0, checks: { overdue: 0 }, problems: [] } });
  });
});
