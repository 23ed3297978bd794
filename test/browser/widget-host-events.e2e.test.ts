import Database from 'better-sqlite3';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from './support/e2e-env';
import { answerUpToSend, builtIn, expectScreen, radio, vendorTexts, WAIT, widget } from './support/flow';
import { openWatched } from './support/watch';

// Issue 13, the host page: what a marketer's analytics hears from the widget (koers:open,
// koers:step, koers:submitted as DOM events bubbling to window, and the same as dataLayer pushes),
// never anything a person typed; and attribution across pages: the first UTM parameters and ad
// click ids of the tab, remembered by the script in data-mode="capture" on a page without the
// form, arrive with a lead sent from a later page.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

interface Heard {
  type: string;
  detail: Record<string, unknown>;
  target: string;
  bubbles: boolean;
}

const leadRow = (id: string) => {
  const d = new Database(e.api.dbPath, { readonly: true });
  try {
    return d.prepare('select tier, utm, click_ids as clickIds, page_url as pageUrl from leads where id = ?').get(id) as
      | { tier: string; utm: string | null; clickIds: string | null; pageUrl: string }
      | undefined;
  } finally {
    d.close();
  }
};

describe('the host page hears what happened', () => {
  it('launcher: open, each screen once and submitted with lead id, tier and language, at window and in the dataLayer; nothing personal', async () => {
    const w = await openWatched(e.browser, e.host.url('/launcher?lang=en&listen=1'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.en;
    const heard = () => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);
    const pushed = () => page.evaluate(() => (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer);

    await ui.getByRole('button', { name: t.open }).waitFor();
    expect(await heard()).toEqual([]); // shown is not an event of the page's
    await ui.getByRole('button', { name: t.open }).click();
    await expectScreen(ui, vendorTexts('en').processTitle);
    await expect.poll(async () => (await heard()).map((h) => h.type), WAIT).toEqual(['koers:open', 'koers:step']);
    await ui.getByRole('button', { name: t.next }).click();
    const contact = { name: 'Hanna Host', email: 'hanna@host-events.example', company: 'Host Events BV' };
    await answerUpToSend(ui, 'en', contact);
    // Back and forth: a screen already reached is not told again.
    await ui.getByRole('button', { name: t.back }).click();
    await expectScreen(ui, t.when);
    await ui.getByRole('button', { name: t.next }).click();
    await ui.getByRole('button', { name: t.send }).click();
    await expectScreen(ui, t.done);
    await expect.poll(async () => (await heard()).length, WAIT).toBe(7);

    const events = await heard();
    const leadId = w.leadPosts.length && (await (await w.leadRequests[0].response())!.json()).leadId;
    expect(leadId).toMatch(/^[0-9a-f-]{36}$/);
    const row = leadRow(leadId);
    expect(row?.tier).toMatch(/^(sales-ready|qualifying|information-gathering)$/);
    expect(events).toEqual([
      { type: 'koers:open', detail: { language: 'en' }, target: 'koers-widget', bubbles: true },
      ...[1, 2, 3, 4, 5].map((step) => ({ type: 'koers:step', detail: { language: 'en', step }, target: 'koers-widget', bubbles: true })),
      { type: 'koers:submitted', detail: { language: 'en', leadId, tier: row!.tier }, target: 'koers-widget', bubbles: true },
    ]);
    // The same, as a tag manager reads it.
    expect(await pushed()).toEqual(events.map((h) => ({ event: h.type, ...h.detail })));
    // Nothing a person typed or chose: only these keys, none of the contact's words.
    const all = JSON.stringify([events, await pushed()]);
    for (const typed of [contact.name, contact.email, contact.company, 'hanna', 'comparing', 'One planning tool', 'end-of-life']) expect(all.toLowerCase()).not.toContain(typed.toLowerCase());
    for (const h of events) for (const key of Object.keys(h.detail)) expect(['language', 'step', 'leadId', 'tier']).toContain(key);
    expect(w.errors).toEqual([]);
    expect(w.csp).toEqual([]);
    await page.context().close();
  });

  it('inline: opened by the first answer or by Next on the first screen, in the form’s language; a page without a dataLayer gets the DOM events only', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=nl&listen=1'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.nl;
    await expectScreen(ui, vendorTexts('nl').processTitle);
    const heard = () => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard.map((h) => [h.type, h.detail]));
    expect(await heard()).toEqual([]);
    // "This works for me" is preselected: most people only press Next.
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.stand);
    await expect.poll(heard, WAIT).toEqual([
      ['koers:open', { language: 'nl' }],
      ['koers:step', { language: 'nl', step: 1 }],
      ['koers:step', { language: 'nl', step: 2 }],
    ]);

    // Without a dataLayer (or with one that is not an array) the widget carries on.
    await page.evaluate(() => {
      (window as unknown as { dataLayer: unknown }).dataLayer = {};
    });
    const v = vendorTexts('nl');
    await radio(ui, v.stage.label, v.stage.o.comparing).check();
    await radio(ui, v.budget.label, v.budget.o.approved).check();
    await radio(ui, v.decisionProcess.label, v.decisionProcess.o.clear).check();
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.who);
    await expect.poll(async () => (await heard()).length, WAIT).toBe(4);
    expect(w.errors).toEqual([]);
    await page.context().close();
  });
});

describe('attribution across pages (data-mode="capture")', () => {
  it('the first UTM parameters and click ids of the tab arrive with a lead sent two pages later; capture shows nothing and loads no form', async () => {
    const w = await openWatched(e.browser, '');
    const { page } = w;
    const requests: Request[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(e.api.origin)) requests.push(r);
    });
    const landing = e.host.url('/capture?utm_source=linkedin&utm_medium=paid&utm_campaign=q4&gclid=Cj0KCQ-test.gclid_1&msclkid=ms-42&utm_foo=x');
    await page.goto(landing);
    await page.waitForLoadState('networkidle');
    // Only widget.js: no form, no events, no element, no global.
    expect(requests.map((r) => new URL(r.url()).pathname)).toEqual(['/widget.js']);
    expect(await page.evaluate(() => [document.querySelector('koers-widget'), 'Koers' in window])).toEqual([null, false]);
    const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('koers:attr') ?? 'null'));
    expect(kept).toEqual({ utm: { source: 'linkedin', medium: 'paid', campaign: 'q4' }, clickIds: { gclid: 'Cj0KCQ-test.gclid_1', msclkid: 'ms-42' } });

    // A second tagged page in the same tab changes nothing: the first touch is kept.
    await page.goto(e.host.url('/capture?utm_source=newsletter&fbclid=fb-later'));
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('koers:attr') ?? 'null'))).toEqual(kept);

    const contactPage = e.host.url('/inline?lang=en');
    await page.goto(contactPage);
    const ui = widget(page);
    await expectScreen(ui, vendorTexts('en').processTitle);
    await ui.getByRole('button', { name: builtIn.en.next }).click();
    await answerUpToSend(ui, 'en', { name: 'Cas Capture', email: 'cas@capture-e2e.example', company: 'Capture BV' });
    await ui.getByRole('button', { name: builtIn.en.send }).click();
    await expectScreen(ui, builtIn.en.done);

    expect(w.leadPosts[0].context).toMatchObject({ pageUrl: contactPage, ...kept });
    const answer = await (await w.leadRequests[0].response())!.json();
    const row = leadRow(answer.leadId)!;
    expect(JSON.parse(row.utm!)).toEqual(kept.utm);
    expect(JSON.parse(row.clickIds!)).toEqual(kept.clickIds);
    expect(row.pageUrl).toBe(contactPage.split('?')[0]); // stored without its query
    expect(w.errors).toEqual([]);
    expect(w.csp).toEqual([]);
    await page.context().close();
  });
});
