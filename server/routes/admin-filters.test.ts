import { describe, expect, it } from 'vitest';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';

// GET /api/v1/admin/leads used to ignore query parameters it did not know (?rep=… listed every
// lead): now an unknown parameter or value is a 400 naming what is allowed, and the filters work.

const auth = { headers: { Authorization: 'Bearer admin-token-0123456789' } };

describe("admin API: the lead list's filters", () => {
  it('answers 400 for an unknown parameter or value, naming the allowed ones', async () => {
    const t = testApp({ deps: { adminToken: 'admin-token-0123456789' } });
    const unknown = await t.app.request('/api/v1/admin/leads?owner=anna', auth);
    expect(unknown.status).toBe(400);
    const body = await unknown.json();
    expect(body.error.code).toBe('invalid_content');
    expect(body.error.message).toContain('limit, spam, rep, team, tier, status, stage, from, to, source');
    expect(body.error.fields).toEqual([{ path: 'owner', message: 'unknown filter; filters are: rep, team, tier, status, stage, from, to, source' }]);

    const noSuchRep = await (await t.app.request('/api/v1/admin/leads?rep=zoe&from=2026-02-30', auth)).json();
    expect(noSuchRep.error.fields).toEqual([
      { path: 'rep', message: 'no rep "zoe"; allowed: anna, bram, chris, dewi' },
      { path: 'from', message: '"2026-02-30" is not a date; use YYYY-MM-DD' },
    ]);
    expect((await t.app.request('/api/v1/admin/leads?spam=yes', auth)).status).toBe(400);
  });

  it('filters by rep, tier, status, source and date', async () => {
    const t = testApp({ deps: { adminToken: 'admin-token-0123456789' } });
    for (let i = 0; i < 3; i++) {
      expect((await t.post(submissionBody({ context: { utm: { source: i === 0 ? 'linkedin' : 'newsletter' } } }))).status).toBe(201);
      t.clock.advance(1000);
    }
    await t.post(submissionBody({ contact: { website: 'bot' } }));
    const list = async (q: string) => (await (await t.app.request(`/api/v1/admin/leads${q}`, auth)).json()) as { repId: string; status: string; utm: { source: string } }[];
    const all = await list('');
    expect(all).toHaveLength(4);
    const rep = all.find((l) => l.status === 'assigned')!.repId;
    expect((await list(`?rep=${rep}`)).every((l) => l.repId === rep)).toBe(true);
    expect((await list(`?rep=${rep}`)).length).toBeLessThan(4);
    expect(await list('?source=linkedin')).toHaveLength(1);
    expect(await list('?status=spam')).toHaveLength(1);
    expect(await list('?spam=0')).toHaveLength(3);
    expect(await list('?tier=sales-ready&status=assigned&spam=0')).toEqual((await list('?spam=0')).filter((l) => (l as unknown as { tier: string }).tier === 'sales-ready'));
    const today = new Date(t.clock.now()).toISOString().slice(0, 10);
    expect(await list(`?from=${today}&to=${today}`)).toHaveLength(4);
    expect(await list('?to=2000-01-01')).toHaveLength(0);
  });
});
