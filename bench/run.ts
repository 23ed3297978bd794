import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchBody } from './body';
import { prefill } from './prefill';
import { firstOk, memoryMb, ROOT, runLoad, startServer, type LoadResult, type Server } from './proc';
import { loadNow, render, writeDoc, type Figures } from './report';
import { startNullSmtp } from './smtp-null';

// `npm run bench` (issue 5): requests/s and p50/p99 of (a) a bare Hono JSON endpoint and (b) the
// real submit endpoint, their ratio on an empty database and with 1,000,000 stored leads, cold
// start, RSS after load and the widget's gzip size. Prints a table and writes it into
// docs/operating-figures.md. Env: BENCH_SECONDS (default 10), BENCH_LEADS (default 1000000).

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const WARMUP_SECONDS = 2;
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

  const bare = await bareRun('(a) bare Hono');
  const empty = await realRun('(b) real, empty database', join(work, 'empty.db'));

  say(`filling a database with ${LEADS.toLocaleString('en')} leads…`);
  const fullPath = join(work, 'full.db');
  const filled = prefill(fullPath, LEADS);
  say(`  ${filled.megabytes.toFixed(0)} MB in ${filled.seconds.toFixed(1)} s`);

  const bare2 = await bareRun('(a) bare Hono, again');
  const full = await realRun(`(b) real, ${LEADS.toLocaleString('en')} leads`, fullPath);

  const figures: Figures = {
    bare,
    real: empty.load,
    bare2,
    realFull: full.load,
    leads: LEADS,
    prefill: filled,
    coldReal,
    coldBare,
    rss: empty.memory,
    rssFull: full.memory,
    rssIdle: empty.idle,
    rssBare: bare.memory,
    outboxAfter: full.outbox,
    mailsSent: smtp.received(),
    widgetGzip,
    seconds: SECONDS,
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

async function bareRun(name: string): Promise<LoadResult & { memory: { rss: number; peak: number } }> {
  const server = await startServer('bench/bare-server.ts', {});
  try {
    await firstOk(server);
    const load = await measure(name, server, '/echo', benchBody());
    return { ...load, memory: memoryMb(server.proc.pid!) };
  } finally {
    await server.stop();
  }
}

async function realRun(name: string, db: string) {
  const server = await startServer('server/main.ts', realEnv(db));
  try {
    await firstOk(server);
    const form = await fetch(`${server.url}/api/v1/sites/zeilmaker-web/form`);
    const { formToken } = (await form.json()) as { formToken: string };
    const idle = memoryMb(server.proc.pid!);
    const load = await measure(name, server, '/api/v1/sites/zeilmaker-web/leads', benchBody(formToken));
    const memory = memoryMb(server.proc.pid!);
    const { outbox } = (await (await fetch(`${server.url}/healthz`)).json()) as { outbox: unknown };
    return { load, memory, idle, outbox };
  } finally {
    await server.stop();
  }
}

async function measure(name: string, server: Server, path: string, body: string): Promise<LoadResult> {
  await runLoad(server.url + path, body, WARMUP_SECONDS);
  const result = await runLoad(server.url + path, body, SECONDS);
  say(`${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, 2xx ${result.ok}, other ${result.non2xx + result.errors + result.timeouts}`);
  if (result.non2xx + result.errors + result.timeouts > 0) say(`  WARNING: not every request succeeded\n${server.output().slice(-1000)}`);
  return result;
}

function widgetSize(): number | undefined {
  const file = join(ROOT, 'dist', 'widget.js');
  if (!existsSync(file)) {
    say('dist/widget.js missing: building the widget…');
    spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : undefined;
}
