import { createSubmitQueue } from './leads/submit-queue';
import type { StoreReply, ToStoreThread } from './leads/store-thread';
import { threadContext } from './threads/thread-context';

// The store thread, started by main.ts (server/leads/store-thread.ts is its main-thread side):
// qualify → route → store (lead, history, outbox rows; group commit) for the submissions the main
// thread validated. Every lead of the request path is written on this thread's one connection.

const { port, db, config, clock, repActions, ready, stopped } = threadContext();
const sites = new Map(config.sites.map((s) => [s.key, s]));
const queue = createSubmitQueue({ db, config, clock, repActions });

// Replies of one turn of the event loop travel together.
let replies: StoreReply[] = [];
let replying = false;
function reply(r: StoreReply) {
  replies.push(r);
  if (replying) return;
  replying = true;
  setImmediate(() => {
    replying = false;
    port.postMessage({ type: 'stored', replies });
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
  } else {
    // Messages arrive in order: every submission handed over is queued. Let its batch commit
    // and its reply go out, then close.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    stopped();
  }
});

ready();
