import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { submissionBody } from './fixtures';
import { until } from './until';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `server/main.ts` as its own process, configured only by environment variables (README "Environment"). */
export function spawnServer(env: Record<string, string>, port: number): ServerProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    proc,
    output: () => out,
    exited,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** Starts the server and waits until /healthz answers 200. */
export async function startServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const server = spawnServer(env, port ?? (await freePort()));
  let exitCode: number | null | undefined;
  void server.exited.then((c) => (exitCode = c));
  await until(
    async () => {
      if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${server.output()}`);
      try {
        return (await fetch(`${server.url}/healthz`)).status === 200;
      } catch {
        return false;
      }
    },
    60_000,
    'the server to answer /healthz',
  );
  return server;
}

/**
 * A temporary folder for one test file's servers and their files, and the list of servers it
 * started: each is stopped after the file's tests.
 */
export function serversOfFile(prefix: string): { dir: string; servers: ServerProcess[] } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });
  return { dir, servers };
}

/** As the widget does on a page: GET the form (for its token), then POST a lead with that token. */
export async function postLead(server: ServerProcess, headers: Record<string, string> = {}): Promise<Response> {
  const { formToken } = (await (await fetch(`${server.url}/api/v1/sites/zeilmaker-web/form?lang=nl`)).json()) as { formToken: string };
  return fetch(`${server.url}/api/v1/sites/zeilmaker-web/leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ ...submissionBody(), formToken }),
  });
}
