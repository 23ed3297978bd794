import type Database from 'better-sqlite3';

// After an erase, the old copies of the erased rows must leave the write-ahead log too. A
// TRUNCATE checkpoint cannot finish while another connection reads an older snapshot (the server
// in the middle of a request, a backup, a `sqlite3` shell): SQLite then answers busy = 1 and
// leaves the log as it was. Try a few times, then say so instead of reporting success.

export class CheckpointError extends Error {}

export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export function checkpointWal(sqlite: Database.Database, opts: { attempts?: number; waitMs?: number } = {}): CheckpointResult {
  const attempts = opts.attempts ?? 5;
  const waitMs = opts.waitMs ?? 500;
  let last: CheckpointResult | undefined;
  // The checkpoint waits for readers up to the busy timeout: make each attempt wait waitMs.
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${waitMs}`);
  try {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[];
      last = result;
      // A complete checkpoint copied every page of the log (TRUNCATE then empties it: 0 of 0).
      if (result.busy === 0 && result.log === result.checkpointed) return result;
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
  throw new CheckpointError(
    `the write-ahead log could not be checkpointed after ${attempts} attempts (busy ${last!.busy}, ${last!.checkpointed} of ${last!.log} pages): ` +
      'another connection is reading the database (the server, a backup, a sqlite3 shell), so old copies of the erased data are still in the -wal file. ' +
      'Close it (or stop the server) and run the erase again.',
  );
}
