import { eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { systemClock } from '../../server/clock';
import { outbox } from '../../server/db/schema';
import { submissionBody } from '../support/fixtures';
import { smtpWorker } from '../support/job-pipeline';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink';
import { testApp } from '../support/test-app';
import { until } from '../support/until';

async function setup() {
  const sink = await startSmtpSink();
  const t = testApp({ clock: systemClock as never });
  const mail = smtpWorker(t.db, sink.url);
  onTestFinished(async () => {
    await mail.stop();
    await sink.close();
  });
  return { sink, ...t, worker: mail.worker };
}

const byTo = (messages: ReceivedMail[], address: string) => messages.find((m) => m.envelope.to.includes(address))!;

describe('lead mails over a real SMTP server', () => {
  it('sends the rep a pre-qualified summary and the prospect a confirmation', async () => {
    const { sink, post, worker } = await setup();
    const res = await post(submissionBody({ context: { pageUrl: 'https://www.zeilmaker.example/contact?x=1', referrer: 'https://duckduckgo.com/', utm: { source: 'newsletter', campaign: 'winter' } } }));
    expect(res.status).toBe(201);
    worker.start();
    await sink.waitFor(2);

    const rep = byTo(sink.messages, 'anna@zeilmaker.example');
    expect(rep.envelope.to).toEqual(['anna@zeilmaker.example']);
    expect(rep.parsed.subject).toBe('[Klaar voor sales] Visser Logistiek — We vergelijken leveranciers');
    expect(rep.parsed.replyTo?.value[0]).toMatchObject({ address: 'sanne@visser-logistiek.example', name: 'Sanne Visser' });
    const text = rep.parsed.text!;
    for (const expected of [
      'Sanne Visser', 'sanne@visser-logistiek.example', '+31 6 12345678', 'Visser Logistiek',
      'Aankoopfase: We vergelijken leveranciers', 'Budget: Ja, goedgekeurd', 'Besluitvorming duidelijk: Ongeveer',
      'Budgethouder (betrokken)', 'Inkoop (betrokken)', 'IT (nog niet betrokken)', 'Eindbesluit: Een commissie',
      'One planning tool for all sites', 'Less manual work for my team',
      'Beslistermijn: Binnen 3 maanden', 'Our current planning tool is end-of-life in June.',
      'Zij stellen een andere aanpak voor', 'Hun reden: “We need a pilot before any proposal.”',
      'Score: 85 punten (Klaar voor sales)', 'Fase: We vergelijken leveranciers: +25', 'Kosten van niets doen beschreven: +10',
      'Regel 1 (niveau: Klaar voor sales of Kwalificerend) stuurt deze lead naar het team Account executives', 'https://www.zeilmaker.example/contact', 'https://duckduckgo.com', 'utm_source: newsletter', 'utm_campaign: winter',
    ]) expect(text).toContain(expected);
    expect(rep.parsed.html).toContain('<table');

    const prospect = byTo(sink.messages, 'sanne@visser-logistiek.example');
    expect(prospect.envelope.to).toEqual(['sanne@visser-logistiek.example']);
    // The fixture proposes another approach: the rep will answer it (test/integration/confirmation.test.ts has the rest).
    expect(prospect.parsed.subject).toMatch(/^Uw voorstel aan Zeilmaker Software B\.V\.: Anna de Vries antwoordt uiterlijk \w+dag \d+ \w+ om 17:00 \(tijd in Amsterdam\)$/);
    expect(prospect.parsed.replyTo?.value[0].address).toBe('anna@zeilmaker.example');
    const ptext = prospect.parsed.text!;
    for (const expected of ['Bedankt, Sanne Visser, voor uw aanvraag bij Zeilmaker Software B.V.', 'Anna de Vries (Accountmanager) beantwoordt uw voorstel uiterlijk', 'http://koers.test/p/', 'https://zeilmaker.example/privacy']) {
      expect(ptext).toContain(expected);
    }
    expect(ptext).not.toContain('We need a pilot'); // nothing the sender typed but their name
  });

  it('writes the prospect in English when they chose English, and the English rep in English', async () => {
    const { sink, post, worker, config } = await setup();
    // Only Chris (English) in the team: his mail is in English.
    config.teams[0].reps = ['chris'];
    await post(submissionBody({ language: 'en', contact: { email: 'ann@example.org' } }));
    worker.start();
    await sink.waitFor(2);
    expect(byTo(sink.messages, 'chris@zeilmaker.example').parsed.subject).toBe('[Sales-ready] Visser Logistiek — Comparing suppliers');
    const prospect = byTo(sink.messages, 'ann@example.org').parsed;
    expect(prospect.subject).toMatch(/^Your proposal to Zeilmaker Software B\.V\.: Chris Smith will answer by \w+day \d+ \w+ at 17:00 \(Amsterdam time\)$/);
    expect(prospect.text).toContain('Chris Smith (Account executive) will answer your proposal by');
  });

  it('lets no user text add a header or a recipient, and escapes HTML', async () => {
    const { sink, post, worker } = await setup();
    await post(
      submissionBody({
        contact: { name: 'Eve\r\nBcc: spy@evil.example\r\nX-Evil: 1', company: '<script>alert(1)</script> BV', email: 'eve@target.example' },
        stakeholders: { roles: [], finalSay: 'me', orgInterest: '<img src=x onerror=alert(1)>' },
      }),
    );
    worker.start();
    await sink.waitFor(2);
    await new Promise((r) => setTimeout(r, 300)); // would a third (Bcc) delivery arrive?
    expect(sink.messages).toHaveLength(2);
    const recipients = sink.messages.flatMap((m) => m.envelope.to).sort();
    expect(recipients).toEqual(['anna@zeilmaker.example', 'eve@target.example']);
    for (const m of sink.messages) {
      const headers = m.raw.slice(0, m.raw.search(/\r?\n\r?\n/));
      expect(headers).not.toMatch(/^(Bcc|X-Evil):/im);
      expect(m.parsed.bcc).toBeUndefined();
      expect(m.parsed.headers.has('x-evil')).toBe(false);
      expect(m.parsed.html).not.toContain('<script>');
      expect(m.parsed.html).not.toContain('<img src=x');
    }
    const rep = byTo(sink.messages, 'anna@zeilmaker.example');
    expect(rep.parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; BV');
    expect(rep.parsed.subject).toContain('<script>alert(1)</script> BV');
  });

  it('accepts leads while SMTP is down and delivers their mails once it is back', async () => {
    const sink = await startSmtpSink();
    const port = sink.port;
    await sink.close(); // nobody listens on this port now
    const t = testApp({ clock: systemClock as never });
    const mail = smtpWorker(t.db, `smtp://127.0.0.1:${port}`);
    onTestFinished(() => mail.stop());
    mail.worker.start();

    const answers = await Promise.all([0, 1, 2].map(() => t.post(submissionBody())));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    await new Promise((r) => setTimeout(r, 600)); // a few failed attempts
    const failing = t.db.select().from(outbox).where(eq(outbox.status, 'pending')).all();
    expect(failing).toHaveLength(6);
    expect(Math.max(...failing.map((r) => r.attempts))).toBeGreaterThan(0);
    expect(failing[0].lastError).toMatch(/ECONNREFUSED|connect/i);

    const back = await startSmtpSink(port);
    onTestFinished(() => back.close());
    await back.waitFor(6, 15_000);
    await until(() => t.db.select().from(outbox).where(eq(outbox.status, 'done')).all().length === 6);
    expect(back.messages).toHaveLength(6);
  });
});
