import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchBody } from './body';
import { prefill } from './prefill';
import { cpuMs, firstOk, memoryMb, ROOT, runLoad, startServer, type Server } from './proc';
import { loadNow, render, writeDoc, type Figures, type Measured, type Round } from './report';
import { startNullSmtp } from './smtp-null';

// `npm run bench` (issue 5): requests/s and p50/p99 of (a) a bare Hono JSON endpoint and (b) the
// real submit endpoint, their ratio on an empty database and with 1,000,000 stored leads, cold
// start, RSS after load and the widget's gzip size. Prints a table and writes it into
// docs/operating-figures.md. Env: BENCH_SECONDS (per run, default 10), BENCH_ROUNDS (alternating
// a/b runs, default 3), BENCH_WARMUP_SECONDS (default 5), BENCH_LEADS (default 1000000).

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const COLD_STARTS = 3;

const work = mkdtempSync(join(tmpdir(), 'koers-bench-'));
const smtp = await startNullSmtp();
const loadBefore = loadNow();
const realEnv = (db: string) => ({
  DATABASE_PATH: db,
  SMTP_URL: smtp.url,
  RATE_LIMIT_PER_MINUTE: '100000000',
  RATE_LIMIT_SITE_PER_MINUTE: '100000000',
  MIN_FILL_SECONDS: '0',
});
const say = (s: string) => console.log(`bench: ${s}`);

try {
  const widgetGzip = widgetSize();

  say(`cold starts (${COLD_STARTS}× each)…`);
  const coldReal: number[] = [];
  const coldBare: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    coldBare.push(await coldStart('bench/bare-server.ts', {}));
    coldReal.push(await coldStart('server/main.ts', realEnv(join(work, `cold-${i}.db`))));
  }

  const empty = await pairedRuns('empty database', join(work, 'empty.db'));

  say(`filling a database with ${LEADS.toLocaleString('en')} leads…`);
  const fullPath = join(work, 'full.db');
  const filled = prefill(fullPath, LEADS);
  say(`  ${filled.megabytes.toFixed(0)} MB in ${filled.seconds.toFixed(1)} s`);

  const full = await pairedRuns(`${LEADS.toLocaleString('en')} leads`, fullPath);

  const figures: Figures = {
    empty: empty.rounds,
    full: full.rounds,
    leads: LEADS,
    prefill: filled,
    coldReal,
    coldBare,
    rss: empty.memory,
    rssFull: full.memory,
    rssIdle: empty.idle,
    rssBare: empty.bareMemory,
    outboxAfter: full.outbox,
    mailsSent: smtp.received(),
    widgetGzip,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    loadBefore,
  };
  const section = render(figures, new Date());
  console.log(`\n${section}\n`);
  say(`written to ${writeDoc(ROOT, section)}`);
} finally {
  await smtp.close();
  rmSync(work, { recursive: true, force: true });
}

async function coldStart(script: string, env: Record<string, string>): Promise<number> {
  const server = await startServer(script, env);
  try {
    return await firstOk(server);
  } finally {
    await server.stop();
  }
}

/**
 * (a) and (b) side by side: both servers up, warmed up, then ROUNDS alternating runs a, b, a, b…
 * so that a busy neighbour on a shared machine weighs on both alike. Each run also records the
 * server's CPU time per request.
 */
async function pairedRuns(label: string, db: string) {
  const bare = await startServer('bench/bare-server.ts', {});
  const real = await startServer('server/main.ts', realEnv(db));
  try {
    await Promise.all([firstOk(bare), firstOk(real)]);
    const form = await fetch(`${real.url}/api/v1/sites/zeilmaker-web/form`);
    const { formToken } = (await form.json()) as { formToken: string };
    const idle = memoryMb(real.proc.pid!);
    const a = { server: bare, url: `${bare.url}/echo`, body: benchBody() };
    const b = { server: real, url: `${real.url}/api/v1/sites/zeilmaker-web/leads`, body: benchBody(formToken) };
    await runLoad(a.url, a.body, WARMUP_SECONDS);
    await runLoad(b.url, b.body, WARMUP_SECONDS);
    const rounds: Round[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      const round = { bare: await measure(`(a) bare Hono, ${label}, round ${i}`, a), real: await measure(`(b) real, ${label}, round ${i}`, b) };
      say(`  b/a ${(round.real.rps / round.bare.rps).toFixed(3)}`);
      rounds.push(round);
    }
    const memory = memoryMb(real.proc.pid!);
    const bareMemory = memoryMb(bare.proc.pid!);
    const { outbox } = (await (await fetch(`${real.url}/healthz`)).json()) as { outbox: unknown };
    return { rounds, memory, bareMemory, idle, outbox };
  } finally {
    await Promise.all([bare.stop(), real.stop()]);
  }
}

async function measure(name: string, target: { server: Server; url: string; body: string }): Promise<Measured> {
  const pid = target.server.proc.pid!;
  const cpuBefore = cpuMs(pid);
  const result = await runLoad(target.url, target.body, SECONDS);
  const cpuPerRequest = (cpuMs(pid) - cpuBefore) / Math.max(1, result.total);
  say(
    `${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, 2xx ${result.ok}, ` +
      `other ${result.non2xx + result.errors + result.timeouts}, server CPU ${cpuPerRequest.toFixed(3)} ms/request`,
  );
  if (result.non2xx + result.errors + result.timeouts > 0) say(`  WARNING: not every request succeeded\n${target.server.output().slice(-1000)}`);
  return { ...result, cpuPerRequest };
}

function widgetSize(): number | undefined {
  const file = join(ROOT, 'dist', 'widget.js');
  if (!existsSync(file)) {
    say('dist/widget.js missing: building the widget…');
    spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : undefined;
}
