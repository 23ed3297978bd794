import type { WriteDeps } from '../threads/writes';

// The funnel counter's batch (funnel/counter.ts): added to funnel_counts in one transaction.

export interface FunnelCountRow {
  site: string;
  /** YYYY-MM-DD (UTC) */
  day: string;
  language: string;
  event: string;
  step: number;
  count: number;
}

export function addFunnelCounts(deps: Pick<WriteDeps, 'db'>, input: { rows: FunnelCountRow[] }): { rows: number } {
  const sqlite = deps.db.$client;
  const upsert = sqlite.prepare(
    `insert into funnel_counts (site, day, language, event, step, count) values (@site, @day, @language, @event, @step, @count)
     on conflict (site, day, language, event, step) do update set count = count + excluded.count`,
  );
  sqlite.transaction(() => {
    for (const row of input.rows) upsert.run(row);
  }).immediate();
  return { rows: input.rows.length };
}
