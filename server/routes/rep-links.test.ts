import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import { leads } from '../db/schema';
import type { Log } from '../log';
import { ACTION_LINK_MAX_AGE_MS, repActionLinks, signActionToken } from '../security/action-links';

// Security review 11 (rep links): a malformed body was a 500 that logged the token; issuedAt was
// never checked; issue 9: a removed rep's links kept working.

const DAY = 24 * 60 * 60_000;

function recordingLog() {
  const lines: string[] = [];
  const log: Log = {
    info: (m, d) => lines.push(`${m} ${JSON.stringify(d ?? {})}`),
    warn: (m, d) => lines.push(`${m} ${JSON.stringify(d ?? {})}`),
    error: (m, d) => lines.push(`${m} ${JSON.stringify(d ?? {})}`),
  };
  return { log, lines };
}

async function withLead(opts: Parameters<typeof testApp>[0] = {}) {
  const t = testApp(opts);
  const { leadId } = await (await t.post(submissionBody({ language: 'en' }))).json();
  const lead = t.db.select().from(leads).where(eq(leads.id, leadId)).get()!;
  const [accept, pass] = repActionLinks(t.deps)(leadId, lead.repId!, 'en').map((l) => new URL(l.href).pathname);
  return { ...t, lead, accept, pass };
}

describe('rep links', () => {
  it('answers a body it cannot read with 400 and a clear page, and logs nothing with the token', async () => {
    const { log, lines } = recordingLog();
    const t = await withLead({ deps: { log } });
    const res = await t.app.request(t.pass, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      body: '--y\r\nnot a part\r\n',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('Je antwoord kon niet worden gelezen'); // Anna reads Dutch
    expect(t.db.select().from(leads).get()).toMatchObject({ status: 'assigned', repId: t.lead.repId });
    const token = t.pass.split('/r/')[1];
    expect(lines.join('\n')).not.toContain(token);
  });

  it('shows a failure on our side as a page, logging the error without the token', async () => {
    const { log, lines } = recordingLog();
    const t = await withLead({ deps: { log } });
    t.db.$client.exec('drop table lead_events'); // the history cannot be read any more
    const res = await t.app.request(t.accept);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('Er ging iets mis');
    expect(lines.join('\n')).toContain('rep action failed');
    expect(lines.join('\n')).not.toContain(t.accept.split('/r/')[1]);
  });

  it(`treats a link issued more than ${ACTION_LINK_MAX_AGE_MS / DAY} days ago as expired, whatever expiry it carries`, async () => {
    const t = await withLead();
    const now = t.clock.now();
    const claim = { action: 'accept' as const, leadId: t.lead.id, repId: t.lead.repId!, issuedAt: now - ACTION_LINK_MAX_AGE_MS - 1, expiresAt: now + DAY };
    const res = await t.app.request(`/r/${signActionToken(t.deps.signingKey, claim)}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Deze link is verlopen');
    const future = { ...claim, issuedAt: now + DAY, expiresAt: now + 2 * DAY };
    const forged = await t.app.request(`/r/${signActionToken(t.deps.signingKey, future)}`, { method: 'POST' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Deze link is niet geldig');
    expect(t.db.select().from(leads).get()!.status).toBe('assigned');
  });

  it('stops the links of a rep removed from the config, with a page in both languages', async () => {
    const t = await withLead();
    const repId = t.lead.repId!;
    const config = structuredClone(t.config);
    config.reps = config.reps.filter((r) => r.id !== repId);
    for (const team of config.teams) team.reps = team.reps.filter((r) => r !== repId);
    const after = testApp({ db: t.db, config, clock: t.clock, deps: { signingKey: t.deps.signingKey } });
    for (const init of [{}, { method: 'POST' }]) {
      const res = await after.app.request(t.accept, init);
      expect(res.status).toBe(410);
      const html = await res.text();
      expect(html).toContain('Deze link werkt niet meer');
      expect(html).toContain('This link no longer works');
    }
    expect(t.db.select().from(leads).get()!.status).toBe('assigned');
  });
});
