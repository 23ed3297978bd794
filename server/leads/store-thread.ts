import type { Worker } from 'node:worker_threads';
import type { Site } from '../../shared/config';
import type { Submission } from '../../shared/submission';
import type { SubmitMeta, SubmitResult } from './submit';
import type { SubmitQueue } from './submit-queue';
import { supervise, type LifecycleMessage } from '../threads/thread-of';

// The main thread's side of the store thread (server/store-thread.ts). The main thread answers
// HTTP and validates; the store thread qualifies, routes and stores each lead with its mails
// (group commit, submit-queue.ts) and runs the outbox worker. Storing waits for the disk, and with
// the CPU work of a lead it was most of the time per request: in its own thread it no longer holds
// up the parsing and checking of the next requests, and another core does it. A request is still
// answered only after its lead is committed.

export interface StoreRequest {
  id: number;
  site: string;
  sub: Submission;
  meta: SubmitMeta;
}
export type StoreReply = { id: number; ok: true; result: SubmitResult } | { id: number; ok: false; error: string };

export type ToStoreThread = { type: 'submit'; batch: StoreRequest[] } | { type: 'nudge' } | { type: 'stop' };
export type FromStoreThread = LifecycleMessage | { type: 'stored'; replies: StoreReply[] };

export interface StoreThread extends SubmitQueue {
  ready: Promise<void>;
  /** Run the outbox soon: jobs were committed (new leads' mails, a rep passing a lead on). */
  nudge(): void;
  /** Stores what was handed over, finishes the outbox batch in hand, then closes. */
  stop(): Promise<void>;
}

export function startStoreThread(worker: Worker, opts: { onFatal: (error: Error) => void }): StoreThread {
  const waiting = new Map<number, { resolve: (r: SubmitResult) => void; reject: (e: Error) => void }>();
  const thread = supervise(worker, {
    onFatal: opts.onFatal,
    onDeath: (error) => {
      for (const w of waiting.values()) w.reject(error); // not committed: nobody was acknowledged
      waiting.clear();
    },
  });
  let nextId = 1;
  let outgoing: StoreRequest[] = [];
  let nudged = false;
  let scheduled = false;

  // One message per turn of the event loop, however many requests arrived in it.
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (outgoing.length) worker.postMessage({ type: 'submit', batch: outgoing } satisfies ToStoreThread);
      if (nudged) worker.postMessage({ type: 'nudge' } satisfies ToStoreThread);
      outgoing = [];
      nudged = false;
    });
  }

  worker.on('message', (message: FromStoreThread) => {
    if (message.type !== 'stored') return;
    for (const reply of message.replies) {
      const w = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (!w) continue;
      if (reply.ok) w.resolve(reply.result);
      else w.reject(new Error(`storing the lead failed: ${reply.error}`));
    }
  });

  return {
    ready: thread.ready,
    submit(site: Site, sub: Submission, meta: SubmitMeta = {}) {
      // A repeated submissionId is answered by the store thread too (200, nothing new stored).
      const failure = thread.failure();
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      outgoing.push({ id, site: site.key, sub, meta });
      schedule();
      return new Promise<SubmitResult>((resolve, reject) => waiting.set(id, { resolve, reject }));
    },
    nudge() {
      nudged = true;
      schedule();
    },
    async stop() {
      await new Promise((r) => setImmediate(r)); // hand over what is still queued here
      await thread.stop();
    },
  };
}
