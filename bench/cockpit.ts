import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { prefill } from './prefill';
import { firstOk, ROOT, runLoad, startServer, type Server } from './proc';
import { median, writeDoc } from './report';

// `npm run bench` (second part, issue 11): each cockpit page's requests/s with 1,000,000 stored
// leads against the same page with 10,000, in the same run (two servers, side by side, paused in
// turn like the submit bench): the ratio shows whether a page reads indexes and rollups (≈ 1) or
// scans the leads (≪ 1). Signed in as the example's manager (a session row written into each
// database). Prints a table and writes it into docs/operating-figures.md.
// Env: BENCH_SECONDS (per run, default 5), BENCH_ROUNDS (default 3), BENCH_LEADS (default 1000000),
// BENCH_PAGES (comma-separated paths: measure only these; the doc is then not rewritten).

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const SMALL = 10_000;
const MANAGER = 'mila@zeilmaker.example';
const say = (s: string) => console.log(`bench cockpit: ${s}`);

/** The pages measured; a lead page of a lead that exists in both databases. */
const ALL_PAGES = [
  '/app/inbox',
  '/app/leads/00000000-0000-4000-8000-000000009990',
  '/app/pipeline',
  '/app/funnel',
  '/app/team',
  '/app/routing-tester',
  '/app/embed',
  '/app/data',
];
const PAGES = process.env.BENCH_PAGES ? process.env.BENCH_PAGES.split(',') : ALL_PAGES;

const work = mkdtempSync(join(tmpdir(), 'koers-bench-cockpit-'));
try {
  say(`filling databases with ${SMALL.toLocaleString('en')} and ${LEADS.toLocaleString('en')} leads…`);
  const small = join(work, 'small.db');
  const full = join(work, 'full.db');
  prefill(small, SMALL);
  prefill(full, LEADS);
  const cookie = randomBytes(32).toString('base64url');
  for (const path of [small, full]) signInManager(path, cookie);

  const env = (db: string) => ({ DATABASE_PATH: db, RATE_LIMIT_PER_MINUTE: '0' });
  const servers = { small: await startServer('server/main.ts', env(small)), full: await startServer('server/main.ts', env(full)) };
  const rows: { page: string; small: number; full: number }[] = [];
  try {
    await Promise.all(Object.values(servers).map((s) => firstOk(s)));
    const headers = { cookie: `koers_session=${cookie}` };
    const only = (server: Server) => {
      for (const s of Object.values(servers)) s.proc.kill(s === server ? 'SIGCONT' : 'SIGSTOP');
      return server;
    };
    for (const page of PAGES) {
      const status = (await fetch(`${only(servers.small).url}${page}`, { headers, redirect: 'manual' })).status;
      if (status !== 200) {
        say(`${page}: ${status}, skipped`);
        continue;
      }
      const runs = { small: [] as number[], full: [] as number[] };
      await runLoad(`${only(servers.small).url}${page}`, '', 1, headers, 'GET'); // warm-up
      await runLoad(`${only(servers.full).url}${page}`, '', 1, headers, 'GET');
      for (let i = 0; i < ROUNDS; i++) {
        for (const which of ['small', 'full'] as const) {
          const r = await runLoad(`${only(servers[which]).url}${page}`, '', SECONDS, headers, 'GET');
          if (r.non2xx || r.errors) throw new Error(`${page} on ${which}: ${r.non2xx} non-2xx, ${r.errors} errors`);
          runs[which].push(r.rps);
        }
      }
      const row = { page, small: median(runs.small), full: median(runs.full) };
      say(`${page}: ${row.small.toFixed(0)} req/s at ${SMALL.toLocaleString('en')} leads, ${row.full.toFixed(0)} at ${LEADS.toLocaleString('en')}: ${(row.full / row.small).toFixed(2)}`);
      rows.push(row);
    }
  } finally {
    for (const s of Object.values(servers)) s.proc.kill('SIGCONT');
    await Promise.all(Object.values(servers).map((s) => s.stop()));
  }
  const section = render(rows);
  console.log(`\n${section}\n`);
  if (!process.env.BENCH_PAGES) {
    const markers = { begin: '<!-- cockpit-bench:begin -->', end: '<!-- cockpit-bench:end -->', heading: "The cockpit's pages (npm run bench)" };
    say(`written to ${writeDoc(ROOT, section, markers)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** A live session of the example's manager, straight into the database (the bench does not read mail). */
function signInManager(path: string, cookie: string) {
  const db = new Database(path);
  const now = Date.now();
  db.prepare('INSERT INTO sessions (id_hash, email, created_at, last_seen_at, expires_at, csrf_token) VALUES (?, ?, ?, ?, ?, ?)').run(
    createHash('sha256').update(cookie).digest('base64url'),
    MANAGER,
    now,
    now,
    now + 24 * 60 * 60_000,
    randomBytes(32).toString('base64url'),
  );
  db.close();
}

function render(rows: { page: string; small: number; full: number }[]): string {
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (bench/cockpit.ts): GET of each page as the manager, 50 connections, ${ROUNDS} rounds of ${SECONDS} s, median.`,
    '',
    `| page | req/s at ${SMALL.toLocaleString('en')} leads | req/s at ${LEADS.toLocaleString('en')} leads | ratio (target ≥ 0.5) |`,
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| \`${r.page.replace(/\/leads\/.*/, '/leads/{id}')}\` | ${r.small.toFixed(0)} | ${r.full.toFixed(0)} | ${(r.full / r.small).toFixed(2)} |`),
  ];
  return lines.join('\n');
}
