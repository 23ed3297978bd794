import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCockpitPage, signInByMail, submitLead } from './support/cockpit';
import { SITE, startE2e, type E2e } from './support/e2e-env';

// The cockpit's Funnel and Data pages in real Chromium against the real server process and SMTP
// sink (issue 11): the manager signs in by the mailed link; the funnel with counted widget events
// and leads with proposals; the Data page's CSV download (BOM, separator) and a person's erasure
// after its confirmation page. Each page: axe serious/critical = 0 on the whole document, no
// sideways scroll at 390 px, screenshots at 390 and 1280 px (test-results/cockpit/*.png).

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

const MANAGER = 'mila@zeilmaker.example';



async function event(e2: E2e, body: object) {
  const res = await fetch(`${e2.api.origin}/api/v1/sites/${SITE}/events`, { method: 'POST', headers: { Origin: e2.host.origin, 'Content-Type': 'text/plain' }, body: JSON.stringify(body) });
  expect(res.status).toBe(204);
}

const query = <T>(sql: string, ...params: unknown[]): T[] => {
  const d = new Database(e.api.dbPath, { readonly: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
};


describe('cockpit Funnel and Data pages in the browser', () => {
  it('the manager sees the funnel, downloads the CSV and erases a person; axe clean at 390 and 1280 px', async () => {
    // Widget events (counted, written by the server within a few seconds) and leads with proposals.
    for (const [e2, n] of [['s', 6], ['o', 4], [1, 4], [2, 3], [3, 3], [4, 2], [5, 2], ['d', 2]] as const) for (let i = 0; i < n; i++) await event(e, { e: e2, l: 'nl' });
    await submitLead(e, { process: { accepted: true }, contact: { email: 'kees@bakker-e2e.example', name: 'Kees Bakker', company: 'Bakker E2E' } });
    await submitLead(e, {
      process: { accepted: false, deviation: 'Wij willen eerst een pilot.', changes: { steps: [{ id: 'discovery', change: 'skip' }], added: [] } },
      contact: { email: 'erase-me@visser-e2e.example', name: 'Sanne Visser', company: 'Visser E2E', message: '=1+1' },
    });
    await expect.poll(() => query<{ n: number }>('select coalesce(sum(count), 0) as n from funnel_counts')[0].n, { timeout: 15_000, interval: 250 }).toBe(26);

    const context = await e.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInByMail(e, page, MANAGER, '/app/funnel');
    const issues: string[] = [];

    // Funnel (Mila reads Dutch).
    await page.goto(`${e.api.origin}/app/funnel`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Trechter' }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /Staafdiagram/ }).isVisible()).toBe(true);
    const funnelTable = page.getByRole('table').first();
    expect(await funnelTable.getByRole('row', { name: /Widget getoond/ }).textContent()).toContain('6');
    expect(await funnelTable.getByRole('row', { name: /Verstuurd/ }).textContent()).toContain('2');
    expect(await page.getByText('1 van de 2 (50 %) accepteerden het proces zoals het is.').isVisible()).toBe(true);
    expect(await page.getByText('Wij willen eerst een pilot.').isVisible()).toBe(true);
    expect(await page.content()).not.toContain('Sanne Visser');
    issues.push(...(await checkCockpitPage(page, 'funnel')));

    // Data: the CSV for Dutch Excel (the default for a Dutch manager).
    await page.goto(`${e.api.origin}/app/data`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Gegevens' }).isVisible()).toBe(true);
    expect(await page.getByRole('radio', { name: /Excel in het Nederlands/ }).isChecked()).toBe(true);
    issues.push(...(await checkCockpitPage(page, 'data')));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV downloaden' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^koers-leads-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0].startsWith('"id";"created_at_utc";')).toBe(true);
    expect(text).toContain(`"'=1+1"`);
    expect(text.trim().split('\r\n')).toHaveLength(3);

    // One person: the confirmation page, then erased.
    await page.getByRole('textbox', { name: 'Zijn of haar e-mailadres' }).fill('erase-me@visser-e2e.example');
    await Promise.all([page.waitForURL(/\/app\/data\/person$/), page.getByRole('button', { name: 'Wissen…' }).click()]);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Deze persoon definitief wissen?' }).isVisible()).toBe(true);
    issues.push(...(await checkCockpitPage(page, 'data-erase-confirm')));
    await Promise.all([page.waitForURL(/\/app\/data\/erase$/), page.getByRole('button', { name: 'Definitief wissen' }).click()]);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Gewist' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(query('select id from leads where contact_email = ?', 'erase-me@visser-e2e.example')).toEqual([]);
    expect(query<{ action: string }>('select action from audit_log order by id').map((r) => r.action)).toEqual(['csv-export', 'person-erase']);
    issues.push(...(await checkCockpitPage(page, 'data-erased')));

    expect(issues).toEqual([]);
    await context.close();
  });
});
