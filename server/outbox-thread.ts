import { devOutboxMailer } from './mail/dev-outbox-mailer';
import { smtpMailer } from './mail/smtp-mailer';
import type { ToOutboxThread } from './outbox/outbox-thread';
import { jobHandlers } from './outbox/job-handlers';
import { createOutboxWorker } from './outbox/worker';
import { threadContext } from './threads/thread-context';

// The outbox thread, started by main.ts (server/outbox/outbox-thread.ts is its main-thread side):
// the outbox worker sends the mails (SMTP_URL, else the development outbox) and runs the response
// deadlines (sla-check), on this thread's own connection.

const { init, port, db, config, clock, log, repActions, ready, stopped } = threadContext();
const mailer = init.smtpUrl ? smtpMailer(init.smtpUrl) : devOutboxMailer(db, clock);
const worker = createOutboxWorker({
  db,
  clock,
  log,
  handlers: jobHandlers({ db, config, clock, mailer, repActions, onMailQueued: () => worker.nudge() }),
});

port.on('message', async (message: ToOutboxThread) => {
  if (message.type === 'nudge') return worker.nudge();
  await worker.stop(); // the batch in hand, not the whole backlog
  mailer.close?.();
  stopped();
});

worker.start();
ready();
