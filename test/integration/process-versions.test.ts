import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exampleConfigJson, submissionBody } from '../support/fixtures';
import { startServer, serversOfFile } from '../support/server-process';
import { until } from '../support/until';

// Versioned processes in the real server: the store thread stores a config's process versions at
// start and on SIGHUP, the main thread puts them in form tokens, and a lead keeps its version.

const ADMIN_TOKEN = 'admin-token-0123456789-abcdef';
const { dir, servers } = serversOfFile('koers-process-versions-');

describe('process versions across a reload and a restart', () => {
  it('a reload with a new process text makes a new version; the old lead keeps its own, and restarts add no rows', async () => {
    const path = join(dir, 'koers.json');
    const databasePath = join(dir, 'koers.db');
    const config = exampleConfigJson();
    writeFileSync(path, JSON.stringify(config, null, 2));
    const env = { KOERS_CONFIG: path, DATABASE_PATH: databasePath, MIN_FILL_SECONDS: '0', ADMIN_TOKEN };
    let server = await startServer(env);
    servers.push(server);
    const api = (p: string, init?: RequestInit) => fetch(`${server.url}/api/v1${p}`, init);
    const admin = (p: string) => api(`/admin${p}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    const form = async () => (await (await api('/sites/zeilmaker-web/form?lang=en')).json()) as { formToken: string; process: { version: string } };
    const submit = async (formToken: string) => {
      const res = await api('/sites/zeilmaker-web/leads', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...submissionBody({ language: 'en' } as never), formToken }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { leadId: string }).leadId;
    };
    const leadVersion = async (id: string) =>
      ((await (await admin('/leads?limit=200')).json()) as { id: string; processVersion: string | null }[]).find((l) => l.id === id)?.processVersion;
    const versionRows = () => {
      const db = new Database(databasePath, { readonly: true });
      try {
        return db.prepare('SELECT id FROM process_versions ORDER BY id').all() as { id: string }[];
      } finally {
        db.close();
      }
    };
    expect(server.output()).toContain('Stored 2 new process version(s)');

    const before = await form();
    const oldLead = await submit(before.formToken);
    expect(await leadVersion(oldLead)).toBe(before.process.version);

    // The vendor rewrites a step and reloads.
    config.process.steps[1].weDo = { nl: 'Twee workshops over uw situatie.', en: 'Two workshops on your situation.' };
    writeFileSync(path, JSON.stringify(config, null, 2));
    server.proc.kill('SIGHUP');
    await until(() => server.output().includes('Config reloaded from'), 10_000, 'the reload');
    expect(server.output().split('Stored 2 new process version(s)')).toHaveLength(3); // once more: both languages changed
    const after = await form();
    expect(after.process.version).not.toBe(before.process.version);
    const newLead = await submit(after.formToken);
    expect(await leadVersion(newLead)).toBe(after.process.version);

    // The old lead still names the old version, and that version still reads as it was shown.
    expect(await leadVersion(oldLead)).toBe(before.process.version);
    const old = (await (await admin(`/process-versions/${before.process.version}`)).json()) as { content: { steps: { weDo: string }[] } };
    expect(old.content.steps[1].weDo).toBe('A workshop on your situation and requirements.');
    const rowsAfterReload = versionRows();
    expect(rowsAfterReload).toHaveLength(4);

    // A restart with the same config: the same ids, no new rows.
    expect(await server.stop()).toBe(0);
    server = await startServer(env);
    servers.push(server);
    expect(server.output()).not.toContain('new process version');
    expect((await form()).process.version).toBe(after.process.version);
    expect(versionRows()).toEqual(rowsAfterReload);
  }, 120_000);
});
