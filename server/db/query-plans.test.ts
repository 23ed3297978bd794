import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { prepared } from './prepared';

// The submit path's reads must stay index lookups whatever indexes are added for other pages: a
// new index once made SQLite answer "the company's open lead" by walking every open lead
// (1.5 ms per submission at 2,000 leads, growing with each one). EXPLAIN QUERY PLAN of each.

const plan = (db: ReturnType<typeof openDatabase>, sql: string) => {
  const params = (sql.match(/\?/g) ?? []).map(() => null);
  return (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
};

describe('query plans of the submit path', () => {
  it('find a company’s open lead by its email domain, count a rep’s open leads by rep, and look up a submission by its id', () => {
    const db = openDatabase(':memory:');
    const q = prepared(db);
    expect(plan(db, q.ownerOf.source)).toMatch(/^SEARCH leads USING INDEX leads_email_domain \(email_domain=\?\)$/);
    expect(plan(db, q.openLeadsUpTo.source)).toContain('SEARCH leads USING COVERING INDEX leads_rep_status (rep_id=? AND status=?)');
    expect(plan(db, q.answerOf.source)).toMatch(/SEARCH leads USING INDEX leads_site_submission/);
    for (const reader of [q.ownerOf, q.openLeadsUpTo, q.answerOf]) expect(plan(db, reader.source)).not.toMatch(/SCAN leads\b/);
  });
});
