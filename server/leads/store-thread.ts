import type { Worker } from 'node:worker_threads';
import type { Site } from '../../shared/config';
import type { Submission } from '../../shared/submission';
import type { SubmitMeta, SubmitResult } from './submit';
import type { SubmitQueue } from './submit-queue';
import type { WriteInput, WriteKind, WriteResult } from '../threads/writes';
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

/** A write from a page (threads/writes.ts): done by the store thread, so the main thread never waits for the write lock. */
export interface WriteRequest {
  id: number;
  kind: WriteKind;
  input: WriteInput<WriteKind>;
}
export type WriteReply = { id: number; ok: true; result: WriteResult<WriteKind> } | { id: number; ok: false; error: string };

export type ToStoreThread = { type: 'submit'; batch: StoreRequest[] } | { type: 'write'; request: WriteRequest } | { type: 'nudge' } | { type: 'stop' };
export type FromStoreThread = LifecycleMessage | { type: 'stored'; replies: StoreReply[] } | { type: 'written'; reply: WriteReply };

export interface StoreThread extends SubmitQueue {
  ready: Promise<void>;
  /** Run the outbox soon: jobs were committed (new leads' mails, a rep passing a lead on). */
  nudge(): void;
  /** Performs a page's write in the store thread (server/threads/writes.ts). */
  write<K extends WriteKind>(kind: K, input: WriteInput<K>): Promise<WriteResult<K>>;
  /** Stores what was handed over, finishes the outbox batch in hand, then closes. */
  stop(): Promise<void>;
}

export function startStoreThread(worker: Worker, opts: { onFatal: (error: Error) => void }): StoreThread {
  const waiting = new Map<number, { resolve: (r: SubmitResult) => void; reject: (e: Error) => void }>();
  const acting = new Map<number, { resolve: (r: WriteResult<WriteKind>) => void; reject: (e: Error) => void }>();
  const thread = supervise(worker, {
    onFatal: opts.onFatal,
    onDeath: (error) => {
      for (const w of [...waiting.values(), ...acting.values()]) w.reject(error); // not committed: nobody was acknowledged
      waiting.clear();
      acting.clear();
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
    if (message.type === 'written') {
      const { reply } = message;
      const w = acting.get(reply.id);
      acting.delete(reply.id);
      if (reply.ok) w?.resolve(reply.result);
      else w?.reject(new Error(`the write failed: ${reply.error}`));
      return;
    }
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
    write<K extends WriteKind>(kind: K, input: WriteInput<K>) {
      const failure = thread.failure();
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      worker.postMessage({ type: 'write', request: { id, kind, input } } satisfies ToStoreThread);
      return new Promise<WriteResult<K>>((resolve, reject) => acting.set(id, { resolve: resolve as (r: WriteResult<WriteKind>) => void, reject }));
    },
    async stop() {
      await new Promise((r) => setImmediate(r)); // hand over what is still queued here
      await thread.stop();
    },
  };
}
