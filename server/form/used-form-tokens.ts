import { lt } from 'drizzle-orm';
import type { Db } from '../db/open';
import { p, perDatabase, writer } from '../db/prepared';
import { usedFormTokens } from '../db/schema';

// A form token serves one lead: its id is written in the lead's own transaction, and a second
// lead with the same token finds it there (and is stored as spam). Rows are swept once the token
// has expired anyway (at most once a minute, in the same transaction as a lead).

const SWEEP_EVERY_MS = 60_000;

const statements = perDatabase((db: Db) => ({
  // changes: 1 = first use, 0 = used before.
  use: db.$client.prepare('INSERT INTO used_form_tokens (id, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING'),
  sweep: writer(db, db.delete(usedFormTokens).where(lt(usedFormTokens.expiresAt, p('now')))),
  lastSweep: { at: -Infinity },
}));

/**
 * Marks the token as used; false when it was used before. Call inside the lead's write
 * transaction, so the lead and the token's use are committed together.
 */
export function useFormToken(db: Db, id: string, expiresAt: number, now: number): boolean {
  const s = statements(db);
  if (now - s.lastSweep.at >= SWEEP_EVERY_MS) {
    s.lastSweep.at = now;
    s.sweep.run({ now });
  }
  return s.use.run(id, expiresAt).changes === 1;
}
