import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { openDatabase } from '../db/open';
import { outbox } from '../db/schema';
import { silentLog } from '../log';
import { enqueueJob } from './enqueue';
import { createOutboxWorker } from './worker';

function setup(handler: (payload: unknown) => Promise<void>, maxAttempts = 3, busy?: () => boolean) {
  const db = openDatabase(':memory:');
  const clock = manualClock();
  const worker = createOutboxWorker({
    db,
    clock,
    log: silentLog,
    maxAttempts,
    batchSize: 2,
    backoff: { baseMs: 1000, capMs: 4000 },
    random: () => 0.5,
    handlers: { test: handler },
    busy,
    busyEveryMs: 60_000,
  });
  return { db, clock, worker, add: (n: number) => enqueueJob(db, 'test', { n }, { now: clock.now() }) };
}

describe('outbox worker', () => {
  it('while the thread is busy storing leads, runs one batch per interval; otherwise drains', async () => {
    let busy = true;
    const sent: unknown[] = [];
    const { worker, add } = setup(async (payload) => void sent.push(payload), 3, () => busy);
    for (let n = 0; n < 7; n++) add(n);
    expect(await worker.runOnce()).toBe(2); // one batch of batchSize 2, then it yields
    expect(await worker.runOnce()).toBe(0); // within busyEveryMs of that batch
    busy = false;
    expect(await worker.runOnce()).toBe(5);
    expect(sent).toHaveLength(7);
  });

  it('retries with growing delays, then keeps the row as dead', async () => {
    const { db, clock, worker, add } = setup(async () => {
      throw new Error('451 try later');
    });
    add(1);
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      expect(await worker.runOnce()).toBe(1);
      const row = db.select().from(outbox).get()!;
      delays.push(row.runAt - clock.now());
      expect(await worker.runOnce()).toBe(0); // not due yet
      clock.set(row.runAt);
    }
    expect(delays.slice(0, 2)).toEqual([750, 1500]); // equal jitter: half fixed, half random (0.5)
    const row = db.select().from(outbox).get()!;
    expect(row).toMatchObject({ status: 'dead', attempts: 3, lastError: '451 try later' });
    expect(await worker.runOnce()).toBe(0);
  });

  it('marks done what succeeded and leaves the database at synchronous=FULL', async () => {
    const seen: unknown[] = [];
    const { db, worker, add } = setup(async (p) => void seen.push(p));
    for (let n = 0; n < 5; n++) add(n);
    expect(await worker.runOnce()).toBe(5);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
    expect(db.select().from(outbox).where(eq(outbox.status, 'done')).all()).toHaveLength(5);
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2); // FULL
  });

  it('makes a row whose payload is not JSON dead without stopping the rest of the batch', async () => {
    const seen: unknown[] = [];
    const { db, worker, add, clock } = setup(async (p) => void seen.push(p));
    add(1);
    db.$client.prepare(`insert into outbox (kind, payload, run_at, created_at) values ('test', '{"n":"[erased]"[erased]}', ?, ?)`).run(clock.now(), clock.now());
    add(3);
    add(4);
    expect(await worker.runOnce()).toBe(3);
    expect(seen).toEqual([{ n: 1 }, { n: 3 }, { n: 4 }]);
    const rows = db.select({ status: outbox.status, lastError: outbox.lastError }).from(outbox).orderBy(outbox.id).all();
    expect(rows.map((r) => r.status)).toEqual(['done', 'dead', 'done', 'done']);
    expect(rows[1].lastError).toMatch(/^payload is not valid JSON/);
    add(5);
    expect(await worker.runOnce()).toBe(1); // later passes run too
  });

  it('claims rep mails, hand-overs to reps and deadline checks before mails to prospect addresses', async () => {
    const db = openDatabase(':memory:');
    const clock = manualClock();
    const ran: string[] = [];
    const record = (kind: string) => async (payload: unknown) => void ran.push(`${kind}:${(payload as { name: string }).name}`);
    const worker = createOutboxWorker({
      db,
      clock,
      log: silentLog,
      batchSize: 3,
      handlers: { 'lead-mail': record('lead-mail'), mail: record('mail'), 'sla-check': record('sla-check') },
    });
    // As queueLeadMails and enqueueMail mark them: a lead's prospect mail, a prospect-* mail.
    const add = (kind: string, payload: { name: string; mail?: string; purpose?: string }) => {
      const toProspect = payload.mail === 'prospect' || !!payload.purpose?.startsWith('prospect-');
      enqueueJob(db, kind, payload, { now: clock.now(), toProspect });
      clock.advance(1);
    };
    for (let n = 1; n <= 4; n++) add('lead-mail', { name: `prospect${n}`, mail: 'prospect' }); // a flood, queued first
    add('mail', { name: 'handover-prospect', purpose: 'prospect-contact-changed' });
    add('lead-mail', { name: 'rep', mail: 'rep' });
    add('mail', { name: 'handover-rep', purpose: 'rep-lead-moved' });
    add('sla-check', { name: 'deadline' });
    expect(await worker.runOnce()).toBe(8);
    expect(ran.slice(0, 3)).toEqual(['lead-mail:rep', 'mail:handover-rep', 'sla-check:deadline']);
    expect(ran.slice(3)).toEqual(['lead-mail:prospect1', 'lead-mail:prospect2', 'lead-mail:prospect3', 'lead-mail:prospect4', 'mail:handover-prospect']);
  });

  it('keeps email addresses out of last_error and the log', async () => {
    const lines: string[] = [];
    const log = { info: () => {}, warn: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`), error: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`) };
    const db = openDatabase(':memory:');
    const clock = manualClock();
    const worker = createOutboxWorker({
      db,
      clock,
      log,
      maxAttempts: 2,
      backoff: { baseMs: 1000, capMs: 1000 },
      handlers: {
        test: async () => {
          throw new Error('550 5.1.1 <sanne.visser@visser-logistiek.example>: Recipient address rejected');
        },
      },
    });
    enqueueJob(db, 'test', {}, { now: clock.now() });
    await worker.runOnce();
    clock.advance(1000);
    await worker.runOnce();
    const row = db.select().from(outbox).get()!;
    expect(row).toMatchObject({ status: 'dead', lastError: '550 5.1.1 <***@visser-logistiek.example>: Recipient address rejected' });
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('sanne');
  });

  it('takes a crashed worker\'s claim again once its lease ran out', async () => {
    const { db, clock, worker, add } = setup(async () => {});
    add(1);
    db.update(outbox).set({ lockedUntil: clock.now() + 30_000, attempts: 1 }).run(); // claimed, then killed
    expect(await worker.runOnce()).toBe(0);
    clock.advance(30_000);
    expect(await worker.runOnce()).toBe(1);
  });

  it('stops after the batch in hand instead of draining the backlog', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { db, worker, add } = setup(() => gate);
    for (let n = 0; n < 6; n++) add(n);
    worker.start();
    await new Promise((r) => setTimeout(r, 20));
    const stopping = worker.stop();
    release();
    await stopping;
    expect(db.select().from(outbox).where(eq(outbox.status, 'done')).all()).toHaveLength(2);
  });
});
