import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../db/open';
import { agreementTurns, devMail, leadEvents, leads, outbox } from '../db/schema';
import { silentLog } from '../log';
import { devOutboxMailer } from '../mail/dev-outbox-mailer';
import type { MailMessage } from '../mail/message';
import { enqueueMail } from '../outbox/enqueue';
import { jobHandlers } from '../outbox/job-handlers';
import { createOutboxWorker } from '../outbox/worker';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import { CheckpointError } from './checkpoint';
import { eraseEmail } from './erase';

const dbFile = () => join(mkdtempSync(join(tmpdir(), 'koers-erase-')), 'koers.db');

async function lead(t: ReturnType<typeof testApp>, name: string, email: string) {
  const res = await t.post(submissionBody({ contact: { name, email } }));
  expect(res.status).toBe(201);
  return (await res.json()).leadId as string;
}

/** The worker main.ts runs, with the development outbox as its mailer. */
function devWorker(t: ReturnType<typeof testApp>) {
  const mailer = devOutboxMailer(t.db, t.clock);
  return createOutboxWorker({ db: t.db, clock: t.clock, log: silentLog, handlers: jobHandlers({ db: t.db, config: t.config, clock: t.clock, mailer }) });
}

const mailTo = (address: string, lines: string[]): MailMessage => ({
  purpose: 'prospect-contact-changed',
  from: 'Zeilmaker <sales@zeilmaker.example>',
  to: [{ address }],
  subject: 'Uw contactpersoon',
  title: 'Uw contactpersoon',
  blocks: [{ lines }],
});

describe('erase one email address', () => {
  it('removes the person from leads, history and outbox, and the bytes from the file', async () => {
    const path = dbFile();
    const t = testApp({ dbPath: path });
    await lead(t, 'Wilma Wipe', 'Wipe.Me@visser.example');
    await lead(t, 'Karel Keep', 'keep@other.example');
    expect(t.db.select().from(outbox).all()).toHaveLength(4);

    expect(eraseEmail(t.db, 'wipe.me@visser.example')).toEqual({ leads: 1, outbox: 2, outboxEdited: 0, devMail: 0, webhookEvents: 0 });
    expect(t.db.select().from(leads).all().map((l) => l.contactName)).toEqual(['Karel Keep']);
    expect(t.db.select().from(outbox).all()).toHaveLength(2);
    expect(t.db.select().from(leadEvents).all().map((e) => e.type)).toEqual(['assigned', 'agreement']); // Karel's
    expect(t.db.select().from(agreementTurns).all()).toHaveLength(1); // Wilma's proposal went with her lead
    t.db.$client.close();
    const bytes = readFileSync(path).toString('latin1');
    expect(bytes).not.toContain('Wilma Wipe');
    expect(bytes).not.toContain('Wipe.Me@visser.example');
    expect(bytes).toContain('Karel Keep');
  });

  it('erases a person named `"` without breaking other mails\' JSON: the worker sends them all', async () => {
    const t = testApp({ dbPath: dbFile() });
    const quote = await lead(t, '"', 'quote@visser-logistiek.example');
    const other = await lead(t, 'Sanne Visser', 'sanne@visser-logistiek.example'); // an existing account: her rep mail names the earlier lead
    const rep = t.db.select().from(outbox).where(eq(outbox.leadId, other)).all().find((r) => (r.payload as { mail: string }).mail === 'rep')!;
    expect(rep.payload).toMatchObject({ earlierLeadId: quote });

    expect(eraseEmail(t.db, 'quote@visser-logistiek.example')).toMatchObject({ leads: 1, outbox: 2, outboxEdited: 2 }); // her rep and prospect mail's routing reason
    for (const row of t.db.$client.prepare('select payload from outbox').all() as { payload: string }[]) expect(() => JSON.parse(row.payload)).not.toThrow();
    const edited = t.db.select().from(outbox).where(eq(outbox.id, rep.id)).get()!;
    expect(edited.payload).not.toHaveProperty('earlierLeadId'); // composed without the "existing account" line
    expect(JSON.stringify(edited.payload)).not.toContain(quote);

    expect(await devWorker(t).runOnce()).toBe(2);
    expect(t.db.select().from(outbox).all().map((r) => r.status)).toEqual(['done', 'done']);
    expect(t.db.select().from(devMail).all().map((m) => m.text).join('\n')).not.toContain(quote);
  });

  it('matches the address exactly: erasing jan@acme.example leaves marijan@acme.example\'s lead and mails', async () => {
    const t = testApp({ dbPath: dbFile() });
    const jan = await lead(t, 'Jan Smit', 'jan@acme.example');
    const marijan = await lead(t, 'Marijan Kos', 'marijan@acme.example');
    enqueueMail(t.db, mailTo('marijan@acme.example', ['Bram Jansen helpt u nu verder.']), { leadId: marijan, now: t.clock.now() });
    expect(await devWorker(t).runOnce()).toBe(5);
    enqueueMail(t.db, mailTo('Marijan@Acme.example', ['Nog een bericht.']), { leadId: marijan, now: t.clock.now() });

    // Gone: Jan's lead and his two mails. Marijan's rep mail (same company) names neither him nor his lead.
    expect(eraseEmail(t.db, 'JAN@acme.example')).toMatchObject({ leads: 1, outbox: 2, devMail: 2 });
    expect(t.db.select().from(leads).all().map((l) => l.id)).toEqual([marijan]);
    expect(t.db.select().from(outbox).all().map((r) => r.leadId)).toEqual([marijan, marijan, marijan, marijan]);
    expect(t.db.select().from(devMail).all().map((m) => [m.to, m.subject.slice(0, 10)])).toEqual([
      ['anna@zeilmaker.example', expect.any(String)], // her rep mail, without Jan in it:
      ['marijan@acme.example', expect.any(String)], // her confirmation
      ['marijan@acme.example', 'Uw contact'], // the hand-over mail
    ]);
    expect(JSON.stringify(t.db.select().from(outbox).all())).not.toContain(jan);
    expect(t.db.select().from(devMail).all().map((m) => m.raw).join('\n')).not.toMatch(/Jan Smit|(?<![a-z])jan@acme/i);
  });

  it('takes the person out of another lead\'s queued mail that names them, and out of the file', async () => {
    const path = dbFile();
    const t = testApp({ dbPath: path });
    await lead(t, 'Wilma Wipe', 'wilma@visser.example');
    const other = await lead(t, 'Karel Keep', 'karel@other.example');
    enqueueMail(t.db, mailTo('karel@other.example', ['Wilma Wipe (wilma@visser.example) sprak eerder met ons; Wilma Wipeman niet.']), {
      leadId: other,
      now: t.clock.now(),
    });
    expect(eraseEmail(t.db, 'wilma@visser.example')).toMatchObject({ leads: 1, outbox: 2, outboxEdited: 1 });
    const mail = t.db.select().from(outbox).all().find((r) => r.kind === 'mail')!;
    expect((mail.payload as MailMessage).blocks[0].lines).toEqual(['[erased] ([erased]) sprak eerder met ons; Wilma Wipeman niet.']);
    expect(await devWorker(t).runOnce()).toBe(3);
    t.db.$client.close();
    const bytes = readFileSync(path).toString('latin1');
    expect(bytes).not.toContain('Wilma Wipe ');
    expect(bytes).not.toContain('wilma@visser.example');
  });

  it('fails loudly while another connection reads (the WAL cannot be checkpointed), and succeeds once it is gone', async () => {
    const path = dbFile();
    const t = testApp({ dbPath: path });
    await lead(t, 'Wilma Wipe', 'wilma@visser.example');
    const reader = new Database(path);
    onTestFinished(() => {
      reader.close();
    });
    reader.prepare('begin').run();
    reader.prepare('select count(*) from leads').get(); // holds a read snapshot from before the erase

    expect(() => eraseEmail(t.db, 'wilma@visser.example', { checkpointAttempts: 2, checkpointWaitMs: 20 })).toThrow(CheckpointError);
    expect(() => eraseEmail(t.db, 'wilma@visser.example', { checkpointAttempts: 2, checkpointWaitMs: 20 })).toThrow(/could not be checkpointed after 2 attempts/);

    reader.prepare('commit').run();
    expect(eraseEmail(t.db, 'wilma@visser.example')).toMatchObject({ leads: 0 });
    expect(readFileSync(`${path}-wal`).length).toBe(0);
  });

  it('runs as a command on DATABASE_PATH, and exits non-zero when the erase could not complete', async () => {
    const path = dbFile();
    const t = testApp({ dbPath: path });
    await lead(t, 'Gone Person', 'gone@visser.example');
    t.db.$client.close();
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/erase.ts', 'gone@visser.example'], { env: { ...process.env, DATABASE_PATH: path }, encoding: 'utf8' });

    const reader = new Database(path);
    reader.prepare('begin').run();
    reader.prepare('select count(*) from leads').get();
    const blocked = run();
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('ERASE INCOMPLETE for gone@visser.example');
    expect(blocked.stderr).toContain('could not be checkpointed');
    reader.close();

    const done = run();
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('erased gone@visser.example');
    expect(done.stdout).toMatch(/0 lead\(s\)/); // the first run erased it; only the checkpoint failed
    const db = openDatabase(path);
    expect(db.select().from(leads).all()).toEqual([]);
    db.$client.close();
  });
});
