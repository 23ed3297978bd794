import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open';
import { DEFAULT_LEASE_MS } from '../../server/outbox/worker';
import { smtpWorker } from '../support/job-pipeline';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { until } from '../support/until';
import { formTokenWhenUp, PROOF_ENV, submitUntilAcknowledged, uniqueBody, type Ack } from './support/client';
import { mailReport } from './support/mail-check';

// Issue 5, proof "Crash": the real server (server/main.ts, its own process) is killed with
// SIGKILL several times while concurrent clients submit, and restarted on the same port each
// time; clients retry the same body (same submissionId) until acknowledged. Afterwards: every
// acknowledged lead is in the database, each got its two mails, integrity_check is ok.

const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 12);
const KILLS = Number(process.env.CRASH_KILLS ?? 5);

let server: ServerProcess | undefined;
let sink: SmtpSink | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  await sink?.close();
});

async function up(s: ServerProcess) {
  await until(async () => {
    if (s.proc.exitCode !== null) throw new Error(`server exited with ${s.proc.exitCode}:\n${s.output()}`);
    try {
      return (await fetch(`${s.url}/healthz`)).status === 200;
    } catch {
      return false;
    }
  }, 60_000, 'the server to answer /healthz');
}

describe('crash: SIGKILL during a load of concurrent submissions', () => {
  it('loses no acknowledged lead, mails each one, and keeps the database intact', async () => {
    const started = Date.now();
    sink = await startSmtpSink();
    const path = join(mkdtempSync(join(tmpdir(), 'koers-crash-')), 'koers.db');
    // No send rate limit (default 10 mails/s): thousands of leads in seconds are the load here, not real use.
    const env = { ...PROOF_ENV, DATABASE_PATH: path, SMTP_URL: `${sink.url}?rateLimit=0` };
    const port = await freePort();
    server = spawnServer(env, port);
    await up(server);
    const url = server.url;

    // Clients: each fetches a form token, then submits one body after another until told to stop.
    const acks: Ack[] = [];
    let stopping = false;
    const stop = () => stopping;
    const client = async (n: number) => {
      while (!stopping) {
        const token = await formTokenWhenUp(url, stop);
        if (!token) return;
        const ack = await submitUntilAcknowledged(url, uniqueBody(`c${n}`, token), stop);
        if (ack) acks.push(ack);
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));

    // The killer: SIGKILL mid-load, restart on the same port, again.
    const downtimes: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      await new Promise((r) => setTimeout(r, 400 + Math.random() * 800));
      const t0 = Date.now();
      await server.stop('SIGKILL');
      server = spawnServer(env, port);
      await up(server);
      downtimes.push(Date.now() - t0);
    }
    await new Promise((r) => setTimeout(r, 500)); // some load after the last restart
    stopping = true;
    await Promise.all(clients);

    // Drain: the last server sends what is due. Jobs claimed by a killed process stay leased for
    // DEFAULT_LEASE_MS; count them, stop the server, and send them with the real worker on a
    // clock moved past the lease instead of waiting.
    const db = new Database(path, { readonly: true });
    const due = () =>
      (db.prepare(`select count(*) n from outbox where status = 'pending' and (locked_until is null or locked_until <= ?)`).get(Date.now()) as { n: number }).n;
    await until(() => due() === 0, 60_000, 'the outbox to drain');
    const leased = (db.prepare(`select count(*) n from outbox where status = 'pending'`).get() as { n: number }).n;
    db.close();
    await server.stop('SIGTERM');
    server = undefined;
    if (leased > 0) {
      const afterLease = openDatabase(path);
      const mail = smtpWorker(afterLease, sink.url, { now: () => Date.now() + DEFAULT_LEASE_MS + 1_000 });
      while ((await mail.worker.runOnce()) > 0);
      await mail.stop();
      afterLease.$client.close();
    }

    // Verify with a read-only look at the file.
    const check = new Database(path, { readonly: true });
    const integrity = check.pragma('integrity_check', { simple: true });
    const stored = new Set((check.prepare('select submission_id s from leads').all() as { s: string }[]).map((r) => r.s));
    const leadIdOf = new Map((check.prepare('select submission_id s, id from leads').all() as { s: string; id: string }[]).map((r) => [r.s, r.id]));
    const outbox = check.prepare(`select status, count(*) n from outbox group by status`).all();
    check.close();

    const lost = acks.filter((a) => !stored.has(a.submissionId));
    const wrongId = acks.filter((a) => stored.has(a.submissionId) && leadIdOf.get(a.submissionId) !== a.leadId);
    const unacknowledged = stored.size - new Set(acks.map((a) => a.submissionId)).size;
    const mails = mailReport(acks, sink.messages);
    const replayed = acks.filter((a) => a.status === 200).length;
    console.log(
      `crash: acknowledged=${acks.length} lost=${lost.length} duplicates=${mails.duplicates} ` +
        `(kills=${KILLS}, clients=${CLIENTS}, answered 200 on a retry=${replayed}, retries=${acks.reduce((s, a) => s + a.attempts - 1, 0)}, ` +
        `stored but never acknowledged=${unacknowledged}, mails missing=${mails.missing.length}, mails sent=${sink.messages.length}, SMTP sessions cut by a kill=${sink.connectionErrors.length}, ` +
        `jobs leased by a killed process=${leased}, restart to 200 ms=${downtimes.join('/')}, outbox=${JSON.stringify(outbox)}, ` +
        `integrity_check=${integrity}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );

    expect(acks.length).toBeGreaterThan(KILLS * 10);
    expect(lost).toEqual([]);
    expect(wrongId).toEqual([]);
    expect(mails.missing).toEqual([]);
    expect(integrity).toBe('ok');
  }, 240_000);
});
