import type { VendorConfig } from '../../shared/config';
import type { Clock } from '../../server/clock';
import type { Db } from '../../server/db/open';
import { silentLog } from '../../server/log';
import { smtpMailer } from '../../server/mail/smtp-mailer';
import { jobHandlers } from '../../server/outbox/job-handlers';
import { createOutboxWorker } from '../../server/outbox/worker';
import { repActionLinks } from '../../server/security/action-links';

/**
 * The real outbox worker with every job kind main.ts registers (mail over SMTP to `url`,
 * sla-check), on the caller's clock. Tests drive it with runOnce().
 */
export function jobWorker(
  db: Db,
  url: string,
  deps: { config: VendorConfig; clock: Clock; signingKey: Buffer; publicUrl: string },
) {
  const mailer = smtpMailer(url);
  const repActions = repActionLinks(deps);
  const worker = createOutboxWorker({
    db,
    clock: deps.clock,
    log: silentLog,
    pollMs: 50,
    backoff: { baseMs: 100, capMs: 400 },
    handlers: jobHandlers({ db, config: deps.config, clock: deps.clock, mailer, repActions }),
  });
  return {
    worker,
    /** Runs everything due now, including mails queued by the jobs that ran. */
    async drain() {
      let total = 0;
      for (let n = await worker.runOnce(); n > 0; n = await worker.runOnce()) total += n;
      return total;
    },
    async stop() {
      await worker.stop();
      mailer.close?.();
    },
  };
}
