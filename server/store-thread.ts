import type { StoreReply, ToStoreThread, WriteReply } from './leads/store-thread';
import { runWrite } from './threads/writes';
import { rerouteOrphanedLeads } from './leads/orphaned-leads';
import { createSubmitQueue } from './leads/submit-queue';
import { processVersions, recordProcessVersions, type ProcessVersions } from './leads/process-versions';
import { devOutboxMailer } from './mail/dev-outbox-mailer';
import { smtpMailer } from './mail/smtp-mailer';
import { jobHandlers } from './outbox/job-handlers';
import { createOutboxWorker } from './outbox/worker';
import { startRetention } from './privacy/retention';
import { threadContext } from './threads/thread-context';
import type { ConfigApplied, ConfigMessage } from './threads/thread-of';
import type { VendorConfig } from '../shared/config';

// The store thread, started by main.ts (server/leads/store-thread.ts is its main-thread side):
// qualify → route → store (lead, history, outbox rows; group commit) for the submissions the main
// thread validated, and the outbox worker that sends the mails (SMTP_URL, else the development
// outbox) and runs the response deadlines; and the reps' actions from their links. All writes go
// through this thread's one connection, so they never wait for each other's locks, and the main
// thread (HTTP) never waits for the write lock (an erase's VACUUM holds it for seconds).

const { init, port, db, clock, log, repActions, prospectPage, ready, stopped } = threadContext();
// All of these are replaced when main.ts sends a new config (SIGHUP: { type: 'config' }).
let config = init.config;
let sites = new Map(config.sites.map((s) => [s.key, s]));
let queue = createSubmitQueue({ db, config, clock, prospectPage });
const mailer = init.smtpUrl ? smtpMailer(init.smtpUrl) : devOutboxMailer(db, clock);
let webhookKeys = init.webhookKeys ?? {};
const handlersFor = (c: VendorConfig) => jobHandlers({ db, config: c, clock, log, mailer, repActions, prospectPage, webhookKeys, onMailQueued: () => worker.nudge() });
const handlers = handlersFor(config); // the worker looks a handler up per job: replaced in place
const worker = createOutboxWorker({
  db,
  clock,
  log,
  handlers,
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

port.on('message', async (message: ToStoreThread | ConfigMessage) => {
  if (message.type === 'submit') {
    recordVersions();
    for (const { id, site, sub, meta } of message.batch) {
      queue.submit(sites.get(site)!, sub, meta).then(
        (result) => reply({ id, ok: true, result }),
        (error: unknown) => reply({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    }
  } else if (message.type === 'write') {
    const { id, kind, input } = message.request;
    let reply: WriteReply;
    try {
      const result = runWrite({ db, config, clock, repActions, prospectPage }, kind, input);
      worker.nudge(); // the mails it may have queued (a hand-over, an answer to the prospect)
      reply = { id, ok: true, result };
    } catch (error) {
      reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage({ type: 'written', reply });
  } else if (message.type === 'nudge') {
    worker.nudge();
  } else if (message.type === 'config') {
    // Submissions the main thread checked under the old config may still arrive: a removed site
    // stays known here (the main thread no longer accepts leads for it).
    config = message.config;
    webhookKeys = message.webhookKeys ?? webhookKeys;
    sites = new Map([...sites, ...config.sites.map((s) => [s.key, s] as const)]);
    queue = createSubmitQueue({ db, config, clock, prospectPage });
    Object.assign(handlers, handlersFor(config));
    unrecorded = processVersions(config);
    recordVersions(); // before config-applied: the main thread then shows forms of these versions
    rerouteOrphans();
    worker.nudge();
    port.postMessage({ type: 'config-applied' } satisfies ConfigApplied);
  } else {
    // Messages arrive in order: every submission handed over is queued. Let its batch commit and
    // its reply go out, finish the outbox batch in hand (not the backlog), then close.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    await worker.stop();
    retention.stop();
    mailer.close?.();
    stopped();
  }
});

/** Open leads of reps no longer in the config are routed again (at start and after a reload). */
function rerouteOrphans() {
  try {
    rerouteOrphanedLeads({ db, config, clock, log, repActions, prospectPage });
  } catch (error) {
    // New leads must still be taken; the next start or reload tries again.
    log.error('Routing the leads of removed reps again failed', { error: error instanceof Error ? error.message : String(error) });
  }
}

/** The config's process versions not yet stored (process-versions.ts): tried again before the next leads are stored. */
let unrecorded: ProcessVersions | undefined = processVersions(config);
function recordVersions() {
  if (!unrecorded) return;
  try {
    const added = recordProcessVersions(db, unrecorded, clock.now());
    if (added) log.info(`Stored ${added} new process version(s): the process text a form shows changed or is new`);
    unrecorded = undefined;
  } catch (error) {
    // A lead is never refused for it: its version id is stored with it, the text on the next try.
    log.error('Storing the process versions failed; trying again with the next leads', { error: error instanceof Error ? error.message : String(error) });
  }
}

recordVersions(); // before ready: main.ts serves forms only after it
rerouteOrphans(); // before the worker starts: its first batch sends their mails
worker.start();
// Spam leads, development mails, sent mails' payloads: at start, then hourly (privacy/retention.ts).
const retention = startRetention({ db, clock, log, policy: init.retention });
ready();
