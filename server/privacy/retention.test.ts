import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devMail, leads, outbox } from '../db/schema';
import type { Log } from '../log';
import { silentLog } from '../log';
import { devOutboxMailer } from '../mail/dev-outbox-mailer';
import { jobHandlers } from '../outbox/job-handlers';
import { createOutboxWorker } from '../outbox/worker';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import { until } from '../../test/support/until';
import { retentionSweep, startRetention } from './retention';

const DAY = 24 * 60 * 60_000;

async function setup() {
  const path = join(mkdtempSync(join(tmpdir(), 'koers-retention-')), 'koers.db');
  const t = testApp({ dbPath: path });
  expect((await t.post(submissionBody({ contact: { name: 'Echte Klant', email: 'echt@visser.example' } }))).status).toBe(201);
  expect((await t.post(submissionBody({ contact: { name: 'Spam Bot', email: 'bot@spam.example', website: 'http://x' } }))).status).toBe(201);
  const mailer = devOutboxMailer(t.db, t.clock);
  const worker = createOutboxWorker({ db: t.db, clock: t.clock, log: silentLog, handlers: jobHandlers({ db: t.db, config: t.config, clock: t.clock, mailer }) });
  expect(await worker.runOnce()).toBe(2);
  return { ...t, path };
}

describe('retention', () => {
  it('clears a sent mail\'s payload and a done row\'s last_error at once, keeping the row', async () => {
    const t = await setup();
    t.db.$client.prepare(`update outbox set last_error = '550 <***@visser.example> later accepted' where id = 1`).run();
    t.db.$client.prepare(`insert into outbox (kind, payload, status, run_at, created_at) values ('mail', '{"to":"waiting"}', 'pending', 0, 0)`).run();

    expect(retentionSweep(t.db, t.clock.now())).toEqual({ payloadsCleared: 2, errorsCleared: 1, spamLeads: 0, devMails: 0 });
    const rows = t.db.select().from(outbox).orderBy(outbox.id).all();
    expect(rows.map((r) => [r.kind, r.status, r.payload, r.lastError])).toEqual([
      ['lead-mail', 'done', null, null],
      ['lead-mail', 'done', null, null],
      ['mail', 'pending', { to: 'waiting' }, null], // not sent yet: kept whole
    ]);
    expect(rows[0].doneAt).toBe(t.clock.now()); // the record that it went out
    expect(retentionSweep(t.db, t.clock.now())).toMatchObject({ payloadsCleared: 0, errorsCleared: 0 });
  });

  it('deletes development mails after 14 days and spam leads after 30 (defaults), never real leads', async () => {
    const t = await setup();
    expect(t.db.select().from(leads).all().map((l) => l.status).sort()).toEqual(['assigned', 'spam']);
    t.clock.advance(14 * DAY - 1);
    expect(retentionSweep(t.db, t.clock.now())).toMatchObject({ devMails: 0, spamLeads: 0 });
    t.clock.advance(1);
    expect(retentionSweep(t.db, t.clock.now())).toMatchObject({ devMails: 2, spamLeads: 0 });
    expect(t.db.select().from(devMail).all()).toEqual([]);
    t.clock.advance(16 * DAY);
    expect(retentionSweep(t.db, t.clock.now())).toMatchObject({ spamLeads: 1 });
    expect(t.db.select().from(leads).all().map((l) => l.contactName)).toEqual(['Echte Klant']);

    t.db.$client.close();
    const bytes = readFileSync(t.path).toString('latin1');
    expect(bytes).not.toContain('bot@spam.example'); // secure_delete: overwritten, not just unlinked
    expect(bytes).toContain('echt@visser.example');
  });

  it('takes its periods from the policy (RETENTION_SPAM_DAYS, RETENTION_DEV_MAIL_DAYS)', async () => {
    const t = await setup();
    t.clock.advance(2 * DAY);
    expect(retentionSweep(t.db, t.clock.now(), { spamDays: 3, devMailDays: 1 })).toMatchObject({ devMails: 2, spamLeads: 0 });
    t.clock.advance(DAY);
    expect(retentionSweep(t.db, t.clock.now(), { spamDays: 3, devMailDays: 1 })).toMatchObject({ spamLeads: 1 });
  });

  it('sweeps at start and then periodically, and logs what it removed', async () => {
    const t = await setup();
    const lines: string[] = [];
    const log: Log = { ...silentLog, info: (m, d) => void lines.push(`${m} ${JSON.stringify(d)}`) };
    const retention = startRetention({ db: t.db, clock: t.clock, log, policy: { spamDays: 1, devMailDays: 1 }, everyMs: 10 });
    try {
      // Not in the start path: the first sweep runs just after it, step by step.
      expect(lines).toEqual([]);
      await until(() => lines.length === 1);
      expect(lines).toEqual(['retention sweep {"payloadsCleared":2,"errorsCleared":0,"spamLeads":0,"devMails":0}']);
      t.clock.advance(DAY);
      await until(() => lines.length === 2);
      expect(lines[1]).toBe('retention sweep {"payloadsCleared":0,"errorsCleared":0,"spamLeads":1,"devMails":2}');
    } finally {
      retention.stop();
    }
  });
});

describe('retention on a large database', () => {
  it('sweeps in short steps, letting other work run between them', async () => {
    const t = await setup();
    // 10,000 sent mails from before retention existed: their payloads still hold the content.
    const insert = t.db.$client.prepare(`insert into outbox (kind, payload, status, run_at, created_at, done_at) values ('mail', '{"to":"x@y.example"}', 'done', 0, 0, 0)`);
    t.db.$client.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run();
    })();
    const retention = startRetention({ db: t.db, clock: t.clock, log: silentLog });
    // Count the turns of the event loop that other work got while the sweep ran.
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      await retention.sweep();
    } finally {
      clearInterval(ticking);
      retention.stop();
    }
    expect(t.db.$client.prepare(`select count(*) as n from outbox where payload != 'null'`).get()).toEqual({ n: 0 });
    expect(turns).toBeGreaterThan(1);
  });
});
