import type { Db } from '../db/open';
import { prepared } from '../db/prepared';
import type { MailMessage } from '../mail/message';

// `db` may be inside the caller's transaction: the prepared statement runs on its one connection,
// so the job commits (or not) together with what it belongs to.

/**
 * Adds a durable job; the worker runs it at `runAt` or later. `toProspect`: a mail to an address a
 * prospect typed, which the worker takes only after everything else that is due.
 */
export function enqueueJob(db: Db, kind: string, payload: unknown, opts: { leadId?: string; now: number; runAt?: number; toProspect?: boolean }) {
  prepared(db).insertJob.run({
    kind,
    leadId: opts.leadId ?? null,
    payload,
    runAt: opts.runAt ?? opts.now,
    createdAt: opts.now,
    toProspect: opts.toProspect ? 1 : 0,
  });
}

/** Adds a mail to the outbox; the worker sends it. */
export function enqueueMail(db: Db, message: MailMessage, opts: { leadId?: string; now: number }) {
  enqueueJob(db, 'mail', message, { ...opts, toProspect: message.purpose.startsWith('prospect-') });
}
