import type { FunnelCode } from '../../shared/funnel-event';
import { funnelEventOf } from '../../shared/funnel-event';
import type { Clock } from '../clock';
import type { FunnelCountRow } from './write-counts';

// Widget funnel events, counted in memory on the main thread and written in batches (flush(),
// every few seconds from main.ts) as one write through the store thread: an event costs a Map
// update, never a database write, so a burst of events never waits for or slows a submission.
// A crash loses the counts since the last flush (a few seconds); a failed write keeps them for
// the next flush. Keys are site × day × language × event × step: bounded by the config and the
// days a process runs; maxKeys caps them anyway.

export interface FunnelCounter {
  count(site: string, language: string, code: FunnelCode): void;
  /** Writes what was counted since the last flush; resolves with the rows written. */
  flush(): Promise<number>;
  /** Rows waiting for the next flush. */
  pending(): number;
}

export interface FunnelCounterOptions {
  clock: Clock;
  write: (rows: FunnelCountRow[]) => Promise<unknown>;
  maxKeys?: number;
}

const SEP = '\u0000';
/** How often main.ts writes the counts. */
export const FUNNEL_FLUSH_MS = 5_000;

export function funnelCounter({ clock, write, maxKeys = 10_000 }: FunnelCounterOptions): FunnelCounter {
  let counts = new Map<string, number>();
  let inFlight: Promise<number> | undefined;
  const add = (key: string, n: number) => {
    const had = counts.get(key);
    if (had === undefined && counts.size >= maxKeys) return; // a runaway key space: drop, never grow
    counts.set(key, (had ?? 0) + n);
  };
  const flushNow = async (): Promise<number> => {
    if (!counts.size) return 0;
    const taken = counts;
    counts = new Map();
    const rows = [...taken].map(([key, count]) => {
      const [site, day, language, event, step] = key.split(SEP);
      return { site, day, language, event, step: Number(step), count };
    });
    try {
      await write(rows);
    } catch (error) {
      for (const [key, n] of taken) add(key, n);
      throw error;
    }
    return rows.length;
  };
  return {
    count(site, language, code) {
      const { event, step } = funnelEventOf(code);
      const day = new Date(clock.now()).toISOString().slice(0, 10);
      add([site, day, language, event, step].join(SEP), 1);
    },
    flush() {
      // One flush at a time: a second call waits for the running one, then writes what came since.
      const run = (inFlight ?? Promise.resolve(0)).then(flushNow, flushNow);
      inFlight = run.catch(() => 0);
      return run;
    },
    pending: () => counts.size,
  };
}
