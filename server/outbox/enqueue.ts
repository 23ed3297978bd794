import type { Db } from '../db/open';
import { outbox } from '../db/schema';
import type { MailMessage } from '../mail/message';

type Tx = Pick<Db, 'insert'>;

/** Adds a mail to the outbox inside the caller's transaction; the worker sends it. */
export function enqueueMail(tx: Tx, message: MailMessage, opts: { leadId?: string; now: number }) {
  tx.insert(outbox)
    .values({ kind: 'mail', leadId: opts.leadId ?? null, payload: message, runAt: opts.now, createdAt: opts.now })
    .run();
}
