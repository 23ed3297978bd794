import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leads, leadEvents, outbox } from '../db/schema';
import { resolveApiKeys } from '../http/api-keys';
import { exampleConfig, submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';

// Server-side submissions (issue 9, "Leads must never vanish"): a vendor's server POSTs a lead
// with its site's API key instead of a browser's form token.

const SECRET = 'crm-secret-0123456789-abcdefghijklmnop';
const withKeys = () => exampleConfig((c) => (c.sites[0].apiKeys = [{ id: 'crm', secretEnv: 'KOERS_CRM_KEY' }]));

function serverApp(protection = {}) {
  const config = withKeys();
  const resolved = resolveApiKeys(config, { KOERS_CRM_KEY: SECRET });
  if (!resolved.ok) throw new Error(resolved.problems.join('\n'));
  return testApp({ config, deps: { apiKeys: resolved.keys, protection: { perClientPerMinute: 0, perSitePerMinute: 0, ...protection } } });
}

/** As a server sends it: no Origin, no form token, the key in Authorization. */
function fromServer(t: ReturnType<typeof testApp>, body: object, authorization = `Bearer ${SECRET}`) {
  return t.app.request('/api/v1/sites/zeilmaker-web/leads', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: authorization },
    body: JSON.stringify(body),
  });
}

describe('server-side submissions with a site API key', () => {
  it('a lead POSTed by a server with its key is routed and mailed, and records the key', async () => {
    const t = serverApp();
    const res = await fromServer(t, { ...submissionBody(), formToken: undefined });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ rep: { name: 'Anna de Vries' } });
    const lead = t.db.select().from(leads).get()!;
    expect(lead).toMatchObject({ status: 'assigned', repId: 'anna', apiKeyId: 'crm' });
    expect(t.db.select().from(outbox).all().map((j) => (j.payload as { mail: string }).mail)).toEqual(['rep', 'prospect']);
    expect(t.db.select().from(leadEvents).get()!.type).toBe('assigned');
  });

  it('skips the browser checks: a filled honeypot and a form filled in at once are no bot for a server', async () => {
    const t = serverApp();
    const res = await fromServer(t, submissionBody({ contact: { website: 'https://crm.example/lead/1' } }));
    expect(res.status).toBe(201);
    expect(t.db.select().from(leads).get()!.status).toBe('assigned');
  });

  it('a wrong key is 401 with the usual error body, and nothing is stored', async () => {
    const t = serverApp();
    for (const authorization of [`Bearer ${SECRET}x`, 'Bearer nope', `Basic ${SECRET}`, 'Bearer']) {
      const res = await fromServer(t, submissionBody(), authorization);
      expect(res.status, authorization).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Not a valid API key for site "zeilmaker-web".' } });
    }
    // Another site's key is not this site's.
    const other = testApp({ deps: { apiKeys: { 'zeilmaker-web': [] } } });
    expect((await fromServer(other, submissionBody())).status).toBe(401);
    expect(t.db.select().from(leads).all()).toEqual([]);
  });

  it('is still validated and rate limited', async () => {
    const t = serverApp({ perSitePerMinute: 1 });
    const invalid = await fromServer(t, submissionBody({ answers: { stage: 'buying' } }));
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.fields[0].path).toBe('answers.stage');
    expect((await fromServer(t, submissionBody())).status).toBe(201);
    const limited = await fromServer(t, submissionBody());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/);
  });

  it('with neither key nor form token: 201, stored as spam, never routed or mailed', async () => {
    const t = serverApp();
    const res = await t.app.request('/api/v1/sites/zeilmaker-web/leads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(submissionBody()),
    });
    expect(res.status).toBe(201);
    expect(t.db.select().from(leads).get()).toMatchObject({ status: 'spam', routingReason: 'spam: no form token', apiKeyId: null });
    expect(t.db.select().from(outbox).all()).toEqual([]);
  });
});

describe('resolving the keys at start', () => {
  it('names the config path of a key whose variable is missing or too short, and keeps only digests', () => {
    const config = exampleConfig((c) => {
      c.sites[0].apiKeys = [
        { id: 'crm', secretEnv: 'KOERS_CRM_KEY' },
        { id: 'shop', secretEnv: 'KOERS_SHOP_KEY' },
      ];
    });
    const missing = resolveApiKeys(config, { KOERS_CRM_KEY: 'short' });
    expect(missing).toEqual({
      ok: false,
      problems: [
        'sites[0].apiKeys[0].secretEnv: KOERS_CRM_KEY has 5 characters; use at least 32, e.g. from `openssl rand -base64 32`',
        'sites[0].apiKeys[1].secretEnv: the environment variable KOERS_SHOP_KEY is not set (it holds the secret of API key "shop")',
      ],
    });
    const ok = resolveApiKeys(config, { KOERS_CRM_KEY: SECRET, KOERS_SHOP_KEY: `${SECRET}2` });
    expect(ok.ok && ok.keys['zeilmaker-web'].map((k) => k.id)).toEqual(['crm', 'shop']);
    expect(JSON.stringify(ok)).not.toContain(SECRET);
    expect(ok.ok && ok.keys['zeilmaker-web'][0].digest).toEqual(createHash('sha256').update(SECRET).digest());
  });

  it('the config schema refuses a secret name that is no variable name, and two keys with one id', () => {
    expect(() => exampleConfig((c) => (c.sites[0].apiKeys = [{ id: 'crm', secretEnv: 'my secret' }]))).toThrow(/environment variable name/);
    expect(() =>
      exampleConfig((c) => (c.sites[0].apiKeys = [{ id: 'crm', secretEnv: 'A' }, { id: 'crm', secretEnv: 'B' }])),
    ).toThrow(/same id/);
  });
});
