import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads, outbox } from '../db/schema';
import type { MailMessage } from '../mail/message';
import { eraseEmail } from '../privacy/erase';
import { repActionLinks } from '../security/action-links';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import { LEAD_MAIL, leadMailHandler } from './lead-mail-job';

// A new lead's mails are queued as references and composed when sent: what the outbox holds, and
// what the sent mails say after the lead changed or was erased in between.

/** The real handler of a test app, with a mailer that keeps what it is given. */
function withSender(t: ReturnType<typeof testApp>) {
  const sent: MailMessage[] = [];
  const handler = leadMailHandler({ db: t.db, config: t.config, repActions: repActionLinks(t.deps), mailer: { send: async (m) => void sent.push(m) } });
  /** Runs lead-mail jobs as the worker would. */
  const send = async (jobs: (typeof outbox.$inferSelect)[]) => {
    for (const job of jobs) await handler(job.payload, { id: job.id, leadId: job.leadId, attempts: 1 });
  };
  return { sent, send };
}

async function setup() {
  const t = testApp();
  const { sent, send } = withSender(t);
  const res = await t.post(submissionBody());
  expect(res.status).toBe(201);
  const answer = await res.json();
  const jobs = t.db.select().from(outbox).where(eq(outbox.kind, LEAD_MAIL)).all();
  return { ...t, sent, answer, jobs, send: () => send(jobs) };
}

describe('lead-mail jobs', () => {
  it('queue a small reference without personal data; the sent mails are composed from the stored lead', async () => {
    const { jobs, send, sent, answer } = await setup();
    expect(jobs.map((j) => j.payload)).toEqual([
      { leadId: answer.leadId, mail: 'rep', repId: 'anna', routingReason: expect.stringMatching(/^rule 1 /), routing: expect.objectContaining({ type: 'rule', rule: 0, repId: 'anna' }) },
      { leadId: answer.leadId, mail: 'prospect', repId: 'anna' }, // no routing facts: the prospect's mail does not show them
    ]);
    // The prospect's mail is marked as such: the worker claims it after reps' mails and checks.
    expect(jobs.map((j) => j.toProspect)).toEqual([false, true]);
    for (const job of jobs) {
      const json = JSON.stringify(job.payload);
      expect(json.length).toBeLessThan(600); // the routing facts twice: English summary and structured
      for (const personal of ['Sanne', 'Visser', 'visser-logistiek', '12345678']) expect(json).not.toContain(personal);
    }

    await send();
    const [rep, prospect] = sent;
    expect(rep).toMatchObject({ purpose: 'rep-lead', to: [{ address: 'anna@zeilmaker.example' }], replyTo: { address: 'sanne@visser-logistiek.example' } });
    expect(rep.subject).toBe('[Klaar voor sales] Visser Logistiek — We vergelijken leveranciers');
    expect(rep.blocks.flatMap((b) => b.links ?? []).map((l) => l.href)).toEqual([
      expect.stringMatching(/^http:\/\/koers\.test\/r\//), // the fixture proposes another approach: the answer link first
      expect.stringMatching(/^http:\/\/koers\.test\/r\//),
      expect.stringMatching(/^http:\/\/koers\.test\/r\//),
      expect.stringMatching(/^http:\/\/koers\.test\/r\//),
    ]);
    expect(prospect).toMatchObject({ purpose: 'prospect-confirmation', to: [{ address: 'sanne@visser-logistiek.example' }], replyTo: { address: 'anna@zeilmaker.example' } });
    expect(prospect.blocks.flatMap((b) => b.lines ?? [])).toContain(answer.nextStep);
  });

  it('say what was true when they were queued, even if the lead moved on before they were sent', async () => {
    const { db, jobs, send, sent, answer } = await setup();
    db.update(leads).set({ repId: 'bram', routingReason: 'passed on by Anna de Vries' }).where(eq(leads.id, answer.leadId)).run();

    await send();
    expect(sent.map((m) => m.to[0].address)).toEqual(['anna@zeilmaker.example', 'sanne@visser-logistiek.example']);
    expect(sent[0].blocks.flatMap((b) => b.lines ?? [])).toContain(
      'Regel 1 (niveau: Klaar voor sales of Kwalificerend) stuurt deze lead naar het team Account executives; binnen het team was het jouw beurt.',
    );
    expect(sent[1].replyTo?.address).toBe('anna@zeilmaker.example');
  });

  it('send nothing (and do not fail) for a lead erased before they were sent', async () => {
    const { db, send, sent, jobs } = await setup();
    // The erase deletes the lead's own jobs; a worker that claimed them just before still runs them.
    expect(eraseEmail(db, 'sanne@visser-logistiek.example')).toMatchObject({ leads: 1, outbox: 2 });
    await expect(send()).resolves.toBeUndefined();
    expect(sent).toEqual([]);
    expect(jobs).toHaveLength(2);
  });

  it('leave out an earlier lead that was erased before they were sent (existing account)', async () => {
    const t = testApp();
    const { db, post } = t;
    const { sent, send } = withSender(t);
    const submit = async (email: string, name: string) => (await (await post(submissionBody({ contact: { email, name } }))).json()).leadId as string;
    const first = await submit('sanne@visser-logistiek.example', 'Sanne Visser');
    const second = await submit('piet@visser-logistiek.example', 'Piet Visser');
    const jobsOf = (leadId: string) => db.select().from(outbox).where(eq(outbox.leadId, leadId)).all();
    expect(jobsOf(second)[0].payload).toMatchObject({ mail: 'rep', repId: 'anna', earlierLeadId: first });

    eraseEmail(db, 'sanne@visser-logistiek.example');
    await send(jobsOf(second));
    const text = JSON.stringify(sent);
    expect(sent.map((m) => m.to[0].address)).toEqual(['anna@zeilmaker.example', 'piet@visser-logistiek.example']);
    expect(text).toContain('Piet Visser');
    expect(text).not.toContain('Sanne');
    expect(text).not.toContain(first);
    expect(text).not.toContain('Bestaande klant');
  });
});
