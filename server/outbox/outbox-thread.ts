import type { Worker } from 'node:worker_threads';
import { supervise } from '../threads/thread-of';

// The main thread's side of the outbox thread (server/outbox-thread.ts), which runs the outbox
// worker: mails and response deadlines. Its own thread and connection: sending never delays an
// answer to a prospect, and waiting for the database lock blocks only this thread.

export type ToOutboxThread = { type: 'nudge' } | { type: 'stop' };

export interface OutboxThread {
  ready: Promise<void>;
  /** Run the outbox soon: something committed jobs (a lead, a rep passing one on). */
  nudge(): void;
  /** Finishes the batch in hand, then closes. */
  stop(): Promise<void>;
}

export function startOutboxThread(worker: Worker, opts: { onFatal: (error: Error) => void }): OutboxThread {
  const thread = supervise(worker, { onFatal: opts.onFatal });
  let nudged = false;
  return {
    ready: thread.ready,
    nudge() {
      if (nudged || thread.failure()) return;
      nudged = true; // one message per turn of the event loop, however many leads were stored
      setImmediate(() => {
        nudged = false;
        worker.postMessage({ type: 'nudge' } satisfies ToOutboxThread);
      });
    },
    stop: () => thread.stop(),
  };
}
