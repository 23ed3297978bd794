import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchApiKey } from './api-key';
import { benchBody } from './body';
import { prefill } from './prefill';
import { cpuMs, firstOk, memoryMb, ROOT, runLoad, startServer, type Server } from './proc';
import { EVENTS_PER_SECOND, loadNow, render, writeDoc, type Figures, type Measured, type Round } from './report';

/** A page of the example site's origin sends the events, as the widget does (text/plain: no preflight). */
const EVENT_HEADERS = { origin: 'http://localhost:3000', 'content-type': 'text/plain' };
import { startNullSmtp } from './smtp-null';
import { widgetSizes } from '../scripts/widget-size';

// `npm run bench` (issue 5): requests/s and p50/p99 of (a) a bare Hono JSON endpoint and (b) the
// real submit endpoint, their ratio on an empty database and with 1,000,000 stored leads, cold
// start, RSS after load and the widget's gzip size. Prints a table and writes it into
// docs/operating-figures.md. Env: BENCH_SECONDS (per run, default 8), BENCH_ROUNDS (alternating
// a/b runs, default 5), BENCH_WARMUP_SECONDS (default 5), BENCH_LEADS (default 1000000).

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const COLD_STARTS = 3;

const work = mkdtempSync(join(tmpdir(), 'koers-bench-'));
const smtp = await startNullSmtp();
const loadBefore = loadNow();
const key = benchApiKey(work);
const AUTH = key.headers;
const realEnv = (db: string) => ({
  ...key.env,
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

  say(`filling a database with ${LEADS.toLocaleString('en')} leads…`);
  const fullPath = join(work, 'full.db');
  const filled = prefill(fullPath, LEADS);
  say(`  ${filled.megabytes.toFixed(0)} MB in ${filled.seconds.toFixed(1)} s`);

  const runs = await roundRobin(join(work, 'empty.db'), fullPath);

  const figures: Figures = {
    rounds: runs.rounds,
    leads: LEADS,
    prefill: filled,
    coldReal,
    coldBare,
    rss: runs.memory,
    rssFull: runs.memoryFull,
    rssIdle: runs.idle,
    rssBare: runs.bareMemory,
    outboxAfter: runs.outbox,
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
 * (a), (b) on a database that starts empty and (b) on the 1,000,000-lead one, side by side: all
 * three servers up and warmed up, then ROUNDS rounds of a, b, b-full back to back, so that a busy
 * neighbour on a shared machine weighs on all of them alike. Each run also records the server's
 * CPU time per request.
 */
async function roundRobin(emptyDb: string, fullDb: string) {
  const bare = await startServer('bench/bare-server.ts', {});
  const real = await startServer('server/main.ts', realEnv(emptyDb));
  const realFull = await startServer('server/main.ts', realEnv(fullDb));
  const servers = [bare, real, realFull];
  try {
    await Promise.all(servers.map((s) => firstOk(s)));
    const target = (server: Server) => ({ server, url: `${server.url}/api/v1/sites/zeilmaker-web/leads`, body: benchBody() });
    const idle = memoryMb(real.proc.pid!);
    const a = { server: bare, url: `${bare.url}/echo`, body: benchBody() };
    const b = target(real);
    const bFull = target(realFull);
    // Only the server under load runs: the others are paused (SIGSTOP), or an idle real server
    // would send its mail backlog at full speed on the CPU the measured one needs.
    const only = <T extends { server: Server }>(t: T): T => {
      for (const s of servers) s.proc.kill(s === t.server ? 'SIGCONT' : 'SIGSTOP');
      return t;
    };
    for (const t of [a, b, bFull]) await runLoad(only(t).url, t.body, WARMUP_SECONDS, AUTH);
    const rounds: Round[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      const bare = await measure(`(a) bare Hono, round ${i}`, only(a));
      const realRun = await measure(`(b) real, database that started empty, round ${i}`, only(b));
      const realFullRun = await measure(`(b) real, ${LEADS.toLocaleString('en')} leads, round ${i}`, only(bFull));
      // (a) and (b) again while a steady stream of funnel events arrives (issue 11: counting them
      // must not slow submissions). The bare server gets the same stream (to /echo), so the event
      // generator's own CPU weighs on both sides of this ratio alike.
      const withEvents = async (name: string, t: typeof a, path: string) => {
        const events = runLoad(`${only(t).server.url}${path}`, '{"e":"s","l":"nl"}', SECONDS, EVENT_HEADERS, 'POST', {
          overallRate: EVENTS_PER_SECOND,
          connections: 5,
        });
        const measured = await measure(name, t);
        const sent = await events;
        if (sent.non2xx || sent.errors) throw new Error(`funnel events: ${sent.non2xx} non-2xx, ${sent.errors} errors`);
        return measured;
      };
      const bareEvents = await withEvents(`(a) bare Hono with ${EVENTS_PER_SECOND} events/s, round ${i}`, a, '/echo');
      const realEvents = await withEvents(`(b) real with ${EVENTS_PER_SECOND} funnel events/s, round ${i}`, b, '/api/v1/sites/zeilmaker-web/events');
      const round = { bare, real: realRun, realFull: realFullRun, bareEvents, realEvents };
      say(
        `  b/a ${(round.real.rps / round.bare.rps).toFixed(3)}, at ${LEADS.toLocaleString('en')} leads ${(round.realFull.rps / round.bare.rps).toFixed(3)}, with funnel events ${(round.realEvents.rps / round.bareEvents.rps).toFixed(3)}`,
      );
      rounds.push(round);
    }
    for (const s of servers) s.proc.kill('SIGCONT');
    const memory = memoryMb(real.proc.pid!);
    const memoryFull = memoryMb(realFull.proc.pid!);
    const bareMemory = memoryMb(bare.proc.pid!);
    const { outbox } = (await (await fetch(`${realFull.url}/healthz`)).json()) as { outbox: unknown };
    return { rounds, memory, memoryFull, bareMemory, idle, outbox };
  } finally {
    for (const s of servers) s.proc.kill('SIGCONT');
    await Promise.all(servers.map((s) => s.stop()));
  }
}

async function measure(name: string, target: { server: Server; url: string; body: string }): Promise<Measured> {
  const pid = target.server.proc.pid!;
  const cpuBefore = cpuMs(pid);
  const result = await runLoad(target.url, target.body, SECONDS, AUTH); // the same headers to (a), for the same request size
  const cpuPerRequest = (cpuMs(pid) - cpuBefore) / Math.max(1, result.total);
  say(
    `${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, 2xx ${result.ok}, ` +
      `other ${result.non2xx + result.errors + result.timeouts}, server CPU ${cpuPerRequest.toFixed(3)} ms/request`,
  );
  if (result.non2xx + result.errors + result.timeouts > 0) say(`  WARNING: not every request succeeded\n${target.server.output().slice(-1000)}`);
  return { ...result, cpuPerRequest };
}

function widgetSize(): number | undefined {
  // Always built anew: a dist/widget.js of an older checkout (or a failed build) would report the wrong size.
  say('building the widget…');
  const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  return build.status === 0 ? widgetSizes().gzip : undefined;
}
