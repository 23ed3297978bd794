import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CONSENT_TEXT_VERSION } from '../../shared/consent';
import { leads, outbox, routingState } from '../db/schema';
import { submissionBody } from '../../test/support/fixtures';
import { ORIGIN, testApp } from '../../test/support/test-app';

const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe('rate limits', () => {
  it('answers 429 with Retry-After per client address, and again after the window', async () => {
    const t = testApp({ deps: { protection: { perClientPerMinute: 3, perSitePerMinute: 0 } } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.post(submissionBody(), { env: from('198.51.100.7') })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await t.post(submissionBody(), { env: from('198.51.100.7') });
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect((await limited.json()).error.code).toBe('too_many_requests');
    expect(limited.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN); // the widget can read it
    expect(limited.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After'); // and count down from it
    expect((await t.post(submissionBody(), { env: from('198.51.100.8') })).status).toBe(201); // someone else
    t.clock.advance(61_000);
    expect((await t.post(submissionBody(), { env: from('198.51.100.7') })).status).toBe(201);
  });

  it('does not let a forged X-Forwarded-For buy new quota', async () => {
    const direct = testApp({ deps: { protection: { perClientPerMinute: 2, perSitePerMinute: 0 } } });
    const forged = (n: number) => ({ headers: { 'X-Forwarded-For': `203.0.113.${n}` }, env: from('198.51.100.7') });
    const a = [1, 2, 3].map(async (n) => (await direct.post(submissionBody(), forged(n))).status);
    expect(await Promise.all(a)).toEqual([201, 201, 429]);

    // Behind a trusted proxy the proxy's own entry (rightmost) counts, not the client's text.
    const proxied = testApp({ deps: { protection: { perClientPerMinute: 2, perSitePerMinute: 0, trustedProxies: ['127.0.0.1'] } } });
    const via = (forgedPart: string) => ({ headers: { 'X-Forwarded-For': `${forgedPart}, 192.0.2.50` }, env: from('127.0.0.1') });
    const b = ['10.0.0.1', '10.0.0.2', '10.0.0.3'].map(async (f) => (await proxied.post(submissionBody(), via(f))).status);
    expect(await Promise.all(b)).toEqual([201, 201, 429]);
    expect((await proxied.post(submissionBody(), { headers: { 'X-Forwarded-For': '192.0.2.51' }, env: from('127.0.0.1') })).status).toBe(201);
  });

  it('limits submissions per site across addresses', async () => {
    const t = testApp({ deps: { protection: { perClientPerMinute: 0, perSitePerMinute: 2 } } });
    const s = [1, 2, 3].map(async (n) => (await t.post(submissionBody(), { env: from(`198.51.100.${n}`) })).status);
    expect(await Promise.all(s)).toEqual([201, 201, 429]);
  });
});

describe('bots', () => {
  const spamCases: [string, (t: ReturnType<typeof testApp>) => object, RegExp][] = [
    ['the honeypot filled in', () => submissionBody({ contact: { website: 'http://cheap.example' } }), /honeypot/],
    ['no form token', () => ({ ...submissionBody(), formToken: undefined }), /no form token/],
    ['a forged token', (t) => ({ ...submissionBody(), formToken: t.token().replace(/.$/, 'x') + 'x' }), /not genuine/],
    ['a token for another site', (t) => ({ ...submissionBody(), formToken: t.token('other-site') }), /not genuine/],
    ['a form filled in within a second', (t) => ({ ...submissionBody(), formToken: t.token('zeilmaker-web', t.clock.now() - 800) }), /filled in 800 ms/],
  ];
  it.each(spamCases)('stores %s as spam with a normal-looking answer, never routed or mailed', async (_name, body, reason) => {
    const t = testApp();
    const res = await t.post(body(t) as never);
    expect(res.status).toBe(201);
    // The answer a person would have got: the rep routing would choose, their next step, the confirmation and a page.
    const answer = await res.json();
    const person = await (await testApp({ clock: t.clock }).post(submissionBody())).json();
    expect(answer).toEqual({ ...person, leadId: expect.any(String), confirmation: { ...person.confirmation, page: expect.stringMatching(/^http:\/\/koers\.test\/p\//) } });
    expect(answer.nextStep).toMatch(/^Anna de Vries \(Accountmanager\) beantwoordt uw voorstel uiterlijk/);
    const lead = t.db.select().from(leads).get()!;
    expect(lead.status).toBe('spam');
    expect(lead.routingReason).toMatch(reason);
    expect(t.db.select().from(outbox).all()).toEqual([]);
    expect(t.db.select().from(routingState).all()).toEqual([]);
  });

  it('counts spam for the admin', async () => {
    const t = testApp({ deps: { adminToken: 'admin-token-0123456789' } });
    await t.post(submissionBody({ contact: { website: 'x' } }));
    await t.post(submissionBody());
    const counts = await t.app.request('/api/v1/admin/leads/counts', { headers: { Authorization: 'Bearer admin-token-0123456789' } });
    expect((await counts.json()).byStatus).toEqual({ spam: 1, assigned: 1 });
    expect((await t.app.request('/api/v1/admin/leads/counts')).status).toBe(401);
  });
});

describe('body, headers and personal data', () => {
  it('enforces the body limit on a chunked body without Content-Length', async () => {
    const { app, db } = testApp();
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await app.request('/api/v1/sites/zeilmaker-web/leads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(8); // it stopped reading
    expect(db.select().from(leads).all()).toEqual([]);
  });

  it('sends security headers that keep resources loadable cross-origin', async () => {
    const res = await testApp().app.request('/healthz');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('records consent with time, text version and origin, and only the client network', async () => {
    const t = testApp();
    await t.post(submissionBody(), { env: from('198.51.100.77') });
    const lead = t.db.select().from(leads).where(eq(leads.status, 'assigned')).get()!;
    expect(lead).toMatchObject({
      consentAt: t.clock.now(),
      consentVersion: CONSENT_TEXT_VERSION,
      consentOrigin: ORIGIN,
      clientNetwork: '198.51.100.0/24',
    });
    expect(JSON.stringify(lead)).not.toContain('198.51.100.77');
  });
});
