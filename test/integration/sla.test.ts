import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { manualClock } from '../../server/clock';
import { openDatabase } from '../../server/db/open';
import { leadEvents, leads, outbox } from '../../server/db/schema';
import type { Db } from '../../server/db/open';
import { exampleConfig, submissionBody } from '../support/fixtures';
import { jobWorker } from '../support/job-pipeline';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink';
import { testApp } from '../support/test-app';

// Response SLA (issue 4): a lead not accepted within routing.acceptWithinMinutes moves on, by a
// durable 'sla-check' job in the outbox — on a manual clock, and across a restart.

const MINUTE = 60_000;
const slaConfig = () => exampleConfig((c) => (c.routing.acceptWithinMinutes = { 'sales-ready': 60 }));
const dbFile = () => join(mkdtempSync(join(tmpdir(), 'koers-sla-')), 'koers.db');
const lead = (db: Db, id: string) => db.select().from(leads).where(eq(leads.id, id)).get()!;
const events = (db: Db, id: string) =>
  db.select().from(leadEvents).where(eq(leadEvents.leadId, id)).orderBy(leadEvents.id).all().map((e) => `${e.type}:${e.repId}`);
const slaJobs = (db: Db) => db.select().from(outbox).where(eq(outbox.kind, 'sla-check')).orderBy(outbox.id).all();
const mailTo = (messages: ReceivedMail[], address: string) => messages.filter((m) => m.envelope.to.includes(address)).at(-1)!;

async function started(sink: SmtpSink, t: ReturnType<typeof testApp>) {
  const jobs = jobWorker(t.db, sink.url, t.deps);
  onTestFinished(() => jobs.stop());
  return jobs;
}

async function submit(t: ReturnType<typeof testApp>, over: Parameters<typeof submissionBody>[0] = {}) {
  const res = await t.post(submissionBody(over));
  expect(res.status).toBe(201);
  return (await res.json()).leadId as string;
}

describe('response SLA', () => {
  it('moves a lead not accepted in time to the next rep, tells both reps and the prospect, and sets the next deadline', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.close());
    const t = testApp({ dbPath: dbFile(), config: slaConfig() });
    const jobs = await started(sink, t);
    const start = t.clock.now();
    const id = await submit(t);
    expect(slaJobs(t.db)).toMatchObject([
      { leadId: id, status: 'pending', runAt: start + 60 * MINUTE, payload: { leadId: id, repId: 'anna', assignedAt: start, minutes: 60 } },
    ]);
    await jobs.drain();
    await sink.waitFor(2);

    t.clock.advance(60 * MINUTE - 1); // not yet: only Anna's reminder (at 45 minutes) runs
    expect(await jobs.drain()).toBe(1);
    await sink.waitFor(3);
    expect(lead(t.db, id)).toMatchObject({ status: 'assigned', repId: 'anna' });

    t.clock.advance(1); // the deadline
    await jobs.drain();
    await sink.waitFor(6);
    expect(lead(t.db, id)).toMatchObject({ status: 'assigned', repId: 'bram' });
    expect(events(t.db, id)).toEqual(['assigned:anna', 'agreement:null', 'sla-expired:anna', 'assigned:bram']);
    const expired = t.db.select().from(leadEvents).where(and(eq(leadEvents.leadId, id), eq(leadEvents.type, 'sla-expired'))).get()!;
    expect(expired).toMatchObject({ at: start + 60 * MINUTE, detail: 'not accepted by Anna de Vries within 60 minutes' });

    const anna = mailTo(sink.messages, 'anna@zeilmaker.example').parsed;
    expect(anna.subject).toBe('Lead doorgezet: Visser Logistiek');
    expect(anna.text).toContain('Je hebt deze lead niet binnen 60 minuten geaccepteerd.');
    expect(anna.text).toContain('Hij ligt nu bij Bram Jansen; je hoeft er niets meer mee.');
    const bram = mailTo(sink.messages, 'bram@zeilmaker.example').parsed;
    expect(bram.text).toContain('Anna de Vries heeft deze lead niet binnen 60 minuten geaccepteerd, dus hij is nu van jou.');
    expect(bram.text).toContain('Op 1 december 2026, 10:00 (tijd in Amsterdam) is de prospect beloofd: "Anna de Vries (Accountmanager) beantwoordt uw voorstel uiterlijk woensdag 2 december om 17:00');
    expect(bram.text).toMatch(/Accepteren: http:\/\/koers\.test\/r\//);
    const prospect = mailTo(sink.messages, 'sanne@visser-logistiek.example').parsed;
    expect(prospect.subject).toBe('Uw contactpersoon bij Zeilmaker Software B.V.');
    expect(prospect.text).toContain('Bram Jansen behandelt uw aanvraag nu, in plaats van Anna de Vries.');

    // Bram's own deadline runs from his assignment; he misses it too.
    expect(slaJobs(t.db).map((j) => [j.status, j.runAt])).toEqual([
      ['done', start + 60 * MINUTE],
      ['pending', start + 120 * MINUTE],
    ]);
    t.clock.advance(60 * MINUTE);
    await jobs.drain();
    await sink.waitFor(10); // Bram's reminder, then the three mails of the hand-over
    expect(lead(t.db, id).repId).toBe('dewi'); // Chris speaks no Dutch: the fallback team
    expect(events(t.db, id)).toEqual(['assigned:anna', 'agreement:null', 'sla-expired:anna', 'assigned:bram', 'sla-expired:bram', 'assigned:dewi']);
  });

  it('does nothing at the deadline when the rep accepted in time', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.close());
    const t = testApp({ config: slaConfig() });
    const jobs = await started(sink, t);
    const id = await submit(t);
    await jobs.drain();
    await sink.waitFor(2);
    const accept = mailTo(sink.messages, 'anna@zeilmaker.example').parsed.text!.match(/Accepteren: http:\/\/koers\.test(\S+)/)![1];
    t.clock.advance(30 * MINUTE);
    expect((await t.app.request(accept, { method: 'POST' })).status).toBe(200);

    t.clock.advance(31 * MINUTE);
    expect(await jobs.drain()).toBe(2); // the reminder and the check ran…
    expect(slaJobs(t.db)).toMatchObject([{ status: 'done' }]);
    expect(lead(t.db, id)).toMatchObject({ status: 'accepted', repId: 'anna' }); // …and changed nothing
    expect(events(t.db, id)).toEqual(['assigned:anna', 'agreement:null', 'accepted:anna']);
    expect(sink.messages).toHaveLength(2);
  });

  it('survives a restart: the deadline is in the database, not in a timer', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.close());
    const path = dbFile();
    const clock = manualClock();
    const signingKey = randomBytes(32);
    const first = testApp({ dbPath: path, config: slaConfig(), clock, deps: { signingKey } });
    const firstJobs = jobWorker(first.db, sink.url, first.deps);
    const id = await submit(first);
    await firstJobs.drain();
    await sink.waitFor(2);
    await firstJobs.stop();
    first.db.$client.close(); // the process ends

    clock.advance(3 * 60 * MINUTE); // down for three hours, past the deadline
    const second = testApp({ db: openDatabase(path), config: slaConfig(), clock, deps: { signingKey } });
    const jobs = await started(sink, second);
    await jobs.drain();
    await sink.waitFor(5);
    expect(lead(second.db, id)).toMatchObject({ status: 'assigned', repId: 'bram' });
    expect(events(second.db, id)).toEqual(['assigned:anna', 'agreement:null', 'sla-expired:anna', 'assigned:bram']);
    expect(mailTo(sink.messages, 'anna@zeilmaker.example').parsed.subject).toBe('Lead doorgezet: Visser Logistiek');

    // Bram's link from the mail sent after the restart works on this server.
    const accept = mailTo(sink.messages, 'bram@zeilmaker.example').parsed.text!.match(/Accepteren: http:\/\/koers\.test(\S+)/)![1];
    expect((await second.app.request(accept, { method: 'POST' })).status).toBe(200);
    expect(lead(second.db, id).status).toBe('accepted');
  });

  it('respects account ownership when it moves a lead', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.close());
    const t = testApp({ config: slaConfig() });
    const jobs = await started(sink, t);
    const anna = t.config.reps.find((r) => r.id === 'anna')!;

    const first = await submit(t, { contact: { email: 'inkoop@acme.example', company: 'Acme' } });
    await jobs.drain();
    await sink.waitFor(2);
    const accept = mailTo(sink.messages, 'anna@zeilmaker.example').parsed.text!.match(/Accepteren: http:\/\/koers\.test(\S+)/)![1];
    expect((await t.app.request(accept, { method: 'POST' })).status).toBe(200);

    anna.active = false; // so the second Acme lead cannot follow the owner…
    const second = await submit(t, { contact: { email: 'it@acme.example', company: 'Acme' } });
    anna.active = true;
    expect(lead(t.db, second).repId).toBe('bram');
    await jobs.drain();
    await sink.waitFor(4);

    t.clock.advance(60 * MINUTE); // …and when Bram lets it lapse, it goes to Acme's owner.
    await jobs.drain();
    await sink.waitFor(7);
    expect(lead(t.db, second)).toMatchObject({ repId: 'anna', status: 'assigned' });
    expect(lead(t.db, second).routingReason).toMatch(`existing account: acme.example has an open lead (${first}) with Anna de Vries`);
    const mail = mailTo(sink.messages, 'anna@zeilmaker.example').parsed.text!;
    expect(mail).toContain('Bram Jansen heeft deze lead niet binnen 60 minuten geaccepteerd');
    expect(mail).toContain('Tweede contact bij dit bedrijf: je hebt daar al een lopende lead (binnengekomen op 1 december 2026), dus deze is ook van jou.');
  });
});
