import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../server/clock';
import { openDatabase } from '../../server/db/open';
import { silentLog } from '../../server/log';
import { devOutboxMailer } from '../../server/mail/dev-outbox-mailer';
import { jobHandlers } from '../../server/outbox/job-handlers';
import { createOutboxWorker } from '../../server/outbox/worker';
import { resolveWebhookKeys } from '../../server/webhooks/secrets';
import { vendorConfigSchema } from '../../shared/config';
import { exampleConfigJson, submissionBody } from '../support/fixtures';
import { testApp } from '../support/test-app';
import { startWebhookReceiver } from '../support/webhook-receiver';

// `npm run erase` (scripts/erase.ts) as its own process on a real SQLite file: a CRM that got
// lead.created hears lead.erased too, through the config the server uses (KOERS_CONFIG).

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const EMAIL = 'wis.mij@visser.example';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'koers-erase-hooks-'));
  const dbPath = join(dir, 'koers.db');
  const configPath = join(dir, 'koers.config.json');
  const receiver = await startWebhookReceiver(SECRET);
  cleanups.push(() => receiver.close());
  const json = exampleConfigJson();
  json.webhooks = [{ url: receiver.url, events: ['*'], secretEnv: 'KOERS_TEST_WEBHOOK', allowPrivateTarget: true }];
  writeFileSync(configPath, JSON.stringify(json));
  const config = vendorConfigSchema.parse(json);
  const keys = resolveWebhookKeys(config, { KOERS_TEST_WEBHOOK: SECRET });
  if (!keys.ok) throw new Error(keys.problems.join('\n'));

  const clock = manualClock(Date.now());
  /** The app and outbox worker main.ts runs, on the file (opened again after the command ran). */
  const open = () => {
    const t = testApp({ dbPath, config, clock });
    const worker = createOutboxWorker({ db: t.db, clock, log: silentLog, handlers: jobHandlers({ db: t.db, config, clock, mailer: devOutboxMailer(t.db, clock), webhookKeys: keys.keys }) });
    const due = () => (t.db.$client.prepare("select count(*) as n from outbox where status = 'pending' and run_at <= ?").get(clock.now()) as { n: number }).n;
    const deliverAll = async () => {
      for (let i = 0; i < 20 && due() > 0; i++) {
        await worker.runOnce();
        await worker.settled();
      }
    };
    return { t, deliverAll, close: () => t.db.$client.close() };
  };
  const erase = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/erase.ts', EMAIL], { env: { PATH: process.env.PATH ?? '', DATABASE_PATH: dbPath, ...env }, encoding: 'utf8' });
  const erasedRows = (t: { db: ReturnType<typeof openDatabase> }) =>
    (t.db.$client.prepare("select payload from outbox where kind = 'webhook'").all() as { payload: string }[])
      .map((r) => JSON.parse(r.payload) as { type: string; data?: { leadId: string } })
      .filter((j) => j.type === 'lead.erased');
  return { dbPath, configPath, receiver, clock, open, erase, erasedRows };
}

async function twoLeads(s: Awaited<ReturnType<typeof setup>>) {
  const app = s.open();
  const ids: string[] = [];
  for (const name of ['Wim Wis', 'Wim Wis']) {
    const res = await app.t.post(submissionBody({ contact: { name, email: EMAIL } }));
    expect(res.status).toBe(201);
    ids.push(((await res.json()) as { leadId: string }).leadId);
  }
  return { app, ids };
}

describe('npm run erase and webhooks', () => {
  it('queues lead.erased (id only) for each erased lead through the config, and the server delivers it signed', async () => {
    const s = await setup();
    const { app, ids } = await twoLeads(s);
    await app.deliverAll();
    expect(s.receiver.deliveries.filter((d) => d.body.type === 'lead.created').map((d) => d.body.data.lead.id).sort()).toEqual([...ids].sort());
    app.close();

    const run = s.erase({ KOERS_CONFIG: s.configPath });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`erased ${EMAIL}`);
    expect(run.stdout).toContain('webhooks: lead.erased queued 2 time(s)');

    const after = s.open();
    expect(after.t.db.$client.prepare('select count(*) as n from leads').get()).toEqual({ n: 0 });
    expect(s.erasedRows(after.t).map((j) => j.data!.leadId).sort()).toEqual([...ids].sort());
    s.clock.set(Date.now() + 1000);
    await after.deliverAll();
    const erased = s.receiver.deliveries.filter((d) => d.body.type === 'lead.erased');
    expect(erased.map((d) => d.body.data).sort((a, b) => a.leadId.localeCompare(b.leadId))).toEqual([...ids].sort().map((leadId) => ({ leadId })));
    expect(erased.every((d) => d.signatureOk)).toBe(true);
    after.close();
  });

  it('erases without a loadable config and says plainly that no webhook was told, naming the leads', async () => {
    const s = await setup();
    const { app, ids } = await twoLeads(s);
    app.close();

    const run = s.erase({ KOERS_CONFIG: join(s.configPath, '..', 'missing.json') });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`erased ${EMAIL}`);
    expect(run.stderr).toContain('NO WEBHOOK WAS TOLD of this erase');
    expect(run.stderr).toContain('missing.json: cannot read (ENOENT)');
    for (const id of ids) expect(run.stderr).toContain(id);

    const after = s.open();
    expect(after.t.db.$client.prepare('select count(*) as n from leads').get()).toEqual({ n: 0 });
    expect(s.erasedRows(after.t)).toEqual([]);
    after.close();
  });
});
