import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { p, perDatabase, reader, writer } from '../db/prepared';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { outbox } from '../db/schema';
import type { Log } from '../log';
import { backoffDelay, type BackoffOptions } from './backoff';
import { outboxHealth } from './health';
import { redactEmails } from '../privacy/redact';

// Runs the durable jobs of the outbox: claims due rows with a lease (a crashed process's claims
// expire and are taken again), runs each kind's handler, marks it done or schedules a retry.
// Rows are never deleted; after maxAttempts a row is "dead" and stays for a human to see.

/** A killed worker's claims are taken again after this; longer than any one send should take. */
export const DEFAULT_LEASE_MS = 30_000;

export type JobHandler = ((payload: unknown, job: { id: number; leadId: string | null; attempts: number; signal?: AbortSignal }) => Promise<void>) & {
  /** Its own retries (e.g. webhooks: about a day); else the worker's maxAttempts and backoff. */
  retry?: RetryPolicy;
};

/** Thrown by a handler when trying again cannot help (an endpoint said it is gone): the row is dead at once. */
export class JobGaveUp extends Error {}

/**
 * The claim lanes (the `to_prospect` column): 0 reps' mail and checks, 1 mail to prospects (after
 * lane 0), 2 the background lane: work that waits on strangers' servers (webhooks, up to 10 s an
 * attempt). Its jobs are claimed apart, at most BACKGROUND_LIMIT at a time and one per `payload.url`
 * (in order per receiver), and run beside the mail batches, never holding them up.
 */
export const BACKGROUND_LANE = 2;
export const BACKGROUND_LIMIT = 8;

export interface RetryPolicy {
  maxAttempts: number;
  backoff: BackoffOptions;
}

export interface OutboxWorkerOptions {
  db: Db;
  clock: Clock;
  log: Log;
  handlers: Record<string, JobHandler>;
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  /**
   * More urgent work is waiting (the store thread: submissions). Then the worker runs at most one
   * batch per `busyEveryMs`, so mail keeps flowing under load without taking the thread from it.
   */
  busy?: () => boolean;
  busyEveryMs?: number;
  /** Background jobs at a time (default BACKGROUND_LIMIT). */
  backgroundLimit?: number;
}

export interface OutboxWorker {
  /** Claims and runs what is due now; resolves with how many jobs ran. */
  runOnce(): Promise<number>;
  start(): void;
  /** Run soon (after a commit that added jobs). */
  nudge(): void;
  /** Resolves once the background jobs running now have finished (tests). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export function createOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, log, handlers } = opts;
  const pollMs = opts.pollMs ?? 1000;
  const batchSize = opts.batchSize ?? 20;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const maxAttempts = opts.maxAttempts ?? 25;
  const backoff = opts.backoff ?? { baseMs: 5_000, capMs: 30 * 60_000 };
  const random = opts.random ?? Math.random;

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  let stopping = false;
  let again = false;
  let yielded = false;
  let lastBatchAt = -Infinity;
  const backgroundLimit = opts.backgroundLimit ?? BACKGROUND_LIMIT;
  /** Background jobs running, by their `payload.url`. */
  const background = new Map<string, Promise<void>>();
  let stopSignal = new AbortController();

  /**
   * The worker's own bookkeeping (claims, done, retry times) guards at-least-once work: if a power
   * loss drops it, a job only runs again. So it skips the fsync wait that leads need (a process
   * crash loses nothing either way in WAL mode).
   */
  function bookkeeping<T>(write: () => T): T {
    // Not prepared once: SQLite applies `pragma synchronous = …` when the statement is prepared.
    const level = db.$client.pragma('synchronous', { simple: true });
    db.$client.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      db.$client.pragma(`synchronous = ${level}`);
    }
  }

  function claim() {
    const now = clock.now();
    const q = statements(db);
    const unreadable: { id: number; kind: string; error: string }[] = [];
    const jobs = bookkeeping(() =>
      db.$client.transaction(() => {
        const claimed = [];
        const first = q.due.all({ now, toProspect: 0, limit: batchSize });
        const due = first.length < batchSize ? [...first, ...q.due.all({ now, toProspect: 1, limit: batchSize - first.length })] : first;
        for (const job of due) {
          // A payload that is not JSON can never run: that row goes dead, the others run.
          let payload: unknown;
          try {
            payload = JSON.parse(job.payload);
          } catch {
            const error = 'payload is not valid JSON'; // not the parser's message: it quotes the payload
            q.retry.run({ id: job.id, status: 'dead', runAt: job.runAt, lastError: error.slice(0, 1000) });
            unreadable.push({ id: job.id, kind: job.kind, error });
            continue;
          }
          q.lease.run({ id: job.id, lockedUntil: now + leaseMs, attempts: job.attempts + 1 });
          claimed.push({ id: job.id, leadId: job.leadId, kind: job.kind, payload, attempts: job.attempts + 1 });
        }
        return claimed;
      }).immediate(),
    );
    for (const u of unreadable) log.error('outbox job has an unreadable payload; it is dead and stays in the outbox', { job: u.id, kind: u.kind, error: u.error });
    return { jobs, seen: jobs.length + unreadable.length };
  }

  /** Claims due background jobs up to the limit, one per receiver not already being sent to, and starts them. */
  function startBackground() {
    if (stopping || background.size >= backgroundLimit) return;
    const now = clock.now();
    const q = statements(db);
    const started = bookkeeping(() =>
      db.$client.transaction(() => {
        const picked: { id: number; leadId: string | null; kind: string; payload: unknown; attempts: number; key: string }[] = [];
        const taken = new Set(background.keys());
        // A receiver's jobs are due in order: look a little further than the free places.
        const busy = JSON.stringify([...taken]);
        for (const job of q.dueBackground.all({ now, busy, limit: (backgroundLimit - background.size) * 8 }) as DueRow[]) {
          if (picked.length + background.size >= backgroundLimit) break;
          let payload: unknown;
          try {
            payload = JSON.parse(job.payload);
          } catch {
            q.retry.run({ id: job.id, status: 'dead', runAt: job.runAt, lastError: 'payload is not valid JSON' });
            continue;
          }
          const key = String((payload as { url?: unknown })?.url ?? `job ${job.id}`);
          if (taken.has(key)) continue;
          taken.add(key);
          q.lease.run({ id: job.id, lockedUntil: now + leaseMs, attempts: job.attempts + 1 });
          picked.push({ id: job.id, leadId: job.leadId, kind: job.kind, payload, attempts: job.attempts + 1, key });
        }
        return picked;
      }).immediate(),
    );
    for (const job of started) {
      const run = runJob(job)
        .catch((error) => log.error('outbox job bookkeeping failed; its lease runs out and it is taken again', { error: redactEmails(String(error)) }))
        .finally(() => {
          background.delete(job.key);
          if (!stopping) schedule(0); // its receiver's next job, or another's
        });
      background.set(job.key, run);
    }
  }

  async function runJob(job: ReturnType<typeof claim>['jobs'][number]) {
    const q = statements(db);
    const signal = stopSignal.signal;
    try {
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job.payload, { id: job.id, leadId: job.leadId, attempts: job.attempts, signal });
      bookkeeping(() => q.done.run({ id: job.id, now: clock.now() }));
    } catch (err) {
      // Stopped mid-job: its lease runs out and the next start takes it again (the attempt is not held against it).
      if (signal.aborted) return;
      // SMTP errors echo recipients ("550 <sanne@…> unknown"): no addresses in the row or the log.
      const message = redactEmails(err instanceof Error ? err.message : String(err));
      const policy = handlers[job.kind]?.retry;
      const dead = err instanceof JobGaveUp || job.attempts >= (policy?.maxAttempts ?? maxAttempts);
      const runAt = clock.now() + backoffDelay(job.attempts, policy?.backoff ?? backoff, random);
      bookkeeping(() => q.retry.run({ id: job.id, status: dead ? 'dead' : 'pending', runAt, lastError: message.slice(0, 1000) }));
      const data = { job: job.id, kind: job.kind, attempt: job.attempts, error: message };
      if (dead) log.error('outbox job gave up after its last attempt; it stays in the outbox', data);
      else log.warn('outbox job failed; will retry', { ...data, retryInMs: runAt - clock.now() });
    }
  }

  async function runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      if (stopping) return total; // stop() waits for the batch in hand, not for the whole backlog
      if (opts.busy?.() && performance.now() - lastBatchAt < (opts.busyEveryMs ?? 1000)) {
        yielded = true;
        return total;
      }
      lastBatchAt = performance.now();
      startBackground();
      const { jobs, seen } = claim();
      if (!seen) return total;
      // Settled, not all: one job's failure (even in its own bookkeeping) never stops the others.
      const results = await Promise.allSettled(jobs.map(runJob));
      for (const r of results) if (r.status === 'rejected') log.error('outbox job bookkeeping failed; its lease runs out and it is taken again', { error: redactEmails(String(r.reason)) });
      total += jobs.length;
      if (seen < batchSize) return total;
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
  }

  function tick() {
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .catch((err) => {
        log.error('outbox worker pass failed', { error: redactEmails(String(err)) });
        return 0;
      })
      .finally(() => {
        running = undefined;
        const soon = again;
        const retry = yielded;
        again = yielded = false;
        schedule(soon ? 0 : retry ? 100 : pollMs);
      });
  }

  return {
    runOnce,
    start() {
      stopped = false;
      stopping = false;
      stopSignal = new AbortController();
      schedule(0);
    },
    nudge() {
      if (running) again = true;
      else schedule(0);
    },
    async settled() {
      while (background.size) await Promise.all(background.values());
    },
    async stop() {
      stopped = true;
      stopping = true;
      clearTimeout(timer);
      stopSignal.abort(); // background jobs end now; their leases run out
      await running;
      await Promise.all(background.values());
    },
  };
}

interface DueRow {
  id: number;
  leadId: string | null;
  kind: string;
  payload: string;
  attempts: number;
  runAt: number;
}

/** The worker's statements, prepared once per database (building SQL per job cost more than the job's bookkeeping). */
const statements = perDatabase((db: Db) => {
  const set = (name: string) => sql`${p(name)}`; // drizzle's update().set() takes SQL, not placeholders
  return {
    // Mails to prospect addresses (a new lead's confirmation, a hand-over notice) are claimed after
    // everything else that is due: a flood of confirmations (or their retries) never holds up a
    // rep's lead mail or a deadline. One index range each (outbox_due), however long the backlog.
    due: reader(
      db,
      db
        .select({ id: outbox.id, leadId: outbox.leadId, kind: outbox.kind, payload: outbox.payload, attempts: outbox.attempts, runAt: outbox.runAt })
        .from(outbox)
        .where(
          and(
            eq(outbox.status, 'pending'),
            eq(outbox.toProspect, sql`${p('toProspect')}`),
            lte(outbox.runAt, p('now')),
            or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, p('now'))),
          ),
        )
        .orderBy(asc(outbox.runAt), asc(outbox.id))
        .limit(p('limit')),
      // The payload stays text here: claim() parses each row's on its own.
      (row: { id: number; lead_id: string | null; kind: string; payload: string; attempts: number; run_at: number }) => ({
        id: row.id,
        leadId: row.lead_id,
        kind: row.kind,
        payload: row.payload,
        attempts: row.attempts,
        runAt: row.run_at,
      }),
    ),
    // The background lane without the receivers being sent to now: one slow receiver's backlog
    // never fills the window the others are picked from.
    dueBackground: db.$client.prepare(
      `select id, lead_id as leadId, kind, payload, attempts, run_at as runAt from outbox
       where status = 'pending' and to_prospect = ${BACKGROUND_LANE} and run_at <= @now and (locked_until is null or locked_until <= @now)
         and coalesce(case when json_valid(payload) then json_extract(payload, '$.url') end, '') not in (select value from json_each(@busy))
       order by run_at, id limit @limit`,
    ),
    lease: writer(db, db.update(outbox).set({ lockedUntil: set('lockedUntil'), attempts: set('attempts') }).where(eq(outbox.id, p('id')))),
    done: writer(db, db.update(outbox).set({ status: 'done', doneAt: set('now'), lockedUntil: null, lastError: null }).where(eq(outbox.id, p('id')))),
    retry: writer(
      db,
      db.update(outbox).set({ status: set('status'), runAt: set('runAt'), lockedUntil: null, lastError: set('lastError') }).where(eq(outbox.id, p('id'))),
    ),
  };
});

/** Outbox counts for the admin API: mails waiting (`pending`) apart from scheduled checks, and dead rows. /healthz has more (outbox/health.ts). */
export function outboxCounts(db: Db) {
  const h = outboxHealth(db, Date.now());
  return { pending: h.mail.waiting, checks: h.checks.scheduled, dead: h.dead };
}
