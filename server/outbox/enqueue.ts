import type { Db } from '../db/open';
import { outbox } from '../db/schema';
import type { MailMessage } from '../mail/message';

type Tx = Pick<Db, 'insert'>;

/** Adds a durable job inside the caller's transaction; the worker runs it at `runAt` or later. */
export function enqueueJob(tx: Tx, kind: string, payload: unknown, opts: { leadId?: string; now: number; runAt?: number }) {
  tx.insert(outbox)
    .values({ kind, leadId: opts.leadId ?? null, payload, runAt: opts.runAt ?? opts.now, createdAt: opts.now })
    .run();
}

/** Adds a mail to the outbox inside the caller's transaction; the worker sends it. */
export function enqueueMail(tx: Tx, message: MailMessage, opts: { leadId?: string; now: number }) {
  enqueueJob(tx, 'mail', message, opts);
}
