import { EXAMPLE_CONFIG_PATH, loadConfigFile } from '../server/config/load-config';
import { openDatabase } from '../server/db/open';
import { inboxLeads } from '../server/cockpit/inbox-query';
import { viewerOf } from '../server/cockpit/people';
import { pipelineCells } from '../server/cockpit/pipeline-data';
import { teamRows } from '../server/cockpit/team-data';
import { timeStatements } from './statement-timer';

// `npx tsx bench/cockpit-plans.ts <database> [statements to run first]`: the cockpit's lead reads
// for a manager and for a rep (inbox with and without filters, pipeline, team), each statement's
// EXPLAIN QUERY PLAN and time — to see which index a page needs. The statements (e.g. "drop index
// leads_team_status") run inside a transaction that is rolled back at the end.

const [path, variant = ''] = process.argv.slice(2);
const loaded = loadConfigFile(EXAMPLE_CONFIG_PATH);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const config = loaded.config;
const db = openDatabase(path, { migrate: false });
const client = db.$client;

const seen = new Map<string, { ms: number; calls: number }>();
timeStatements(client, (source, ms) => {
  const s = seen.get(source) ?? { ms: 0, calls: 0 };
  s.ms += ms;
  s.calls++;
  seen.set(source, s);
});

const manager = viewerOf(config, 'mila@zeilmaker.example')!;
const rep = viewerOf(config, 'anna@zeilmaker.example')!;
const cases: [string, () => unknown][] = [
  ['inbox, manager', () => inboxLeads(db, config, manager, {})],
  ['inbox, manager, team inside-sales', () => inboxLeads(db, config, manager, { team: 'inside-sales' })],
  ['inbox, manager, status unassigned, team', () => inboxLeads(db, config, manager, { status: 'unassigned', team: 'account-executives' })],
  ['inbox, rep', () => inboxLeads(db, config, rep, {})],
  ['inbox, rep, status unassigned', () => inboxLeads(db, config, rep, { status: 'unassigned' })],
  ['pipeline, manager', () => pipelineCells(db, manager, {})],
  ['pipeline, rep', () => pipelineCells(db, rep, {})],
  ['team', () => teamRows(db, config, Date.now())],
];

client.exec('begin');
try {
  if (variant) client.exec(variant);
  for (const [name, run] of cases) {
    seen.clear();
    run(); // warm
    seen.clear();
    const started = performance.now();
    run();
    console.log(`\n== ${name}: ${(performance.now() - started).toFixed(1)} ms`);
    for (const [sql, s] of seen) {
      if (!/\bleads\b/.test(sql) || s.ms < 0.5) continue;
      const params = (sql.match(/\?/g) ?? []).map(() => null);
      const plan = (client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      console.log(`  ${s.ms.toFixed(1)} ms (${s.calls}×)  ${sql.replace(/\s+/g, ' ').slice(0, 200)}\n      ${plan}`);
    }
  }
} finally {
  client.exec('rollback');
}
