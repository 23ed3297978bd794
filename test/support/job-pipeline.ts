import { randomBytes } from 'node:crypto';
import type { VendorConfig } from '../../shared/config';
import { systemClock, type Clock } from '../../server/clock';
import type { Db } from '../../server/db/open';
import { silentLog } from '../../server/log';
import type { Mailer } from '../../server/mail/message';
import { smtpMailer } from '../../server/mail/smtp-mailer';
import { jobHandlers } from '../../server/outbox/job-handlers';
import { createOutboxWorker, type JobHandler } from '../../server/outbox/worker';
import { repActionLinks } from '../../server/security/action-links';
import { prospectPageLinks } from '../../server/security/prospect-links';
import type { SigningKeys } from '../../server/security/signed-token';
import { exampleConfig } from './fixtures';

// The real outbox worker for tests, sending over SMTP to `url` with short retries.

function testWorker(db: Db, clock: Clock, mailer: Mailer, handlers: Record<string, JobHandler>) {
  const worker = createOutboxWorker({ db, clock, log: silentLog, pollMs: 50, backoff: { baseMs: 100, capMs: 400 }, handlers });
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

/** The worker of a server whose signing key the test does not know (its action links are signed with a key of their own). */
export function smtpWorker(db: Db, url: string, clock: Clock = systemClock, config: VendorConfig = exampleConfig()) {
  return jobWorker(db, url, { config, clock, signingKey: randomBytes(32), publicUrl: 'http://koers.test' });
}

/** Every job kind main.ts registers (mail, lead-mail, sla-check), on the caller's clock. Tests drive it with runOnce(). */
export function jobWorker(db: Db, url: string, deps: { config: VendorConfig; clock: Clock; signingKey: SigningKeys; publicUrl: string }) {
  const mailer = smtpMailer(url);
  const repActions = repActionLinks(deps);
  const prospectPage = prospectPageLinks(deps);
  return testWorker(db, deps.clock, mailer, jobHandlers({ db, config: deps.config, clock: deps.clock, mailer, repActions, prospectPage }));
}
