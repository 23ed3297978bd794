import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './build-widget';
import { FALLBACK } from './host-site';

// The real server (server/main.ts) as a child process, configured only through its environment
// (README "Environment"): a fresh database, the example config plus the test host's origin, and
// SMTP to the test's sink. Resolves once GET /healthz answers 200.

export interface ApiServer {
  origin: string;
  config: ExampleConfig;
  /** The server's SQLite file (read it with `readonly: true` to check what was stored). */
  dbPath: string;
  close(): Promise<void>;
}

export interface ExampleConfig {
  sites: { key: string; origins: string[] }[];
  reps: { name: string; email: string }[];
  [k: string]: unknown;
}

/** The admin API's bearer token in the e2e server (README "Environment"; strong enough to start). */
export const E2E_ADMIN_TOKEN = 'e2e-Qm7vX2pL9rT4zW8kN1sH6dJ3fB5cYa0';

export const exampleConfig = (): ExampleConfig =>
  JSON.parse(readFileSync(join(ROOT, 'server/config/example.config.json'), 'utf8'));

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startApiServer(opts: { hostOrigin: string; smtpUrl: string }): Promise<ApiServer> {
  const dir = mkdtempSync(join(tmpdir(), 'koers-e2e-'));
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const config = exampleConfig();
  // The customer site, and the server's own /demo pages for /demo/cross-origin (which loads the
  // widget from 127.0.0.1:PORT into a page on localhost:PORT).
  config.sites[0].origins.push(opts.hostOrigin, origin);
  (config as any).vendor.fallbackContact = FALLBACK;
  writeFileSync(join(dir, 'koers.config.json'), JSON.stringify(config, null, 2));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: join(dir, 'koers.db'),
      KOERS_CONFIG: join(dir, 'koers.config.json'),
      SMTP_URL: opts.smtpUrl,
      PUBLIC_URL: origin,
      // Tests click faster than people and load many pages from one address: the server's
      // too-fast check (the form token must still be genuine) and rate limit are its own tests'.
      MIN_FILL_SECONDS: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      // The /demo pages are development pages (off by default with PUBLIC_URL and SMTP_URL set);
      // the isolation tests load the widget through them.
      DEV_PAGES: 'on',
      ADMIN_TOKEN: E2E_ADMIN_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server/main.ts exited with ${child.exitCode}:\n${log}`);
    const ok = await fetch(`${origin}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`server/main.ts: no 200 from /healthz within 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    config,
    dbPath: join(dir, 'koers.db'),
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
