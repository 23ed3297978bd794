import type { Db } from '../db/open';
import { perDatabase } from '../db/prepared';

// An endpoint that answered 410 Gone is disabled: no new events are queued for it and its queued
// ones give up. The state is kept in `settings` (key `webhook-disabled:<endpoint id>`, the url it
// was disabled at in the value), so it survives a restart and a reordered config; the admin API
// enables it again, and so does a new url for the same id. States stored before endpoints had ids
// are keyed by url and still count for that url.

const PREFIX = 'webhook-disabled:';

export interface DisabledState {
  at: number;
  reason: string;
  /** The url that answered 410 (absent in states keyed by url). */
  url?: string;
}

export interface Endpoint {
  id: string;
  url: string;
}

const statements = perDatabase((db: Db) => ({
  // One index range of the settings' primary key: every disabled endpoint.
  all: db.$client.prepare<[string, string], { key: string; value: string }>('select key, value from settings where key >= ? and key < ?'),
  set: db.$client.prepare<[string, string, number]>(
    'insert into settings (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at',
  ),
  remove: db.$client.prepare<[string]>('delete from settings where key = ?'),
}));

/** Every stored disabled state, by endpoint id (or, stored before ids, by url); read it with disabledState. */
export function disabledEndpoints(db: Db): Map<string, DisabledState> {
  const rows = statements(db).all.all(PREFIX, PREFIX.slice(0, -1) + ';'); // ';' sorts right after ':'
  return new Map(rows.map((r) => [r.key.slice(PREFIX.length), JSON.parse(r.value) as DisabledState]));
}

/** The endpoint's state: disabled, or undefined (never, enabled again, or a 410 from a url it no longer has). */
export function disabledState(states: Map<string, DisabledState>, endpoint: Endpoint): DisabledState | undefined {
  const byId = states.get(endpoint.id);
  if (byId) return byId.url === undefined || byId.url === endpoint.url ? byId : undefined;
  return states.get(endpoint.url);
}

export function disableEndpoint(db: Db, endpoint: Endpoint, state: { at: number; reason: string }) {
  statements(db).set.run(PREFIX + endpoint.id, JSON.stringify({ ...state, url: endpoint.url } satisfies DisabledState), state.at);
}

/** Enables a disabled endpoint again; false when it was not disabled. */
export function enableEndpoint(db: Db, endpoint: Endpoint): boolean {
  const was = disabledState(disabledEndpoints(db), endpoint) !== undefined;
  statements(db).remove.run(PREFIX + endpoint.id);
  statements(db).remove.run(PREFIX + endpoint.url);
  return was;
}
