import type { Db } from '../db/open';

// The outbox's health, derived from its rows (no counters of its own): mails waiting apart from
// scheduled checks (response deadlines) and webhook deliveries, rows the worker failed on, dead
// rows, and how long the oldest waiting mail has waited. /healthz and the start log show it.

/** Job kinds that send a mail; every other kind but webhooks is a scheduled check (e.g. 'sla-check'). */
export const MAIL_KINDS = ['mail', 'lead-mail'] as const;
/**
 * Webhook deliveries: counted apart and never a health problem — a customer's receiver being down
 * for a day says nothing about this server (the admin API lists failed deliveries).
 */
const WEBHOOK_KIND = 'webhook';

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
  webhooks: {
    /** Deliveries not made yet (due now or backing off after a failure). */
    waiting: number;
    retrying: number;
    /** Deliveries that ran out of attempts (see GET /api/v1/admin/webhooks/{endpoint}/deliveries). */
    failed: number;
  };
  /** Mails and checks that ran out of attempts: they stay for a human (README, Operating). */
  dead: number;
  /** Why the outbox is not healthy; empty when it is. */
  problems: string[];
}

export function outboxHealth(db: Db, now: number, stuckAfterMs = STUCK_AFTER_MS): OutboxHealth {
  const kinds = MAIL_KINDS.map((k) => `'${k}'`).join(',');
  const others = [...MAIL_KINDS, WEBHOOK_KIND].map((k) => `'${k}'`).join(',');
  const row = db.$client
    .prepare(
      `select
         count(*) filter (where status = 'pending' and kind in (${kinds})) as mailWaiting,
         count(*) filter (where status = 'pending' and kind in (${kinds}) and last_error is not null) as mailRetrying,
         min(created_at) filter (where status = 'pending' and kind in (${kinds})) as oldestMail,
         count(*) filter (where status = 'pending' and kind not in (${others})) as checksScheduled,
         count(*) filter (where status = 'pending' and kind not in (${others}) and run_at <= @overdueBefore) as checksOverdue,
         count(*) filter (where status = 'pending' and kind not in (${others}) and last_error is not null) as checksRetrying,
         count(*) filter (where status = 'pending' and kind = '${WEBHOOK_KIND}') as webhooksWaiting,
         count(*) filter (where status = 'pending' and kind = '${WEBHOOK_KIND}' and last_error is not null) as webhooksRetrying,
         count(*) filter (where status = 'dead' and kind = '${WEBHOOK_KIND}') as webhooksFailed,
         count(*) filter (where status = 'dead' and kind != '${WEBHOOK_KIND}') as dead
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
    webhooks: { waiting: n(row.webhooksWaiting), retrying: n(row.webhooksRetrying), failed: n(row.webhooksFailed) },
    dead: n(row.dead),
    problems,
  };
}
