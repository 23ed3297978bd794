import { describe, expect, it, onTestFinished } from 'vitest';
import { startSmtpSink } from '../../test/support/smtp-sink';
import type { MailMessage } from './message';
import { smtpMailer } from './smtp-mailer';

const message = (n: number): MailMessage => ({
  purpose: 'rep-lead',
  from: 'Koers <koers@zeilmaker.example>',
  to: [{ address: `rep${n}@zeilmaker.example` }],
  subject: `Lead ${n}`,
  title: `Lead ${n}`,
  blocks: [{ lines: ['Hallo'] }],
});

describe('SMTP mailer', () => {
  it('pools: several mails share one connection', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.close());
    const mailer = smtpMailer(sink.url, { maxConnections: 1 });
    onTestFinished(() => mailer.close?.());
    await Promise.all([1, 2, 3, 4, 5].map((n) => mailer.send(message(n))));
    await mailer.send(message(6)); // later, still on the open connection
    expect(sink.messages).toHaveLength(6);
    expect(new Set(sink.messages.map((m) => m.connection)).size).toBe(1);
  });

  it('takes pool options from SMTP_URL\'s query string, and keeps at most maxConnections open', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.close());
    const mailer = smtpMailer(`${sink.url}?maxConnections=2`);
    onTestFinished(() => mailer.close?.());
    await Promise.all(Array.from({ length: 8 }, (_, n) => mailer.send(message(n))));
    expect(sink.messages).toHaveLength(8);
    expect(new Set(sink.messages.map((m) => m.connection)).size).toBeLessThanOrEqual(2);
  });

  it('limits the rate: no more than rateLimit mails per rateDelta', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.close());
    const mailer = smtpMailer(sink.url, { maxConnections: 1, rateLimit: 2, rateDelta: 300 }); // (each connection checks the limit after a mail)
    onTestFinished(() => mailer.close?.());
    const start = performance.now();
    await Promise.all(Array.from({ length: 6 }, (_, n) => mailer.send(message(n))));
    expect(performance.now() - start).toBeGreaterThanOrEqual(550); // 2 now, 2 after 300 ms, 2 after 600 ms
  });
});
