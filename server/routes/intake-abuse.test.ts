import { eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { leadEvents, leads, outbox } from '../db/schema';
import { takeProspectMail } from '../leads/prospect-mail-cap';
import { submissionBody } from '../../test/support/fixtures';
import { jobWorker } from '../../test/support/job-pipeline';
import { startSmtpSink } from '../../test/support/smtp-sink';
import { ORIGIN, testApp } from '../../test/support/test-app';

// Issue 9, security review items 4 and 16: the prospect mail is no relay for strangers' words,
// a form token serves one lead for a short time, a repeated submissionId never answers another
// person's submission, invisible reordering characters never reach a page or subject, and an
// origin is compared with its scheme.

const mailKinds = (t: ReturnType<typeof testApp>, leadId: string) =>
  t.db.select().from(outbox).where(eq(outbox.leadId, leadId)).all().map((j) => (j.payload as { mail: string }).mail);

describe('form tokens', () => {
  it('serve one lead: a replayed token is stored as spam, with an answer that looks like a real one', async () => {
    const t = testApp();
    const token = t.token();
    const first = await t.post({ ...submissionBody(), formToken: token });
    expect(first.status).toBe(201);
    const again = await t.post({ ...submissionBody({ contact: { email: 'other@elsewhere.example' } }), formToken: token });
    expect(again.status).toBe(201);
    const answer = (await again.json()) as { leadId: string; rep: { name: string } | null; nextStep: string };
    // A bot cannot tell from the answer that it was caught: a rep's name and a next step like a person's.
    expect(answer.rep).toEqual({ name: expect.any(String) });
    expect(answer.nextStep).toContain(answer.rep!.name);
    const stored = t.db.select().from(leads).where(eq(leads.id, answer.leadId)).get()!;
    expect(stored).toMatchObject({ status: 'spam', repId: null });
    expect(t.db.select().from(leadEvents).where(eq(leadEvents.leadId, answer.leadId)).get()!.detail).toBe('spam: form token used before');
    expect(mailKinds(t, answer.leadId)).toEqual([]);
  });

  it('live two hours: an older one is spam', async () => {
    const t = testApp();
    const fresh = await t.post({ ...submissionBody(), formToken: t.token('zeilmaker-web', t.clock.now() - 119 * 60_000) });
    const old = await t.post({ ...submissionBody(), formToken: t.token('zeilmaker-web', t.clock.now() - 121 * 60_000) });
    const status = async (res: Response) => t.db.select().from(leads).where(eq(leads.id, ((await res.json()) as { leadId: string }).leadId)).get()!.status;
    expect(await status(fresh)).toBe('assigned');
    expect(await status(old)).toBe('spam');
  });
});

describe('the prospect confirmation', () => {
  it('carries nothing the sender typed: no name, no proposed approach, no message', async () => {
    const sink = await startSmtpSink();
    const t = testApp();
    const worker = jobWorker(t.db, sink.url, { config: t.config, clock: t.clock, signingKey: t.deps.signingKey, publicUrl: 'http://koers.test' });
    onTestFinished(async () => {
      await worker.stop();
      await sink.close();
    });
    const lure = 'Your invoice is overdue: pay at https://evil.example/pay';
    const res = await t.post(
      submissionBody({
        process: { accepted: false, deviation: lure },
        contact: { name: 'Click https://evil.example now', email: 'victim@target.example', message: lure },
      }),
    );
    expect(res.status).toBe(201);
    await worker.drain();
    const mail = sink.messages.find((m) => m.envelope.to.includes('victim@target.example'))!;
    expect(mail).toBeDefined();
    const all = `${mail.parsed.subject}\n${mail.parsed.text}\n${mail.parsed.html}\n${JSON.stringify(mail.parsed.to)}`;
    expect(all).not.toContain('evil.example');
    expect(all).not.toContain('invoice');
    // The rep, who knows the vendor's own process, still reads all of it.
    const repMail = sink.messages.find((m) => !m.envelope.to.includes('victim@target.example'))!;
    expect(repMail.parsed.text).toContain(lure);
  });

  it('goes out at most 3 times a day per address; the lead and its rep mail always', async () => {
    const t = testApp();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.post(submissionBody({ contact: { email: 'Sanne@Visser-Logistiek.example' } }));
      ids.push(((await res.json()) as { leadId: string }).leadId);
    }
    expect(ids.map((id) => mailKinds(t, id))).toEqual([['rep', 'prospect'], ['rep', 'prospect'], ['rep', 'prospect'], ['rep']]);
    expect(t.db.select().from(leads).all().map((l) => l.status)).toEqual(Array(4).fill('assigned'));
    t.clock.advance(24 * 60 * 60_000);
    const next = await t.post(submissionBody({ contact: { email: 'sanne@visser-logistiek.example' } }));
    expect(mailKinds(t, ((await next.json()) as { leadId: string }).leadId)).toEqual(['rep', 'prospect']);
  });

  it('goes out at most 50 times a day per company domain, without a domain cap for free-mail domains', () => {
    const t = testApp();
    const now = t.clock.now();
    const company = Array.from({ length: 51 }, (_, i) => takeProspectMail(t.db, `p${i}@bigcorp.example`, now));
    expect(company.filter(Boolean)).toHaveLength(50);
    expect(company[50]).toBe(false);
    const gmail = Array.from({ length: 60 }, (_, i) => takeProspectMail(t.db, `p${i}@gmail.com`, now));
    expect(gmail.every(Boolean)).toBe(true);
  });
});

describe('what a submission can carry', () => {
  it('drops bidi controls and turns NEL and line separators into spaces in one-line fields', async () => {
    const t = testApp();
    const res = await t.post(submissionBody({ contact: { name: 'Sanne\u202Eexe.fdp Visser', company: 'Visser\u0085Bcc: x@y.example\u2028Logistiek' } }));
    expect(res.status).toBe(201);
    const lead = t.db.select().from(leads).get()!;
    expect(lead.contactName).toBe('Sanneexe.fdp Visser');
    expect(lead.company).toBe('Visser Bcc: x@y.example Logistiek');
  });

  it('keeps only scheme, host and path of the page, and the origin of the referrer; consent origin only from a checked Origin', async () => {
    const t = testApp();
    await t.post(
      submissionBody({
        context: { pageUrl: 'https://www.zeilmaker.example/contact?email=sanne%40visser.example#t=1', referrer: 'https://www.google.com/search?q=sanne+visser' },
      }),
    );
    expect(t.db.select().from(leads).get()!).toMatchObject({
      pageUrl: 'https://www.zeilmaker.example/contact',
      referrer: 'https://www.google.com',
      consentOrigin: ORIGIN,
    });
    // No Origin (not a browser): the page the body claims is not taken as where consent was given.
    const t2 = testApp();
    await t2.app.request('/api/v1/sites/zeilmaker-web/leads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...submissionBody({ context: { pageUrl: 'https://phish.example/x', referrer: 'javascript:alert(1)' } }), formToken: t2.token() }),
    });
    expect(t2.db.select().from(leads).get()!).toMatchObject({ pageUrl: 'https://phish.example/x', referrer: null, consentOrigin: null });
  });

  it('an origin counts with its scheme: http:// is not the listed https:// origin', async () => {
    const t = testApp();
    const res = await t.post(submissionBody(), { headers: { Origin: 'http://www.zeilmaker.example' } });
    expect(res.status).toBe(403);
    expect(t.db.select().from(leads).all()).toEqual([]);
    // Nor as "this server's own origin" by its host alone: the request came over http://localhost.
    const own = await t.post(submissionBody(), { headers: { Origin: 'https://localhost', Host: 'localhost' } });
    expect(own.status).toBe(403);
    const same = await t.post(submissionBody(), { headers: { Origin: 'http://localhost', Host: 'localhost' } });
    expect(same.status).toBe(201);
  });
});
