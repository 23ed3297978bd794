import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open';
import { leadEvents, leads } from '../../server/db/schema';
import { exampleConfigJson } from '../support/fixtures';
import { postLead, startServer, type ServerProcess } from '../support/server-process';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { until } from '../support/until';

// The real server process: a rep removed from the config between two starts, and one removed by
// a config reload (SIGHUP), leaves no lead behind: each is named in the log and routed again.

const dir = mkdtempSync(join(tmpdir(), 'koers-orphans-'));
const servers: ServerProcess[] = [];
let sink: SmtpSink | undefined;
afterAll(async () => {
  for (const s of servers) await s.stop();
  await sink?.close();
});

describe('open leads of a removed rep, in the running server', () => {
  it('are routed again at start and after a SIGHUP reload, each named in the log', async () => {
    sink = await startSmtpSink();
    const configPath = join(dir, 'koers.json');
    const config = exampleConfigJson();
    writeFileSync(configPath, JSON.stringify(config));
    const env = { KOERS_CONFIG: configPath, DATABASE_PATH: join(dir, 'koers.db'), MIN_FILL_SECONDS: '0', SMTP_URL: sink.url };

    const first = await startServer(env);
    servers.push(first);
    const res = await postLead(first, { Origin: 'https://www.zeilmaker.example' });
    expect(res.status).toBe(201);
    const { leadId, rep } = await res.json();
    expect(rep).toEqual({ name: 'Anna de Vries' });
    await first.stop();

    // Anna leaves: the next start routes her open lead to Bram (Dutch, same team).
    config.reps = config.reps.filter((r: { id: string }) => r.id !== 'anna');
    config.teams[0].reps = ['bram', 'chris'];
    writeFileSync(configPath, JSON.stringify(config));
    const second = await startServer(env);
    servers.push(second);
    expect(second.output()).toContain(`Lead ${leadId} was with rep "anna", who is no longer in the config: routed again`);
    await until(() => sink!.messages.some((m) => m.envelope.to.includes('bram@zeilmaker.example')), 10_000, "Bram's mail");

    // Bram leaves too, by a reload: Chris speaks no Dutch, so the lead goes to Dewi (fallback team).
    config.reps = config.reps.filter((r: { id: string }) => r.id !== 'bram');
    config.teams[0].reps = ['chris'];
    writeFileSync(configPath, JSON.stringify(config));
    second.proc.kill('SIGHUP');
    await until(() => second.output().includes(`Lead ${leadId} was with rep "bram"`), 10_000, 'the reload to re-route the lead');
    await until(() => sink!.messages.some((m) => m.envelope.to.includes('dewi@zeilmaker.example')), 10_000, "Dewi's mail");

    const db = openDatabase(env.DATABASE_PATH, { migrate: false });
    try {
      expect(db.select().from(leads).where(eq(leads.id, leadId)).get()).toMatchObject({ repId: 'dewi', status: 'assigned' });
      const history = db.select().from(leadEvents).where(eq(leadEvents.leadId, leadId)).orderBy(leadEvents.id).all();
      expect(history.map((e) => `${e.type}:${e.repId}`)).toEqual(['assigned:anna', 'agreement:null', 'rep-removed:anna', 'assigned:bram', 'rep-removed:bram', 'assigned:dewi']);
    } finally {
      db.$client.close();
    }
  }, 90_000);
});
