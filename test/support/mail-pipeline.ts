import { systemClock, type Clock } from '../../server/clock';
import type { Db } from '../../server/db/open';
import { silentLog } from '../../server/log';
import { mailMessageSchema } from '../../server/mail/message';
import { smtpMailer } from '../../server/mail/smtp-mailer';
import { createOutboxWorker } from '../../server/outbox/worker';

/** The real outbox worker sending over SMTP to `url`, with short retries for tests. */
export function smtpWorker(db: Db, url: string, clock: Clock = systemClock) {
  const mailer = smtpMailer(url);
  const worker = createOutboxWorker({
    db,
    clock,
    log: silentLog,
    pollMs: 50,
    backoff: { baseMs: 100, capMs: 400 },
    handlers: { mail: (payload) => mailer.send(mailMessageSchema.parse(payload)) },
  });
  return {
    worker,
    async stop() {
      await worker.stop();
      mailer.close?.();
    },
  };
}
