import { randomUUID } from 'node:crypto';
import { systemClock } from '../server/clock';
import { EXAMPLE_CONFIG_PATH, loadConfigFile } from '../server/config/load-config';
import { openDatabase } from '../server/db/open';
import { submitLead } from '../server/leads/submit';
import { submissionSchema } from '../shared/submission';
import { benchBody } from './body';

// Fills a database file with `count` leads fast: the file is created and migrated by the real
// openDatabase, ONE real lead is stored by the real submitLead (with its event and the jobs of its
// two mails), then SQLite copies that row `count - 1` times inside one transaction — each copy
// with its own id, submissionId, company and email domain (no account ownership), rep, status and
// a creation time one minute apart, plus its lead event and two sent ("done") lead-mail rows with
// their payloads cleared, as retention leaves them (spam: no rep, no mails, the last 30 days only).
// Every index the schema declares is maintained as usual.

export function prefill(path: string, count: number): { seconds: number; megabytes: number } {
  const started = performance.now();
  const loaded = loadConfigFile(EXAMPLE_CONFIG_PATH);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const db = openDatabase(path);
  const sub = submissionSchema.parse(JSON.parse(benchBody().replace('__ID__', randomUUID()).replaceAll('__N__', '0')));
  const { body } = submitLead({ db, config: loaded.config, clock: systemClock }, loaded.config.sites[0], sub);
  const sqlite = db.$client;

  // Bulk load settings for this connection only; the server opens the file with its own pragmas.
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1000000');

  const columns = (sqlite.prepare(`select name from pragma_table_info('leads')`).all() as { name: string }[]).map((c) => c.name);
  const override: Record<string, string> = {
    id: `printf('00000000-0000-4000-8000-%012d', n.i)`,
    submission_id: `printf('10000000-0000-4000-8000-%012d', n.i)`,
    created_at: 't.created_at - (:count - n.i) * 60000',
    updated_at: 't.created_at - (:count - n.i) * 60000',
    consent_at: 't.created_at - (:count - n.i) * 60000',
    company: `printf('Company %d', n.i)`,
    contact_email: `printf('p%d@company-%d.example', n.i, n.i)`,
    email_domain: `printf('company-%d.example', n.i)`,
    // Spam has no rep, and is only there for the last 30 days (retention deletes it after that).
    rep_id: `case when n.i % 20 = 0 and n.i > :count - 43200 then null when n.i % 4 = 0 then 'anna' when n.i % 4 = 1 then 'bram' when n.i % 4 = 2 then 'chris' else 'dewi' end`,
    team_id: `case n.i % 4 when 3 then 'inside-sales' else 'account-executives' end`,
    // Mostly decided long ago; a few still open, unassigned or spam.
    status: `case when n.i % 20 = 0 and n.i > :count - 43200 then 'spam' when n.i % 20 = 0 then 'not-a-fit' when n.i % 20 = 1 then 'unassigned' when n.i % 20 < 4 then 'assigned' when n.i % 20 < 12 then 'accepted' else 'not-a-fit' end`,
  };
  const select = columns.map((c) => override[c] ?? `t.${c}`).join(', ');
  const leadId = body!.leadId;

  sqlite.transaction(() => {
    sqlite
      .prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < :count - 1)
         insert into leads (${columns.join(', ')}) select ${select} from n, (select * from leads where id = :leadId) t`,
      )
      .run({ count, leadId });
    sqlite
      .prepare(
        `insert into lead_events (lead_id, at, type, rep_id, team_id, detail)
         select id, created_at, status, rep_id, team_id, 'prefill' from leads where id != :leadId`,
      )
      .run({ leadId });
    sqlite
      .prepare(
        `insert into outbox (lead_id, kind, payload, status, attempts, run_at, created_at, done_at)
         select id, 'lead-mail', 'null', 'done', 1, created_at, created_at, created_at + 2000 from leads, (select 1 union all select 2) where id != :leadId and status != 'spam'`,
      )
      .run({ leadId });
  })();
  sqlite.pragma('journal_mode = WAL');
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  sqlite.close();
  return { seconds: (performance.now() - started) / 1000, megabytes: (pages * pageSize) / 1e6 };
}
