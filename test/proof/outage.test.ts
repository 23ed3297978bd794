import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock';
import { openDatabase } from '../../server/db/open';
import { smtpWorker } from '../support/job-pipeline';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { testApp } from '../support/test-app';
import { until } from '../support/until';
import { uniqueBody, type Ack } from './support/client';
import { mailReport } from './support/mail-check';

// Issue 5, proof "Outage": a real SMTP server (smtp-server on loopback) is first down (nothing
// listens on its port), then up but answering 451 to every recipient, then fine. Leads arrive in
// every phase and are all acknowledged at once; in the end every acknowledged lead's two mails
// have arrived. Duplicates are counted and reported. The worker is the real one with short
// backoff (test/support/job-pipeline.ts).

const PER_PHASE = 15;
const PHASE_MS = 1_500;

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn();
});

describe('outage: SMTP down, then 451, then fine', () => {
  it('delivers every acknowledged lead’s mails once SMTP is back', async () => {
    const started = Date.now();
    const probe = await startSmtpSink();
    const port = probe.port;
    await probe.close(); // phase 1: nothing listens on the port

    const db = openDatabase(':memory:');
    const mail = smtpWorker(db, `smtp://127.0.0.1:${port}`);
    cleanup.push(() => mail.stop());
    const t = testApp({ db, clock: systemClock as never, deps: { onLeadStored: () => mail.worker.nudge() } });
    mail.worker.start();

    const acks: Ack[] = [];
    const submit = async (phase: string) => {
      for (let i = 0; i < PER_PHASE; i++) {
        const body = uniqueBody(phase, t.token());
        const res = await t.post(body);
        expect(res.status).toBe(201);
        const { leadId } = (await res.json()) as { leadId: string };
        acks.push({ submissionId: body.submissionId, leadId, status: 201, attempts: 1, company: body.contact.company, email: body.contact.email });
        await new Promise((r) => setTimeout(r, PHASE_MS / PER_PHASE));
      }
    };
    const failures = () => db.$client.prepare(`select last_error e from outbox where status = 'pending' and attempts > 0`).all() as { e: string }[];

    await submit('down');
    expect(failures().some((f) => /ECONNREFUSED|connect/i.test(f.e))).toBe(true);

    const sink: SmtpSink = await startSmtpSink(port); // phase 2: up, but "451 try again later"
    cleanup.push(() => sink.close());
    sink.failWith = 451;
    await submit('refusing');
    expect(sink.messages).toHaveLength(0);
    expect(failures().some((f) => /451/.test(f.e))).toBe(true);

    sink.failWith = undefined; // phase 3: fine
    await submit('fine');
    await until(() => mailReport(acks, sink.messages).missing.length === 0, 30_000, 'every acknowledged lead’s mails');
    await new Promise((r) => setTimeout(r, 500)); // would a duplicate still arrive?

    const report = mailReport(acks, sink.messages);
    const outbox = db.$client.prepare(`select status, count(*) n, max(attempts) maxAttempts from outbox group by status`).all();
    console.log(
      `outage: acknowledged=${acks.length} missing=${report.missing.length} duplicates=${report.duplicates} ` +
        `mails=${sink.messages.length} outbox=${JSON.stringify(outbox)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(report.missing).toEqual([]);
    expect(sink.messages.length).toBe(acks.length * 2 + report.duplicates);
  }, 90_000);
});
