import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../scripts/build-server';
import { freePort } from '../test/support/server-process';

// Child processes for the bench: a server (real or bare) started like `npm start` would
// (bundled, then plain node), the time to its first 200, its memory, and the load generator.

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Server {
  proc: ChildProcess;
  url: string;
  spawnedAt: number;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}


/** The node flags of `npm start` (package.json), so both servers run exactly as in production. */
const START_FLAGS: string[] = (() => {
  const start = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.start as string;
  const flags = /\bnode ((?:--\S+ )*)dist\/server\/main\.mjs/.exec(start);
  if (!flags) throw new Error(`bench: cannot find the node command in the start script: ${start}`);
  return flags[1].trim().split(/\s+/).filter(Boolean);
})();

/**
 * Starts `script` the way `npm start` runs the server: bundled to plain JavaScript first
 * (scripts/build-server.ts), then node with the start script's flags — the bare baseline likewise.
 * `dropFlag`: one start flag left out (bench/memory-probe.ts: what a flag costs).
 */
export async function startServer(script: string, env: Record<string, string>, nodeArgs: string[] = [], dropFlag?: string): Promise<Server> {
  const built = await buildServer(script, script === 'server/main.ts' ? 'dist/server/main.mjs' : `dist/bench/${basename(script, '.ts')}.mjs`);
  const port = await freePort();
  const spawnedAt = performance.now();
  const proc = spawn(process.execPath, [...START_FLAGS.filter((f) => f !== dropFlag), ...nodeArgs, built], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', NODE_ENV: 'production', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => (out = (out + d).slice(-4000));
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    proc,
    url: `http://127.0.0.1:${port}`,
    spawnedAt,
    output: () => out,
    /** SIGTERM, and SIGKILL after 5 s: a graceful stop waits for the whole outbox backlog. */
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Milliseconds from spawn to the first 200 of GET /healthz (polled every 5 ms). */
export async function firstOk(server: Server, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    if (server.proc.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      const res = await fetch(`${server.url}/healthz`);
      if (res.status === 200) return performance.now() - server.spawnedAt;
    } catch {
      // not listening yet
    }
    if (performance.now() - server.spawnedAt > timeoutMs) throw new Error(`no 200 within ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Resident memory now and at its peak, in MB (Linux /proc). */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU time the process used so far (all its threads, user + system), in ms (Linux /proc). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  total: number;
}

/** Runs bench/load.ts (autocannon) in its own process against `url`. */
export async function runLoad(
  url: string,
  body: string,
  seconds: number,
  headers: Record<string, string> = {},
  method: 'GET' | 'POST' = 'POST',
  extra: { overallRate?: number; connections?: number } = {},
): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', JSON.stringify({ url, body, seconds, headers, method, ...extra })], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`load generator exited with ${code}: ${out}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult;
}
