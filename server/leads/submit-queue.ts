import type { Site } from '../../shared/config';
import type { Submission } from '../../shared/submission';
import { storeLead, type SubmitDeps, type SubmitMeta, type SubmitResult } from './submit';

// Group commit. At synchronous=FULL every commit waits for the disk (~1.6 ms here), so one
// transaction per lead caps the server at a few hundred leads per second. Submissions that arrive
// in the same turn of the event loop are stored in ONE transaction, each in its own savepoint, and
// every one is answered only after that commit is on disk: durability per lead is unchanged.

interface Waiting {
  site: Site;
  sub: Submission;
  meta: SubmitMeta;
  resolve: (result: SubmitResult) => void;
  reject: (error: unknown) => void;
}

export interface SubmitQueue {
  submit(site: Site, sub: Submission, meta?: SubmitMeta): Promise<SubmitResult>;
}

/** Submissions are waiting, or were stored in the last BUSY_MS: others should leave the thread to it. */
const BUSY_MS = 50;

export function createSubmitQueue(deps: SubmitDeps, maxBatch = 256): SubmitQueue & { busy(): boolean } {
  let waiting: Waiting[] = [];
  let scheduled = false;
  let lastFlushAt = -Infinity;

  // better-sqlite3's own transactions: called inside storeBatch, storeOne is a savepoint, and its
  // statements are prepared once (drizzle prepares "savepoint"/"release" on every call).
  const client = deps.db.$client;
  const storeOne = client.transaction((w: Waiting) => storeLead(deps, w.site, w.sub, w.meta));
  const storeBatch = client.transaction((batch: Waiting[]) =>
    batch.map((w) => {
      try {
        // A savepoint: one submission that throws leaves the others in the batch intact.
        return { ok: true as const, result: storeOne(w) };
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );

  function flush() {
    scheduled = false;
    lastFlushAt = performance.now();
    const batch = waiting.splice(0, maxBatch);
    if (waiting.length) schedule();
    let outcomes: ReturnType<typeof storeBatch>;
    try {
      outcomes = storeBatch.immediate(batch);
    } catch (error) {
      for (const w of batch) w.reject(error); // the commit failed: nobody was acknowledged
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.result) : batch[i].reject(o.error)));
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    busy: () => waiting.length > 0 || performance.now() - lastFlushAt < BUSY_MS,
    submit(site, sub, meta = {}) {
      // A repeated submissionId is answered by storeLead inside the batch (200, nothing written).
      return new Promise((resolve, reject) => {
        waiting.push({ site, sub, meta, resolve, reject });
        schedule();
      });
    },
  };
}
