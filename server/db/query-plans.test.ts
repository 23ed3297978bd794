import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { prepared } from './prepared';
import { inboxLeads } from '../cockpit/inbox-query';
import type { Filters } from '../cockpit/filters';
import { viewerOf, type Viewer } from '../cockpit/people';
import { exampleConfig } from '../../test/support/fixtures';

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

describe('query plans of the cockpit’s lists', () => {
  // Every SQL text the cockpit's inbox prepares while it runs.
  const inboxStatements = (db: ReturnType<typeof openDatabase>, viewer: Viewer, filters: Filters) => {
    const client = db.$client;
    const prepare = client.prepare.bind(client);
    const sources: string[] = [];
    client.prepare = ((source: string) => (sources.push(source), prepare(source))) as typeof client.prepare;
    try {
      inboxLeads(db, exampleConfig(), viewer, filters);
    } finally {
      client.prepare = prepare;
    }
    return sources.filter((s) => /from "leads"/.test(s));
  };

  it('read a status by date along leads_status_created, for a manager’s team filter and a rep’s own and team leads, without sorting', () => {
    const db = openDatabase(':memory:');
    const config = exampleConfig();
    const manager = viewerOf(config, 'mila@zeilmaker.example')!;
    const rep = viewerOf(config, 'anna@zeilmaker.example')!;
    const cases: [Viewer, Filters][] = [
      [manager, { team: 'inside-sales' }],
      [manager, { status: 'unassigned', team: 'account-executives' }],
      [rep, {}],
      [rep, { status: 'unassigned' }],
    ];
    for (const [viewer, filters] of cases) {
      const statements = inboxStatements(db, viewer, filters);
      expect(statements.length).toBeGreaterThan(0);
      for (const sql of statements) {
        expect(plan(db, sql)).toMatch(/^SEARCH leads USING INDEX leads_status_created \(status=\?\)$/);
      }
    }
  });

  it('keep no index that no query uses: leads_team_status is gone (migration 0010)', () => {
    const db = openDatabase(':memory:');
    const names = (db.$client.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'leads' and sql is not null order by name`).all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(['leads_created', 'leads_email_domain', 'leads_rep_status', 'leads_site_submission', 'leads_status_created']);
  });
});
