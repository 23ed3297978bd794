import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '../clock';
import { openDatabase } from '../db/open';
import { consoleLog } from '../log';
import { repActionLinks } from '../security/action-links';
import { prospectPageLinks } from '../security/prospect-links';
import type { ThreadInit } from './thread-of';

// Inside a thread: what main.ts handed over, and the thread's own connection to the database
// (main.ts applied the migrations before it started the thread).

export function threadContext() {
  const init = workerData as ThreadInit;
  const port = parentPort!;
  const clock = systemClock;
  const db = openDatabase(init.databasePath, { migrate: false });
  return {
    init,
    port,
    clock,
    db,
    config: init.config,
    log: consoleLog(),
    repActions: repActionLinks({ signingKey: init.signingKey, publicUrl: init.publicUrl, clock }),
    prospectPage: prospectPageLinks({ signingKey: init.signingKey, publicUrl: init.publicUrl, clock }),
    /** Tells main.ts the thread is listening. */
    ready: () => port.postMessage({ type: 'ready' }),
    /** Closes the connection and tells main.ts the thread is done. */
    stopped: () => {
      db.$client.close();
      port.postMessage({ type: 'stopped' });
    },
  };
}
