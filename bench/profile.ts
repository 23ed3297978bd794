import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchApiKey } from './api-key';
import { benchBody } from './body';
import { firstOk, runLoad, startServer } from './proc';
import { startNullSmtp } from './smtp-null';

// `npx tsx bench/profile.ts [seconds]`: the real server under the bench's submit load with
// --cpu-prof, then the functions that took the most CPU (self time), for finding what to speed up.

const ROOT_URL = new URL('..', import.meta.url).href;
const seconds = Number(process.argv[2] ?? 8);
const work = mkdtempSync(join(tmpdir(), 'koers-profile-'));
const smtp = await startNullSmtp();
const key = benchApiKey(work);
const server = await startServer(
  'server/main.ts',
  {
    ...key.env,
    DATABASE_PATH: join(work, 'koers.db'),
    SMTP_URL: smtp.url,
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_SITE_PER_MINUTE: '0',
    MIN_FILL_SECONDS: '0',
    ...JSON.parse(process.env.EXP_ENV ?? '{}'),
  },
  ['--cpu-prof', `--cpu-prof-dir=${work}`],
);
await firstOk(server);
const load = await runLoad(`${server.url}/api/v1/sites/zeilmaker-web/leads`, benchBody(), seconds, key.headers);
console.log(`load: ${load.rps.toFixed(0)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms`);
server.proc.kill('SIGINT');
await new Promise((r) => server.proc.once('exit', r));
await smtp.close();

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
// One profile per thread: the main thread (HTTP, validation) and the store thread (storing, mail).
const files = readdirSync(work).filter((f) => f.endsWith('.cpuprofile'));
if (!files.length) throw new Error('no profile written');
for (const file of files) summarize(file);

function summarize(file: string) {
  console.log(`\n=== ${file} ===`);
  const profile = JSON.parse(readFileSync(join(work, file), 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    total += t;
    const where = node.callFrame.url.replace(/^file:\/\/.*\/(node_modules\/)/, '$1').replace(ROOT_URL, '') || '(native)';
    const name = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    byName.set(name, (byName.get(name) ?? 0) + t);
    const pkg = where.startsWith('node_modules/') ? where.split('/').slice(0, where.startsWith('node_modules/@') ? 3 : 2).join('/') : where.split('/')[0];
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + t);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  console.log('\nby package / folder:\n' + top(byFile, 15).join('\n'));
  console.log('\nby function (self time):\n' + top(byName, 30).join('\n'));

  // Inclusive time of the functions that mark the stages of a lead (each counted once per stack).
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const STAGES = ['enqueueMail', 'queueLeadMails', 'leadMailHandler', 'leadMail', 'insertLead', 'recordEvent', 'saveCurrents', 'scheduleSlaCheck', 'earlierSubmission', 'earlierLeadOf', 'sqliteTransaction', 'storeLead', 'flush', 'repLeadMail', 'prospectConfirmationMail', 'qualify', 'chooseRoute', 'readRoutingState', 'runJob', 'sendMail', 'browserCheck', 'checkAnswers', 'safeParseAsync', 'claim', 'bookkeeping'];
  const inclusive = new Map<string, number>();
  for (const [id, t] of self) {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parentOf.get(n)) {
      const name = nodeById.get(n)!.callFrame.functionName;
      if (STAGES.includes(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + t);
      }
    }
  }
  console.log('\nstages (inclusive):\n' + top(inclusive, STAGES.length).join('\n'));

}
