import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { Log } from '../log';
import { MAIL_KINDS } from '../outbox/health';

// How long personal data is kept besides the leads themselves (README, "Personal data kept").
// A sweep on the store thread (the one writer) applies it at start and then every hour:
// - a sent mail keeps its outbox row (that it went out, when) but not its payload;
// - `last_error` of rows that are done (it may quote a recipient) is cleared;
// - spam leads are deleted after `spamDays` (their history and jobs go with them);
// - development-outbox mails are deleted after `devMailDays`;
// Deleted cells are overwritten (secure_delete) during the sweep.

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

export function retentionSweep(db: Db, now: number, policy: RetentionPolicy = DEFAULT_RETENTION): SweepResult {
  const sqlite = db.$client;
  const kinds = MAIL_KINDS.map((k) => `'${k}'`).join(',');
  const secureDelete = sqlite.pragma('secure_delete', { simple: true });
  sqlite.pragma('secure_delete = ON');
  try {
    return sqlite.transaction(() => ({
      payloadsCleared: sqlite
        .prepare(`update outbox set payload = '${CLEARED_PAYLOAD}' where status = 'done' and kind in (${kinds}) and payload != '${CLEARED_PAYLOAD}'`)
        .run().changes,
      errorsCleared: sqlite.prepare(`update outbox set last_error = null where status = 'done' and last_error is not null`).run().changes,
      spamLeads: sqlite.prepare(`delete from leads where status = 'spam' and created_at <= ?`).run(now - policy.spamDays * DAY).changes,
      devMails: sqlite.prepare('delete from dev_mail where at <= ?').run(now - policy.devMailDays * DAY).changes,
    })).immediate();
  } finally {
    sqlite.pragma(`secure_delete = ${secureDelete}`);
  }
}

/** Sweeps now and every `everyMs`; stop() ends it. */
export function startRetention(opts: { db: Db; clock: Clock; log: Log; policy?: RetentionPolicy; everyMs?: number }) {
  const sweep = () => {
    try {
      const r = retentionSweep(opts.db, opts.clock.now(), opts.policy);
      if (Object.values(r).some((n) => n > 0)) opts.log.info('retention sweep', { ...r });
    } catch (error) {
      opts.log.error('retention sweep failed; it runs again later', { error: String(error) });
    }
  };
  sweep();
  const timer = setInterval(sweep, opts.everyMs ?? 60 * 60_000);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
