import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2e, type E2e } from './support/e2e-env';
import { answerUpToSend, builtIn, expectScreen, radio, vendorTexts, WAIT, widget } from './support/flow';
import { deepFocus, openWatched } from './support/watch';

// Issue 12 "Nobody dropped silently": a held form token that got old is replaced and the person
// sends once more (the server bins a lead with a token over 2 hours old behind a normal 201); the
// honeypot is out of every autofill's reach; the answer survives a reload (no second lead);
// progress survives a reload and back/forward within the tab.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

const FLOW = 'koers:zeilmaker-web:flow';
const statusOf = (submissionId: string) => {
  const d = new Database(e.api.dbPath, { readonly: true });
  try {
    return (d.prepare('select status from leads where submission_id = ?').get(submissionId) as { status: string } | undefined)?.status;
  } finally {
    d.close();
  }
};

async function upToSend(page: Page, contact: { name: string; email: string; company: string }) {
  const ui = widget(page);
  await expectScreen(ui, vendorTexts('en').processTitle);
  await ui.getByRole('button', { name: builtIn.en.next }).click();
  await answerUpToSend(ui, 'en', contact);
  return ui;
}

describe('nobody dropped silently', () => {
  it('a form left open for over 90 minutes: a fresh token is fetched and the person asked to send again; nothing is sent with the old one; the lead is no spam', async () => {
    const w = await openWatched(e.browser, '');
    const { page } = w;
    const t = builtIn.en;
    await page.clock.install();
    await page.goto(e.host.url('/inline?lang=en'));
    const ui = await upToSend(page, { name: 'Otto Oud', email: 'otto@oud.example', company: 'Oud BV' });
    await page.clock.fastForward('01:40:00'); // the laptop lid was closed
    await ui.getByRole('button', { name: t.send }).click();
    await expect.poll(() => ui.getByRole('alert').textContent(), WAIT).toBe(t.again);
    await expect.poll(async () => (await deepFocus(page))?.text, WAIT).toBe(t.again);
    expect(w.leadPosts).toHaveLength(0);
    expect(w.formTokens).toHaveLength(2);
    await ui.getByRole('button', { name: t.send }).click();
    await expectScreen(ui, t.done);
    expect(w.leadPosts).toHaveLength(1);
    expect(w.leadPosts[0].formToken).toBe(w.formTokens[1]);
    expect(statusOf(w.leadPosts[0].submissionId)).not.toBe('spam');
  });

  it('the honeypot: off-screen, out of the Tab order, hidden from assistive tech, and nothing autofill or a password manager matches', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const ui = await upToSend(page, { name: 'Hanna Honing', email: 'hanna@honing.example', company: 'Honing BV' });
    const hp = await page.evaluate(() => {
      const input = document.querySelector('koers-widget')!.shadowRoot!.querySelector<HTMLInputElement>('.hp input')!;
      const box = input.getBoundingClientRect();
      return {
        name: input.name,
        label: input.labels?.[0]?.textContent ?? '',
        autocomplete: input.getAttribute('autocomplete'),
        ignore: ['data-1p-ignore', 'data-lpignore', 'data-bwignore'].every((a) => input.hasAttribute(a)),
        tabIndex: input.tabIndex,
        hidden: !!input.closest('[aria-hidden="true"]'),
        right: box.right,
      };
    });
    // Chromium's autofill heuristics (and password managers) look at name, id and label.
    const autofillWords = /web|site|url|home|page|mail|name|phone|tel|fax|addr|street|zip|post|city|country|company|org|user|login|pass|card|nick/i;
    expect(hp.name).not.toMatch(autofillWords);
    expect(hp.label).not.toMatch(autofillWords);
    expect(hp).toMatchObject({ autocomplete: 'off', ignore: true, tabIndex: -1, hidden: true });
    expect(hp.right).toBeLessThan(0);
    await ui.getByRole('button', { name: builtIn.en.send }).click();
    await expectScreen(ui, builtIn.en.done);
    expect(w.leadPosts[0].contact.website).toBeUndefined();
    expect(statusOf(w.leadPosts[0].submissionId)).not.toBe('spam');
  });

  it('the answer survives a reload: shown again, no second lead, no new form; kept is only what the screen shows', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const t = builtIn.en;
    const contact = { name: 'Rik Reload', email: 'rik@reload.example', company: 'Reload Logistics' };
    const ui = await upToSend(page, contact);
    await ui.getByRole('textbox', { name: t.message }).fill('Please call after 3 pm');
    await ui.getByRole('button', { name: t.send }).click();
    await expectScreen(ui, t.done);
    const before = await ui.locator('.k').textContent();
    await page.reload();
    await expectScreen(ui, t.done);
    expect(await ui.locator('.k').textContent()).toBe(before);
    expect(await ui.getByText(t.sent.replace('{email}', contact.email)).isVisible()).toBe(true);
    expect(w.leadPosts).toHaveLength(1);
    expect(w.formTokens).toHaveLength(1); // the reload fetched no form
    const kept = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    for (const typed of [contact.company, 'call after 3 pm', 'Our planning tool is end-of-life', 'One planning tool']) expect(kept).not.toContain(typed);
    expect(await page.evaluate((k) => sessionStorage.getItem(k), FLOW)).toBeNull();
  });

  it('progress survives back/forward within the tab: the screen and the choices (typed texts are not kept, by design)', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.en;
    const v = vendorTexts('en');
    await expectScreen(ui, v.processTitle);
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.stand);
    await radio(ui, v.stage.label, v.stage.o.deciding).check();
    await radio(ui, v.budget.label, v.budget.o.approved).check();
    await page.goto(e.host.url('/blank'));
    await page.goBack();
    await expectScreen(ui, t.stand);
    expect(await radio(ui, v.stage.label, v.stage.o.deciding).isChecked()).toBe(true);
    expect(await radio(ui, v.budget.label, v.budget.o.approved).isChecked()).toBe(true);
    await page.goForward();
    await page.goBack();
    await expectScreen(ui, t.stand);
    expect(await radio(ui, v.stage.label, v.stage.o.deciding).isChecked()).toBe(true);
  });
});
