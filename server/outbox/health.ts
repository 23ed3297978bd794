import type { Db } from '../db/open';

// The outbox's health, derived from its rows (no counters of its own): mails waiting apart from
// scheduled checks (response deadlines), rows the worker failed on, dead rows, and how long the
// oldest waiting mail has waited. /healthz and the start log show it.

/** Job kinds that send a mail; every other kind is a scheduled check (e.g. 'sla-check'). */
export const MAIL_KINDS = ['mail', 'lead-mail'] as const;

/** A mail waiting longer than this (or a dead row) makes the outbox "stuck". */
export const STUCK_AFTER_MS = 15 * 60_000;

export interface OutboxHealth {
  mail: {
    /** Mails not sent yet (due now or backing off after a failure). */
    waiting: number;
    /** Of those, how many failed at least once and wait for a retry. */
    retrying: number;
    /** Seconds since the oldest waiting mail was queued; null when none waits. */
    oldestWaitingSeconds: number | null;
  };
  checks: {
    /** Scheduled checks not run yet (most are due later: that is normal). */
    scheduled: number;
    /** Checks whose time came more than STUCK_AFTER_MS ago and that still did not run. */
    overdue: number;
    retrying: number;
  };
  /** Rows that ran out of attempts: they stay for a human (README, Operating). */
  dead: number;
  /** Why the outbox is not healthy; empty when it is. */
  problems: string[];
}

export function outboxHealth(db: Db, now: number, stuckAfterMs = STUCK_AFTER_MS): OutboxHealth {
  const kinds = MAIL_KINDS.map((k) => `'${k}'`).join(',');
  const row = db.$client
    .prepare(
      `select
         count(*) filter (where status = 'pending' and kind in (${kinds})) as mailWaiting,
         count(*) filter (where status = 'pending' and kind in (${kinds}) and last_error is not null) as mailRetrying,
         min(created_at) filter (where status = 'pending' and kind in (${kinds})) as oldestMail,
         count(*) filter (where status = 'pending' and kind not in (${kinds})) as checksScheduled,
         count(*) filter (where status = 'pending' and kind not in (${kinds}) and run_at <= @overdueBefore) as checksOverdue,
         count(*) filter (where status = 'pending' and kind not in (${kinds}) and last_error is not null) as checksRetrying,
         count(*) filter (where status = 'dead') as dead
       from outbox where status in ('pending', 'dead')`,
    )
    .get({ overdueBefore: now - stuckAfterMs }) as Record<string, number | null>;
  const n = (v: number | null) => v ?? 0;
  const oldestWaitingSeconds = row.oldestMail == null ? null : Math.max(0, Math.round((now - row.oldestMail) / 1000));
  const problems: string[] = [];
  const minutes = Math.round(stuckAfterMs / 60_000);
  if (oldestWaitingSeconds !== null && oldestWaitingSeconds * 1000 > stuckAfterMs)
    problems.push(`mail stuck: the oldest waiting mail was queued ${Math.round(oldestWaitingSeconds / 60)} minutes ago (more than ${minutes})`);
  if (n(row.checksOverdue)) problems.push(`${n(row.checksOverdue)} scheduled check(s) more than ${minutes} minutes overdue`);
  if (n(row.dead)) problems.push(`${n(row.dead)} dead outbox row(s): out of attempts, waiting for a human`);
  return {
    mail: { waiting: n(row.mailWaiting), retrying: n(row.mailRetrying), oldestWaitingSeconds },
    checks: { scheduled: n(row.checksScheduled), overdue: n(row.checksOverdue), retrying: n(row.checksRetrying) },
    dead: n(row.dead),
    problems,
  };
}
