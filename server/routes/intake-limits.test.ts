import { describe, expect, it } from 'vitest';
import { leads } from '../db/schema';
import { submissionBody } from '../../test/support/fixtures';
import { ORIGIN, testApp } from '../../test/support/test-app';

// Security review 1: anyone could shut off lead intake. The per-site limit counted every POST
// before the content type, validation and spam checks, so ~25 addresses × 30 garbage POSTs used
// up a site's minute and every real prospect got 429.

const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe('the per-site limit counts only leads', () => {
  it('garbage POSTs from many addresses leave a real prospect unaffected', async () => {
    const t = testApp({ deps: { protection: { perClientPerMinute: 30, perSitePerMinute: 20 } } });
    const garbage = [
      () => ({ body: 'hello', headers: { 'Content-Type': 'text/plain' } }),
      () => ({ body: '{"submissionId": ', headers: {} }),
      () => ({ body: JSON.stringify({ spam: true }), headers: {} }),
      () => ({ body: JSON.stringify({ ...submissionBody(), formToken: undefined }), headers: {} }), // valid, but a bot: no token
      () => ({ body: JSON.stringify(submissionBody({ contact: { website: 'x' } })), headers: {} }), // honeypot
    ];
    const statuses = new Map<number, number>();
    for (let address = 1; address <= 25; address++) {
      for (let i = 0; i < 30; i++) {
        const g = garbage[i % garbage.length]();
        const res = await t.post(g.body, { headers: g.headers, env: from(`198.51.100.${address}`) });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }
    expect(statuses.get(429)).toBeUndefined(); // 30 per address is within the per-client limit
    expect(statuses.get(415)).toBe(150);
    const real = await t.post(submissionBody(), { env: from('203.0.113.9') });
    expect(real.status).toBe(201);
    expect((await real.json()).rep).toEqual({ name: expect.any(String) });
  });

  it('still refuses real-looking leads past the limit, and gives a refused or invalid one back its place', async () => {
    const t = testApp({ deps: { protection: { perClientPerMinute: 0, perSitePerMinute: 2 } } });
    expect((await t.post(submissionBody({ answers: { stage: 'nope' } }))).status).toBe(422);
    const again = submissionBody();
    expect((await t.post(again)).status).toBe(201);
    expect((await t.post(again)).status).toBe(200); // a retry of a stored lead takes no place
    expect((await t.post(submissionBody())).status).toBe(201);
    const limited = await t.post(submissionBody());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    // Spam is never refused by the site limit (it would tell the bot), and never counted.
    expect((await t.post(submissionBody({ contact: { website: 'x' } }))).status).toBe(201);
    t.clock.advance(60_000);
    expect((await t.post(submissionBody())).status).toBe(201);
    expect(t.db.select().from(leads).all().filter((l) => l.status !== 'spam')).toHaveLength(3);
  });
});

describe('the per-client limit', () => {
  it('counts an IPv6 client by its /64: new addresses from the same /64 buy nothing', async () => {
    const t = testApp({ deps: { protection: { perClientPerMinute: 3, perSitePerMinute: 0 } } });
    const statuses = [];
    for (const a of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2:abcd::9']) {
      statuses.push((await t.post(submissionBody(), { env: from(a) })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect((await t.post(submissionBody(), { env: from('2001:db8:1:3::1') })).status).toBe(201); // the next /64: someone else
    // IPv4 keeps counting per address, also written IPv4-mapped.
    const v4 = testApp({ deps: { protection: { perClientPerMinute: 1, perSitePerMinute: 0 } } });
    expect((await v4.post(submissionBody(), { env: from('198.51.100.7') })).status).toBe(201);
    expect((await v4.post(submissionBody(), { env: from('::ffff:198.51.100.7') })).status).toBe(429);
    expect((await v4.post(submissionBody(), { env: from('198.51.100.8') })).status).toBe(201);
  });
});
