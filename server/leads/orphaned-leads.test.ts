import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { manualClock } from '../clock';
import { openDatabase } from '../db/open';
import { leadEvents, leads } from '../db/schema';
import type { Log } from '../log';
import { exampleConfig, submissionBody } from '../../test/support/fixtures';
import { jobWorker } from '../../test/support/job-pipeline';
import { startSmtpSink, type ReceivedMail } from '../../test/support/smtp-sink';
import { testApp } from '../../test/support/test-app';
import { rerouteOrphanedLeads } from './orphaned-leads';

// A rep removed from the config: their open leads are found at start, logged by id and routed
// again with a history line that says why — on a real SQLite file, mails over real SMTP.

const withoutAnna = () =>
  exampleConfig((c) => {
    c.reps = c.reps.filter((r: { id: string }) => r.id !== 'anna');
    c.teams[0].reps = ['bram', 'chris'];
  });
const mailTo = (messages: ReceivedMail[], address: string) => messages.filter((m) => m.envelope.to.includes(address)).at(-1);

function recordingLog() {
  const lines: string[] = [];
  const log: Log = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  return { log, lines };
}

describe('leads of a rep removed from the config', () => {
  it('are routed again at start, logged by id, with a history line that says why, and the new rep gets the lead mail', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.close());
    const path = join(mkdtempSync(join(tmpdir(), 'koers-orphans-')), 'koers.db');
    const clock = manualClock();
    const signingKey = randomBytes(32);

    // Before: two open leads with Anna (one accepted), one with Bram, one closed with Anna.
    const first = testApp({ dbPath: path, clock, deps: { signingKey } });
    const submit = async (email: string) => {
      const res = await first.post(submissionBody({ contact: { email, company: email.split('@')[1] } }));
      expect(res.status).toBe(201);
      return (await res.json()).leadId as string;
    };
    const open = await submit('sanne@visser.example'); // anna
    const bram = await submit('piet@jansen.example'); // bram
    const accepted = await submit('jan@acme.example'); // anna
    const closed = await submit('els@bakker.example'); // anna
    const repOf = (id: string) => first.db.select().from(leads).where(eq(leads.id, id)).get()!.repId;
    expect([open, bram, accepted, closed].map(repOf)).toEqual(['anna', 'bram', 'anna', 'anna']);
    first.db.update(leads).set({ status: 'accepted' }).where(eq(leads.id, accepted)).run();
    first.db.update(leads).set({ status: 'not-a-fit' }).where(eq(leads.id, closed)).run();
    first.db.$client.close();

    // Restart with a config without Anna.
    clock.advance(60_000);
    const config = withoutAnna();
    const second = testApp({ db: openDatabase(path), config, clock, deps: { signingKey } });
    const jobs = jobWorker(second.db, sink.url, second.deps);
    onTestFinished(() => jobs.stop());
    const { log, lines } = recordingLog();
    const moved = rerouteOrphanedLeads({ db: second.db, config, clock, log, repActions: undefined });
    expect(new Set(moved)).toEqual(new Set([open, accepted]));
    expect(lines.filter((l) => l.includes(open))).toHaveLength(1);
    expect(lines.filter((l) => l.includes(accepted))).toHaveLength(1);
    expect(lines.join('\n')).toContain(`Lead ${open} was with rep "anna", who is no longer in the config: routed again`);

    const lead = (id: string) => second.db.select().from(leads).where(eq(leads.id, id)).get()!;
    expect(lead(open)).toMatchObject({ repId: 'bram', status: 'assigned' }); // Dutch: Bram, never English-only Chris
    expect(lead(accepted)).toMatchObject({ status: 'assigned' });
    expect(lead(bram).repId).toBe('bram');
    expect(lead(closed)).toMatchObject({ repId: 'anna', status: 'not-a-fit' }); // closed leads stay as they were
    const history = second.db.select().from(leadEvents).where(eq(leadEvents.leadId, open)).orderBy(leadEvents.id).all();
    expect(history.map((e) => `${e.type}:${e.repId}`)).toEqual(['assigned:anna', 'agreement:null', 'rep-removed:anna', 'assigned:bram']);
    expect(history[2]).toMatchObject({ at: clock.now(), detail: 'rep "anna" was removed from the config' });

    await jobs.drain();
    // The first server's 8 lead mails (never sent before it stopped) and, per moved lead, the
    // new rep's mail and the prospect's note (their next step names the rep).
    await sink.waitFor(12);
    const handedOver = sink.messages.filter((m) => m.envelope.to.includes('bram@zeilmaker.example') && m.parsed.text!.includes('behandelt geen leads meer'));
    expect(handedOver.map((m) => m.parsed.subject)).toEqual(expect.arrayContaining([expect.stringContaining('visser.example')]));
    expect(handedOver).toHaveLength(2);
    expect(handedOver[0].parsed.text).toContain('De collega bij wie deze lead lag, behandelt geen leads meer; hij is nu van jou.');
    const prospect = mailTo(sink.messages, 'sanne@visser.example')!.parsed;
    expect(prospect.subject).toBe('Uw contactpersoon bij Zeilmaker Software B.V.');
    expect(prospect.text).toContain('Bram Jansen behandelt uw aanvraag nu.');

    // Running it again (the next start) finds nothing.
    expect(rerouteOrphanedLeads({ db: second.db, config, clock, log, repActions: undefined })).toEqual([]);
  });
});
