import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { manualClock } from '../clock';
import { leadEvents, leads } from '../db/schema';
import { submissionBody } from '../../test/support/fixtures';
import { jobWorker } from '../../test/support/job-pipeline';
import { startSmtpSink, type ReceivedMail } from '../../test/support/smtp-sink';
import { testApp } from '../../test/support/test-app';

// Hand-overs (pass on, missed deadline) keep every constraint of the first assignment: on a real
// SQLite file, with the mails over real SMTP. Example reps: Anna nl+en, Bram nl (away 24 Dec to
// 2 Jan), Chris en, all Account executives; Dewi nl+en in the fallback team Inside sales.

const mailTo = (messages: ReceivedMail[], address: string) => messages.filter((m) => m.envelope.to.includes(address)).at(-1);

async function setup(start: string) {
  const sink = await startSmtpSink();
  const dbPath = join(mkdtempSync(join(tmpdir(), 'koers-reassign-')), 'koers.db');
  const t = testApp({ dbPath, clock: manualClock(Date.parse(start)) });
  const jobs = jobWorker(t.db, sink.url, t.deps);
  onTestFinished(async () => {
    await jobs.stop();
    await sink.close();
  });
  const deliver = async () => {
    const before = sink.messages.length;
    await jobs.drain();
    await sink.waitFor(before + 1);
  };
  const submit = async (language: 'nl' | 'en') => {
    const res = await t.post(submissionBody({ language }));
    expect(res.status).toBe(201);
    await deliver();
    return (await res.json()).leadId as string;
  };
  const passOn = async (address: string) => {
    const text = mailTo(sink.messages, address)!.parsed.text!;
    const href = text.match(/^(?:Doorgeven|Pass on): http:\/\/koers\.test(\S+)$/m)![1];
    expect((await t.app.request(href, { method: 'POST' })).status).toBe(200);
    await deliver();
  };
  const lead = (id: string) => t.db.select().from(leads).where(eq(leads.id, id)).get()!;
  const reps = (id: string) =>
    t.db.select().from(leadEvents).where(eq(leadEvents.leadId, id)).orderBy(leadEvents.id).all()
      .filter((e) => e.type === 'assigned').map((e) => e.repId);
  return { ...t, sink, submit, passOn, lead, reps };
}

describe('hand-overs keep the routing constraints', () => {
  it('a Dutch lead passed on never lands on an English-only rep', async () => {
    const s = await setup('2026-12-28T09:00:00Z'); // Bram is away
    const id = await s.submit('nl');
    expect(s.lead(id).repId).toBe('anna');
    await s.passOn('anna@zeilmaker.example');
    // Left in the team: Bram (away) and Chris (English only) → the fallback team.
    expect(s.lead(id)).toMatchObject({ repId: 'dewi', teamId: 'inside-sales', status: 'assigned' });
    expect(s.reps(id)).toEqual(['anna', 'dewi']);
    expect(mailTo(s.sink.messages, 'chris@zeilmaker.example')).toBeUndefined();
    const prospect = mailTo(s.sink.messages, 'sanne@visser-logistiek.example')!.parsed.text!;
    expect(prospect).toContain('Dewi Bakker behandelt uw aanvraag nu, in plaats van Anna de Vries.');
    expect(prospect).not.toContain('Chris Smith');
  });

  it('an English lead passed on never lands on a Dutch-only rep', async () => {
    const s = await setup('2026-12-01T09:00:00Z'); // Bram is at work
    const id = await s.submit('en');
    expect(s.lead(id).repId).toBe('anna');
    await s.passOn('anna@zeilmaker.example');
    expect(s.lead(id).repId).toBe('chris');
    await s.passOn('chris@zeilmaker.example');
    expect(s.lead(id)).toMatchObject({ repId: 'dewi', teamId: 'inside-sales' });
    expect(s.reps(id)).toEqual(['anna', 'chris', 'dewi']);
    expect(mailTo(s.sink.messages, 'bram@zeilmaker.example')).toBeUndefined();
    // Nobody left who speaks English: the vendor assigns it by hand, no Dutch-only rep gets it.
    await s.passOn('dewi@zeilmaker.example');
    expect(s.lead(id)).toMatchObject({ status: 'unassigned', repId: null });
    expect(mailTo(s.sink.messages, 'bram@zeilmaker.example')).toBeUndefined();
    expect(mailTo(s.sink.messages, 'sales@zeilmaker.example')!.parsed.subject).toMatch(/^Niet toegewezen lead: /); // the site's language
  });
});
