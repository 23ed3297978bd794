import { randomUUID } from 'node:crypto';
import { v7 as timeOrderedUuid } from 'uuid';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../server/clock';
import { EXAMPLE_CONFIG_PATH, loadConfigFile } from '../server/config/load-config';
import { openDatabase } from '../server/db/open';
import { storeLead, type SubmitDeps } from '../server/leads/submit';
import { silentLog } from '../server/log';
import { prospectPageLinks } from '../server/security/prospect-links';
import { loadSigningKeys } from '../server/security/signing-keys';
import { submissionSchema } from '../shared/submission';
import { benchBody } from './body';
import { prefill } from './prefill';
import { timeStatements } from './statement-timer';

// `npx tsx bench/store-cost.ts [database] [leads]`: what storing one lead costs the store thread,
// in-process and without HTTP, on the bench's submissions: batches of 25 leads, each in its own
// savepoint, one commit (synchronous=FULL) per batch, as submit-queue.ts stores them. Prints the
// median µs per lead (wall clock, and CPU of the process) of 9 runs of 40 batches and the bytes a lead row takes. With a database path
// that does not exist yet, fills it first with `leads` leads (bench/prefill.ts; 0: an empty one).
// STORE_SQL: statements run on the database before measuring (a variant: a dropped trigger or
// index), undone afterwards from sqlite_master. STORE_TIME_ORDERED_IDS=1: submissionIds that are
// time-ordered (UUIDv7) instead of random (a widget sends random ones).

const scratch = process.argv[2] ? undefined : mkdtempSync(join(tmpdir(), 'koers-store-cost-'));
const path = process.argv[2] ?? join(scratch!, 'koers.db');
const count = Number(process.argv[3] ?? 0);
const BATCH = 25;
const BATCHES = 40;
const RUNS = 9;

if (!existsSync(path)) {
  if (count > 0) console.log(`filled ${count} leads: ${JSON.stringify(prefill(path, count))}`);
  else openDatabase(path).$client.close();
}
const loaded = loadConfigFile(EXAMPLE_CONFIG_PATH);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const db = openDatabase(path, { migrate: false });
const client = db.$client;
const keyDir = mkdtempSync(join(tmpdir(), 'koers-store-cost-keys-'));
const signingKey = loadSigningKeys({ path: join(keyDir, 'keys.json'), db, now: Date.now(), log: silentLog });
const deps: SubmitDeps = {
  db,
  config: loaded.config,
  clock: systemClock,
  prospectPage: prospectPageLinks({ signingKey, publicUrl: 'http://localhost:3000', clock: systemClock }),
};
const site = loaded.config.sites[0];
const template = benchBody();
let n = 1_000_000_000 + Math.floor(Math.random() * 1e6) * 1000;
const next = () => submissionSchema.parse(JSON.parse(template.replace('__ID__', process.env.STORE_TIME_ORDERED_IDS ? timeOrderedUuid() : randomUUID()).replaceAll('__N__', String(n++))));

const undo: string[] = [];
for (const statement of (process.env.STORE_SQL ?? '').split(';').map((s) => s.trim()).filter(Boolean)) {
  const name = /^drop\s+(?:trigger|index)\s+(\S+)/i.exec(statement)?.[1];
  const original = name && (client.prepare('select sql from sqlite_master where name = ?').get(name) as { sql: string } | undefined);
  if (original) undo.push(original.sql);
  client.exec(statement);
}

// STORE_BY_STATEMENT=1: also the time spent in each statement (better-sqlite3's run/get/all, by SQL text).
const byStatement = new Map<string, number>();
if (process.env.STORE_BY_STATEMENT) timeStatements(client, (source, ms) => byStatement.set(source, (byStatement.get(source) ?? 0) + ms));

const storeOne = client.transaction((sub: ReturnType<typeof next>) => storeLead(deps, site, sub));
const storeBatch = client.transaction((subs: ReturnType<typeof next>[]) => {
  for (const sub of subs) storeOne(sub);
});
try {
  const perLead: number[] = [];
  const cpuPerLead: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const batches = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, next));
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const batch of batches) storeBatch.immediate(batch);
    const us = ((performance.now() - started) * 1000) / (BATCHES * BATCH);
    const { user, system } = process.cpuUsage(cpu);
    if (run > 0) perLead.push(us); // run 0 warms up
    if (run > 0) cpuPerLead.push((user + system) / (BATCHES * BATCH));
  }
  perLead.sort((a, b) => a - b);
  cpuPerLead.sort((a, b) => a - b);
  const row = client.prepare(`select sum(pgsize) as bytes, count(*) as pages from dbstat where name = 'leads'`).get() as { bytes: number; pages: number } | undefined;
  const leads = (client.prepare('select count(*) as n from leads').get() as { n: number }).n;
  const answer = client.prepare('select avg(length(response)) as n from (select response from leads order by rowid desc limit 100)').get() as { n: number };
  console.log(
    `store-cost: ${perLead[Math.floor(perLead.length / 2)].toFixed(0)} µs/lead (runs ${perLead.map((x) => x.toFixed(0)).join(' ')}), ` +
      `CPU ${cpuPerLead[Math.floor(cpuPerLead.length / 2)].toFixed(0)} µs/lead; ` +
      `${leads} leads; stored answer ${answer.n.toFixed(0)} B${row ? `; leads table ${(row.bytes / leads).toFixed(0)} B/lead` : ''}`,
  );
  const stored = (RUNS + 1) * BATCHES * BATCH;
  for (const [sql, ms] of [...byStatement].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${((ms * 1000) / stored).toFixed(1).padStart(7)} µs/lead  ${sql.replace(/\s+/g, ' ').slice(0, 150)}`);
} finally {
  for (const sql of undo) client.exec(sql);
  client.close();
  rmSync(keyDir, { recursive: true, force: true });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
