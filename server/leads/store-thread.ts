import type { Worker } from 'node:worker_threads';
import type { Site } from '../../shared/config';
import type { Submission } from '../../shared/submission';
import type { SubmitMeta, SubmitResult } from './submit';
import type { SubmitQueue } from './submit-queue';
import type { ActionClaim } from '../security/action-links';
import type { ActionResult } from './rep-action';
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

/** A rep's action from a signed link: written by the store thread, so the main thread never waits for the write lock. */
export interface RepActionRequest {
  id: number;
  claim: ActionClaim;
  input: { reason?: string };
}
export type RepActionReply = { id: number; ok: true; result: ActionResult } | { id: number; ok: false; error: string };

export type ToStoreThread = { type: 'submit'; batch: StoreRequest[] } | { type: 'rep-action'; request: RepActionRequest } | { type: 'nudge' } | { type: 'stop' };
export type FromStoreThread = LifecycleMessage | { type: 'stored'; replies: StoreReply[] } | { type: 'rep-acted'; reply: RepActionReply };

export interface StoreThread extends SubmitQueue {
  ready: Promise<void>;
  /** Run the outbox soon: jobs were committed (new leads' mails, a rep passing a lead on). */
  nudge(): void;
  /** Performs a rep's action in the store thread (server/leads/rep-action.ts). */
  repAction(claim: ActionClaim, input: { reason?: string }): Promise<ActionResult>;
  /** Stores what was handed over, finishes the outbox batch in hand, then closes. */
  stop(): Promise<void>;
}

export function startStoreThread(worker: Worker, opts: { onFatal: (error: Error) => void }): StoreThread {
  const waiting = new Map<number, { resolve: (r: SubmitResult) => void; reject: (e: Error) => void }>();
  const acting = new Map<number, { resolve: (r: ActionResult) => void; reject: (e: Error) => void }>();
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
    if (message.type === 'rep-acted') {
      const { reply } = message;
      const w = acting.get(reply.id);
      acting.delete(reply.id);
      if (reply.ok) w?.resolve(reply.result);
      else w?.reject(new Error(`the rep action failed: ${reply.error}`));
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
    repAction(claim, input) {
      const failure = thread.failure();
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      worker.postMessage({ type: 'rep-action', request: { id, claim, input } } satisfies ToStoreThread);
      return new Promise<ActionResult>((resolve, reject) => acting.set(id, { resolve, reject }));
    },
    async stop() {
      await new Promise((r) => setImmediate(r)); // hand over what is still queued here
      await thread.stop();
    },
  };
}
