import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchApiKey } from './api-key';
import { benchBody } from './body';
import { firstOk, memoryMb, runLoad, startServer } from './proc';
import { startNullSmtp } from './smtp-null';

// `npx tsx bench/memory-probe.ts [bench/memory-preload.cjs]`: the real server's memory after start,
// after 6 s of the bench's submit load (PROBE_SECONDS) and 3 s later: RSS, its anonymous and
// file-backed parts and the peak (/proc/PID/status). With the preload, also the main thread's heap
// (process.memoryUsage, code, heap spaces). PROBE_ENV: more environment (JSON);
// PROBE_DROP_FLAG: a start flag to leave out (e.g. --enable-source-maps).

const work = mkdtempSync(join(tmpdir(), 'koers-memory-'));
const smtp = await startNullSmtp();
const key = benchApiKey(work);
const preload = process.argv[2];
const server = await startServer(
  'server/main.ts',
  { ...key.env, DATABASE_PATH: join(work, 'koers.db'), SMTP_URL: smtp.url, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_SITE_PER_MINUTE: '0', MIN_FILL_SECONDS: '0', ...JSON.parse(process.env.PROBE_ENV ?? '{}') },
  preload ? ['--require', preload] : [],
  process.env.PROBE_DROP_FLAG,
);
const pid = server.proc.pid!;
const phase = async (name: string) => {
  await new Promise((r) => setTimeout(r, 500));
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (f: string) => Number(status.match(new RegExp(`^${f}:\\s+(\\d+)`, 'm'))?.[1] ?? NaN) / 1024;
  if (preload) server.proc.kill('SIGUSR2');
  await new Promise((r) => setTimeout(r, 200));
  const mem = server.output().split('\n').filter((l) => l.startsWith('MEM')).at(-1) ?? '';
  console.log(`${name}: RSS ${memoryMb(pid).rss.toFixed(1)} MB (anon ${field('RssAnon').toFixed(1)}, file ${field('RssFile').toFixed(1)}), peak ${memoryMb(pid).peak.toFixed(1)}  ${mem}`);
};
try {
  await firstOk(server);
  await phase('after start');
  await runLoad(`${server.url}/api/v1/sites/zeilmaker-web/leads`, benchBody(), Number(process.env.PROBE_SECONDS ?? 6), key.headers);
  await phase('after submit load');
  await new Promise((r) => setTimeout(r, 3000));
  await phase('3 s later');
} finally {
  await server.stop();
  await smtp.close();
  rmSync(work, { recursive: true, force: true });
}
