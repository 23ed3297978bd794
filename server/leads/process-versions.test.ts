import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleConfig, exampleConfigJson, submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import { manualClock } from '../clock';
import { openDatabase } from '../db/open';
import { leads, processVersions as versionsTable } from '../db/schema';
import { resolveApiKeys } from '../http/api-keys';
import { sign } from '../security/signed-token';
import { vendorConfigSchema } from '../../shared/config';
import { processVersions } from './process-versions';

// Versioned processes (issue 10, part 2): every process text a site shows is stored once, keyed
// by its content; a lead records the version its form showed, and keeps it when the config changes.

const ADMIN = 'admin-token-0123456789';
const admin = { headers: { Authorization: `Bearer ${ADMIN}` } };
const SECRET = 'crm-secret-0123456789-abcdefghijklmnop';

/** An app on a real SQLite file; several apps on one file are restarts (with the same signing key). */
function appOn(dbPath: string, opts: { config?: ReturnType<typeof exampleConfig>; signingKey?: Uint8Array; clock?: ReturnType<typeof manualClock> } = {}) {
  const config = opts.config ?? exampleConfig();
  const keys = resolveApiKeys(config, { KOERS_CRM_KEY: SECRET });
  if (!keys.ok) throw new Error(keys.problems.join('\n'));
  return testApp({
    db: openDatabase(dbPath),
    config,
    clock: opts.clock,
    deps: { adminToken: ADMIN, apiKeys: keys.keys, ...(opts.signingKey ? { signingKey: opts.signingKey } : {}) },
  });
}
const dbFile = () => join(mkdtempSync(join(tmpdir(), 'koers-versions-')), 'koers.db');

/** GET /form, then a person takes a minute before sending it with the form's token. */
async function showForm(t: ReturnType<typeof testApp>, lang: 'nl' | 'en') {
  const res = await t.app.request(`/api/v1/sites/zeilmaker-web/form?lang=${lang}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { formToken: string; process: { version: string; steps: { title: string }[] } & Record<string, unknown> };
}
async function submitShown(t: ReturnType<typeof testApp>, form: { formToken: string }, language: 'nl' | 'en') {
  t.clock.advance(60_000);
  const res = await t.post({ ...submissionBody({ language } as never), formToken: form.formToken });
  expect(res.status).toBe(201);
  return ((await res.json()) as { leadId: string }).leadId;
}
const versionOf = (t: ReturnType<typeof testApp>, leadId: string) => t.db.select().from(leads).all().find((l) => l.id === leadId)!.processVersion;
const readVersion = (t: ReturnType<typeof testApp>, id: string) => t.app.request(`/api/v1/admin/process-versions/${id}`, admin);
const renamedIntro = () =>
  exampleConfig((c) => {
    c.process.steps[0].title = { nl: 'Eerste gesprek', en: 'First call' };
  });

describe('versioned processes', () => {
  it('a lead records the version of the form it was shown; admin JSON, CSV and the look-up show it', async () => {
    const t = appOn(dbFile());
    const form = await showForm(t, 'en');
    expect(form.process.version).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const leadId = await submitShown(t, form, 'en');
    expect(versionOf(t, leadId)).toBe(form.process.version);

    const listed = (await (await t.app.request('/api/v1/admin/leads', admin)).json()) as { id: string; processVersion: string }[];
    expect(listed.find((l) => l.id === leadId)?.processVersion).toBe(form.process.version);
    const csv = await (await t.app.request('/api/v1/admin/leads.csv', admin)).text();
    const [header, row] = csv.trim().split('\n');
    const column = header.split(',').indexOf('"process_version"');
    expect(column).toBeGreaterThan(-1);
    expect(row.split(',')[column]).toBe(`"${form.process.version}"`);

    const shown = await readVersion(t, form.process.version);
    expect(shown.status).toBe(200);
    const { version: _v, ...content } = form.process;
    expect(await shown.json()).toEqual({ id: form.process.version, site: 'zeilmaker-web', language: 'en', content, createdAt: expect.any(Number) });
    // Each language of the site is a version of its own.
    expect((await showForm(t, 'nl')).process.version).not.toBe(form.process.version);
  });

  it('a changed process text makes a new version; the old lead keeps the old one, whose content is unchanged', async () => {
    const path = dbFile();
    const clock = manualClock();
    const signingKey = new Uint8Array(32).fill(7);
    const before = appOn(path, { clock, signingKey });
    const oldForm = await showForm(before, 'en');
    const oldLead = await submitShown(before, oldForm, 'en');
    const shownBeforeChange = await showForm(before, 'en'); // sent only after the change

    // The config's process text changes (a restart or reload: a new app on the same database).
    const after = appOn(path, { clock, signingKey, config: renamedIntro() });
    const newForm = await showForm(after, 'en');
    expect(newForm.process.steps[0].title).toBe('First call');
    expect(newForm.process.version).not.toBe(oldForm.process.version);
    const newLead = await submitShown(after, newForm, 'en');
    expect(versionOf(after, newLead)).toBe(newForm.process.version);
    // A form shown before the change and sent after it records what it showed.
    const lateLead = await submitShown(after, shownBeforeChange, 'en');
    expect(versionOf(after, lateLead)).toBe(oldForm.process.version);

    expect(versionOf(after, oldLead)).toBe(oldForm.process.version);
    const old = (await (await readVersion(after, oldForm.process.version)).json()) as { content: { steps: { title: string }[] } };
    expect(old.content.steps[0].title).toBe('Introduction');
    const current = (await (await readVersion(after, newForm.process.version)).json()) as { content: { steps: { title: string }[] } };
    expect(current.content.steps[0].title).toBe('First call');
    // Two languages, two texts: four versions, none rewritten.
    expect(after.db.select().from(versionsTable).all()).toHaveLength(4);
  });

  it('a page reloaded after a change keeps its first token: the version the widget names counts, if the server shows it', async () => {
    const path = dbFile();
    const clock = manualClock();
    const signingKey = new Uint8Array(32).fill(7);
    const before = appOn(path, { clock, signingKey });
    const firstForm = await showForm(before, 'en');
    const after = appOn(path, { clock, signingKey, config: renamedIntro() });
    const reloaded = await showForm(after, 'en'); // the page reloads: new form, the widget keeps its first token
    let token = firstForm.formToken;
    const send = async (processVersion: string) => {
      clock.advance(60_000);
      const res = await after.post({ ...submissionBody({ language: 'en' } as never), formToken: token, processVersion });
      expect(res.status).toBe(201);
      // A token serves one lead: the next send needs its own, from a form of the old config.
      token = (await showForm(before, 'en')).formToken;
      return versionOf(after, ((await res.json()) as { leadId: string }).leadId);
    };
    expect(await send(reloaded.process.version)).toBe(reloaded.process.version);
    // A version the server does not show now (made up, or another language's) is not taken: the token's is.
    expect(await send('made-up-version-000000')).toBe(firstForm.process.version);
    expect(await send((await showForm(after, 'nl')).process.version)).toBe(firstForm.process.version);
  });

  it('the same text gives the same id: restarts store no duplicates, and key order in the file does not matter', async () => {
    const path = dbFile();
    const first = appOn(path);
    const ids = [(await showForm(first, 'nl')).process.version, (await showForm(first, 'en')).process.version];
    const again = appOn(path);
    expect([(await showForm(again, 'nl')).process.version, (await showForm(again, 'en')).process.version]).toEqual(ids);
    expect(again.db.select().from(versionsTable).all().map((v) => v.id).sort()).toEqual([...ids].sort());

    // The same process written with its keys in another order is the same version.
    const json = exampleConfigJson();
    json.process = Object.fromEntries(Object.entries(json.process).reverse());
    json.process.steps = json.process.steps.map((s: object) => Object.fromEntries(Object.entries(s).reverse()));
    expect(processVersions(vendorConfigSchema.parse(json)).all.map((v) => v.id).sort()).toEqual([...ids].sort());
  });

  it('a form token from before versions (no version in it) is still accepted; its lead records no version', async () => {
    const t = appOn(dbFile());
    const oldFormat = sign(t.deps.signingKey, `form:zeilmaker-web:${t.clock.now() - 60_000}:before-upgrade`);
    const res = await t.post({ ...submissionBody(), formToken: oldFormat });
    expect(res.status).toBe(201);
    const lead = t.db.select().from(leads).get()!;
    expect(lead.status).toBe('assigned'); // not taken for spam
    expect(lead.processVersion).toBeNull();
  });

  it('a submission with an API key records the version the site shows now in its language', async () => {
    const config = exampleConfig((c) => (c.sites[0].apiKeys = [{ id: 'crm', secretEnv: 'KOERS_CRM_KEY' }]));
    const t = appOn(dbFile(), { config });
    const res = await t.app.request('/api/v1/sites/zeilmaker-web/leads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SECRET}` },
      body: JSON.stringify({ ...submissionBody({ language: 'en' } as never), formToken: undefined }),
    });
    expect(res.status).toBe(201);
    expect(t.db.select().from(leads).get()!.processVersion).toBe((await showForm(t, 'en')).process.version);
  });

  it('an unknown version id is a 404 with the usual error body', async () => {
    const t = appOn(dbFile());
    const res = await readVersion(t, 'no-such-version');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No process version "no-such-version": use a lead\'s processVersion.' } });
  });
});
