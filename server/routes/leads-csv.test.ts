import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import type { Db } from '../db/open';

const auth = { headers: { Authorization: 'Bearer admin-token-0123456789' } };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const memoryAfterGc = () => {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/** Copies the one stored lead `n` times (new id, submission id, time; a 600-character page URL). */
function multiply(db: Db, n: number) {
  const columns = (db.$client.prepare('pragma table_info(leads)').all() as { name: string }[]).map((c) => c.name);
  const value = (c: string) =>
    ({
      id: `printf('lead-%08d', n)`,
      submission_id: `'s-' || n`,
      created_at: 'created_at + n',
      page_url: `'https://www.zeilmaker.example/contact?' || printf('%.600c', 'x')`,
    })[c] ?? c;
  db.$client.exec(`
    insert into leads (${columns.join(', ')})
    with recursive seq(n) as (select 1 union all select n + 1 from seq where n < ${n})
    select ${columns.map(value).join(', ')} from seq, (select * from leads limit 1)`);
}

describe('GET /api/v1/admin/leads.csv', () => {
  it('streams 60,000 leads without memory (heap and buffers) growing with the file', { timeout: 120_000 }, async () => {
    const t = testApp({ deps: { adminToken: 'admin-token-0123456789' } });
    await t.post(submissionBody());
    multiply(t.db, 60_000);

    const before = memoryAfterGc();
    const res = await t.app.request('/api/v1/admin/leads.csv', auth);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let bytes = 0;
    let lines = 0;
    let chunks = 0;
    let peak = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      // A slow client: the server must wait for it instead of queueing the rest of the file.
      if (chunks === 1) await new Promise((resolve) => setTimeout(resolve, 300));
      bytes += r.value.byteLength;
      for (const b of r.value) if (b === 10) lines++;
      if (++chunks % 10 === 1) peak = Math.max(peak, memoryAfterGc() - before);
    }
    expect(lines).toBe(1 + 60_001);
    expect(bytes).toBeGreaterThan(48 * 1024 * 1024); // the whole file would not fit the bound below
    expect(peak).toBeLessThan(16 * 1024 * 1024);
  });

  it('returns every lead once across chunk borders, also when they share a timestamp', async () => {
    const t = testApp({ deps: { adminToken: 'admin-token-0123456789' } });
    await t.post(submissionBody());
    multiply(t.db, 1_234);
    t.db.$client.exec(`update leads set created_at = 1000 where rowid % 3 = 0`);
    const text = await (await t.app.request('/api/v1/admin/leads.csv', auth)).text();
    const ids = text.trim().split('\r\n').slice(1).map((line) => line.split(',').at(-1));
    expect(ids).toHaveLength(1_235);
    expect(new Set(ids).size).toBe(1_235);
  });

  it('filters by status, tier and site, and names the allowed values of an unknown one', async () => {
    const t = testApp({ deps: { adminToken: 'admin-token-0123456789' } });
    await t.post(submissionBody());
    await t.post(submissionBody({ contact: { website: 'bot' } }));
    const rows = async (query: string) => (await (await t.app.request(`/api/v1/admin/leads.csv${query}`, auth)).text()).trim().split('\r\n').length - 1;
    expect(await rows('')).toBe(1);
    expect(await rows('?status=spam')).toBe(1);
    expect(await rows('?status=accepted')).toBe(0);
    expect(await rows('?site=zeilmaker-web&spam=1')).toBe(2);

    const bad = await t.app.request('/api/v1/admin/leads.csv?status=bogus&colour=red', auth);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toEqual([
      { path: 'status', message: 'no status "bogus"; allowed: assigned, unassigned, accepted, paused, not-a-fit, withdrawn, spam' },
      { path: 'colour', message: 'unknown filter; filters are: status, tier, site, spam' },
    ]);
  });
});
