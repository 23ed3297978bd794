import type { Db } from '../db/open';
import { perDatabase } from '../db/prepared';

// An endpoint that answered 410 Gone is disabled: no new events are queued for it and its queued
// ones give up. The state is kept in `settings` (key `webhook-disabled:<url>`), so it survives a
// restart; the admin API enables it again (or change its url in the config).

const PREFIX = 'webhook-disabled:';

export interface DisabledState {
  at: number;
  reason: string;
}

const statements = perDatabase((db: Db) => ({
  // One index range of the settings' primary key: every disabled endpoint.
  all: db.$client.prepare<[string, string], { key: string; value: string }>('select key, value from settings where key >= ? and key < ?'),
  set: db.$client.prepare<[string, string, number]>(
    'insert into settings (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at',
  ),
  remove: db.$client.prepare<[string]>('delete from settings where key = ?'),
}));

/** Disabled endpoints by url. */
export function disabledEndpoints(db: Db): Map<string, DisabledState> {
  const rows = statements(db).all.all(PREFIX, PREFIX.slice(0, -1) + ';'); // ';' sorts right after ':'
  return new Map(rows.map((r) => [r.key.slice(PREFIX.length), JSON.parse(r.value) as DisabledState]));
}

export function disableEndpoint(db: Db, url: string, state: DisabledState) {
  statements(db).set.run(PREFIX + url, JSON.stringify(state), state.at);
}

/** Enables a disabled endpoint again; false when it was not disabled. */
export function enableEndpoint(db: Db, url: string): boolean {
  return statements(db).remove.run(PREFIX + url).changes > 0;
}
