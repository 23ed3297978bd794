import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { perDatabase } from '../db/prepared';
import type { Log } from '../log';
import { MAIL_KINDS } from '../outbox/health';

// How long personal data is kept besides the leads themselves (README, "Personal data kept").
// A sweep on the store thread (the one writer) applies it shortly after start and then every hour:
// - a sent mail keeps its outbox row (that it went out, when) but not its payload;
// - `last_error` of rows that are done (it may quote a recipient) is cleared;
// - spam leads are deleted after `spamDays` (their history and jobs go with them);
// - development-outbox mails are deleted after `devMailDays`;
// Deleted cells are overwritten (secure_delete) during the sweep.
//
// The sweep goes in small steps, each its own short transaction over at most STEP_ROWS outbox ids
// or BATCH rows, and the running server yields to other work between steps: the first sweep of a
// database with millions of sent mails must not hold the write lock (and the store thread) for
// minutes while prospects wait for their 201.

export interface RetentionPolicy {
  spamDays: number;
  devMailDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { spamDays: 30, devMailDays: 14 };

export interface SweepResult {
  payloadsCleared: number;
  errorsCleared: number;
  spamLeads: number;
  devMails: number;
}

const DAY = 24 * 60 * 60_000;
/** A payload cleared once sent: JSON null (the column is NOT NULL). */
export const CLEARED_PAYLOAD = 'null';
/** Outbox ids looked at per step (a window of the primary key, whatever it holds). */
const STEP_ROWS = 2_000;
/** Spam leads or development mails deleted per step. */
const BATCH = 200;

const statements = perDatabase((db: Db) => {
  const sqlite = db.$client;
  const kinds = MAIL_KINDS.map((k) => `'${k}'`).join(',');
  return {
    maxOutboxId: sqlite.prepare<[], { id: number | null }>('select max(id) as id from outbox'),
    // `+status`, `+kind`: walk the id window, never the (status, run_at) index — that would read
    // every done row of the table for each window.
    clearPayloads: sqlite.prepare<[number, number]>(
      `update outbox set payload = '${CLEARED_PAYLOAD}' where id > ? and id <= ? and +status = 'done' and +kind in (${kinds}) and payload != '${CLEARED_PAYLOAD}'`,
    ),
    clearErrors: sqlite.prepare<[number, number]>(`update outbox set last_error = null where id > ? and id <= ? and +status = 'done' and last_error is not null`),
    // Spam has no rep: the (rep_id, status) index finds exactly the spam leads.
    deleteSpam: sqlite.prepare<[number, number]>(
      `delete from leads where id in (select id from leads where rep_id is null and status = 'spam' and created_at <= ? limit ?)`,
    ),
    deleteDevMails: sqlite.prepare<[number, number]>('delete from dev_mail where id in (select id from dev_mail where at <= ? order by id limit ?)'),
  };
});

/** One sweep as a sequence of steps; each step is one short transaction. */
function* sweepSteps(db: Db, now: number, policy: RetentionPolicy): Generator<void, SweepResult> {
  const s = statements(db);
  const result: SweepResult = { payloadsCleared: 0, errorsCleared: 0, spamLeads: 0, devMails: 0 };
  const step = (work: () => void) => {
    const sqlite = db.$client;
    const secureDelete = sqlite.pragma('secure_delete', { simple: true });
    sqlite.pragma('secure_delete = ON');
    try {
      sqlite.transaction(work).immediate();
    } finally {
      sqlite.pragma(`secure_delete = ${secureDelete}`);
    }
  };

  const last = s.maxOutboxId.get()?.id ?? 0;
  for (let from = 0; from < last; from += STEP_ROWS) {
    step(() => {
      result.payloadsCleared += s.clearPayloads.run(from, from + STEP_ROWS).changes;
      result.errorsCleared += s.clearErrors.run(from, from + STEP_ROWS).changes;
    });
    yield;
  }
  // Batches until one comes back short: nothing older is left.
  let deleted = BATCH;
  while (deleted === BATCH) {
    step(() => void (deleted = s.deleteSpam.run(now - policy.spamDays * DAY, BATCH).changes));
    result.spamLeads += deleted;
    yield;
  }
  deleted = BATCH;
  while (deleted === BATCH) {
    step(() => void (deleted = s.deleteDevMails.run(now - policy.devMailDays * DAY, BATCH).changes));
    result.devMails += deleted;
    yield;
  }
  return result;
}

/** A whole sweep at once (tests, tools). */
export function retentionSweep(db: Db, now: number, policy: RetentionPolicy = DEFAULT_RETENTION): SweepResult {
  const steps = sweepSteps(db, now, policy);
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

/**
 * Sweeps soon after start and then every `everyMs`, one step per turn of the event loop so that
 * leads and mail go on between steps; stop() ends it. `swept` resolves after each sweep.
 */
export function startRetention(opts: { db: Db; clock: Clock; log: Log; policy?: RetentionPolicy; everyMs?: number }) {
  let stopped = false;
  let running: Promise<void> | undefined;
  const sweep = (): Promise<void> =>
    (running ??= (async () => {
      try {
        const steps = sweepSteps(opts.db, opts.clock.now(), opts.policy ?? DEFAULT_RETENTION);
        let next = steps.next();
        while (!next.done && !stopped) {
          await new Promise((r) => setImmediate(r));
          next = steps.next();
        }
        if (next.done && Object.values(next.value).some((n) => n > 0)) opts.log.info('retention sweep', { ...next.value });
      } catch (error) {
        opts.log.error('retention sweep failed; it runs again later', { error: String(error) });
      } finally {
        running = undefined;
      }
    })());
  const first = setTimeout(sweep, 0);
  const timer = setInterval(sweep, opts.everyMs ?? 60 * 60_000);
  timer.unref();
  return {
    sweep,
    stop: () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
