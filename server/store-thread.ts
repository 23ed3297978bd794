import type { StoreReply, ToStoreThread } from './leads/store-thread';
import { createSubmitQueue } from './leads/submit-queue';
import { devOutboxMailer } from './mail/dev-outbox-mailer';
import { smtpMailer } from './mail/smtp-mailer';
import { jobHandlers } from './outbox/job-handlers';
import { createOutboxWorker } from './outbox/worker';
import { threadContext } from './threads/thread-context';

// The store thread, started by main.ts (server/leads/store-thread.ts is its main-thread side):
// qualify → route → store (lead, history, outbox rows; group commit) for the submissions the main
// thread validated, and the outbox worker that sends the mails (SMTP_URL, else the development
// outbox) and runs the response deadlines. All writes of both go through this thread's one
// connection, so they never wait for each other's locks.

const { init, port, db, config, clock, log, repActions, ready, stopped } = threadContext();
const sites = new Map(config.sites.map((s) => [s.key, s]));
const queue = createSubmitQueue({ db, config, clock });
const mailer = init.smtpUrl ? smtpMailer(init.smtpUrl) : devOutboxMailer(db, clock);
const worker = createOutboxWorker({
  db,
  clock,
  log,
  handlers: jobHandlers({ db, config, clock, mailer, repActions, onMailQueued: () => worker.nudge() }),
  // Storing a lead (a prospect waits for the answer) goes before sending mail (nobody waits).
  busy: () => queue.busy(),
});

// Replies of one turn of the event loop travel together.
let replies: StoreReply[] = [];
let replying = false;
function reply(r: StoreReply) {
  replies.push(r);
  if (replying) return;
  replying = true;
  setImmediate(() => {
    replying = false;
    port.postMessage({ type: 'stored', replies }); // main.ts nudges the worker for the new leads' mails
    replies = [];
  });
}

port.on('message', async (message: ToStoreThread) => {
  if (message.type === 'submit') {
    for (const { id, site, sub, meta } of message.batch) {
      queue.submit(sites.get(site)!, sub, meta).then(
        (result) => reply({ id, ok: true, result }),
        (error: unknown) => reply({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    }
  } else if (message.type === 'nudge') {
    worker.nudge();
  } else {
    // Messages arrive in order: every submission handed over is queued. Let its batch commit and
    // its reply go out, finish the outbox batch in hand (not the backlog), then close.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    await worker.stop();
    mailer.close?.();
    stopped();
  }
});

worker.start();
ready();
