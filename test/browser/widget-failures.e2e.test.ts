import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { startE2e, type E2e } from './support/e2e-env';
import { answerUpToSend, builtIn, expectScreen, radio, vendorTexts, WAIT, widget } from './support/flow';
import { FALLBACK } from './support/host-site';
import { screenCheck } from './support/screen-check';
import { deepFocus, openWatched } from './support/watch';

// Issue 12 "Failures": a send that fails says why (offline, server error, busy with a countdown
// from Retry-After), says the answers are kept, tries again by itself with the same submissionId,
// moves focus to the message and, after the retry, to the answer's heading; the vendor's fallback
// contact is shown when the form cannot load or cannot be sent.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

const contact = { name: 'Fenna Faal', email: 'fenna@faal.example', company: 'Faal BV' };

/** An error answer the way the server writes it (CORS granted, Retry-After readable). */
const answer = (route: Route, status: number, headers: Record<string, string> = {}) =>
  route.fulfill({
    status,
    headers: {
      'access-control-allow-origin': e.host.origin,
      'access-control-expose-headers': 'Retry-After',
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify({ error: { code: status === 429 ? 'too_many_requests' : 'internal', message: 'x' } }),
  });

/** The next POST to /leads gets this error answer (a preflight goes to the server as usual). */
async function failNextSend(page: Page, status: number, headers?: Record<string, string>) {
  let done = false;
  await page.route('**/leads', (r) => {
    if (done || r.request().method() !== 'POST') return r.continue();
    done = true;
    return answer(r, status, headers);
  });
}

async function upToSend(page: Page, lang: 'en' | 'nl', url: string) {
  const ui = widget(page);
  await expectScreen(ui, vendorTexts(lang).processTitle);
  await ui.getByRole('button', { name: builtIn[lang].next }).click();
  await answerUpToSend(ui, lang, contact);
  return ui;
}

const alertText = (page: Page) => widget(page).getByRole('alert').textContent();
/** What a screen reader hears of the alert: the aria-hidden countdown left out. */
const heard = (page: Page) =>
  page.evaluate(() => {
    const a = document.querySelector('koers-widget')!.shadowRoot!.querySelector('.alert')!.cloneNode(true) as HTMLElement;
    a.querySelectorAll('[aria-hidden]').forEach((n) => n.remove());
    return a.textContent;
  });

describe('widget failures', () => {
  it('a server error: the message says the answers are kept, focus on it, the fallback contact; an automatic retry (same submissionId) ends on the answer, focus on its heading', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const t = builtIn.en;
    const { issues, screen } = screenCheck(page, 'failure-en');
    const ui = await upToSend(page, 'en', '/inline?lang=en');
    await failNextSend(page, 500);
    await ui.getByRole('button', { name: t.send }).click();
    await expect.poll(() => heard(page), WAIT).toContain(t.serverError.replace('{s}', '5'));
    await expect.poll(async () => (await deepFocus(page))?.text, WAIT).toContain('Your answers are kept');
    expect(await ui.getByRole('link', { name: FALLBACK.email }).getAttribute('href')).toBe(`mailto:${FALLBACK.email}`);
    expect(await ui.getByRole('link', { name: FALLBACK.phone }).getAttribute('href')).toBe('tel:+31201234567');
    expect(await ui.getByRole('textbox', { name: t.name }).inputValue()).toBe(contact.name); // the answers are still there
    await screen('5-server-error');
    // No click: the widget sends again by itself.
    await expectScreen(ui, t.done);
    await expect.poll(() => deepFocus(page), WAIT).toMatchObject({ tag: 'h2', text: t.done });
    expect(w.leadPosts).toHaveLength(2);
    expect(w.leadPosts[1].submissionId).toBe(w.leadPosts[0].submissionId);
    expect(issues).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('busy (429): counts down from Retry-After, heard once; then sends by itself (Dutch)', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=nl'));
    const { page } = w;
    const t = builtIn.nl;
    const ui = await upToSend(page, 'nl', '/inline?lang=nl');
    await failNextSend(page, 429, { 'retry-after': '3' });
    await ui.getByRole('button', { name: t.send }).click();
    await expect.poll(() => heard(page), WAIT).toContain(t.tooBusy.replace('{s}', '3'));
    const seen = t.tooBusy.split('{s}');
    await expect.poll(() => alertText(page), WAIT).toContain(`${seen[0]}2`);
    expect(await heard(page)).toContain(t.tooBusy.replace('{s}', '3')); // still the first number
    await expectScreen(ui, t.done);
    expect(w.leadPosts).toHaveLength(2);
    expect(w.leadPosts[1].submissionId).toBe(w.leadPosts[0].submissionId);
  });

  it('offline, in the launcher: the message says so, the answers are kept; back online it sends at once', async () => {
    const w = await openWatched(e.browser, e.host.url('/launcher?lang=en'));
    const { page } = w;
    const t = builtIn.en;
    await widget(page).getByRole('button', { name: t.open }).click();
    const dialog = widget(page).getByRole('dialog');
    await expectScreen(dialog, vendorTexts('en').processTitle);
    await dialog.getByRole('button', { name: t.next }).click();
    await answerUpToSend(dialog, 'en', contact);
    await page.context().setOffline(true);
    await dialog.getByRole('button', { name: t.send }).click();
    await expect.poll(() => heard(page), WAIT).toContain(t.offline.replace('{s}', '10'));
    expect(await dialog.getByRole('link', { name: FALLBACK.email }).isVisible()).toBe(true);
    await page.context().setOffline(false);
    await expectScreen(dialog, t.done);
    await expect.poll(() => deepFocus(page), WAIT).toMatchObject({ tag: 'h2', text: t.done });
    expect(w.errors).toEqual([]);
  });

  it('"Sending…" is announced in a status region while the answer is on its way', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const t = builtIn.en;
    const ui = await upToSend(page, 'en', '/inline?lang=en');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/leads', async (r) => (await held, r.continue()), { times: 1 });
    await ui.getByRole('button', { name: t.send }).click();
    await expect.poll(() => ui.getByRole('status').textContent(), WAIT).toBe(t.sending);
    release();
    await expectScreen(ui, t.done);
  });

  it('a stale "check the marked fields" goes once no field is marked', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.en;
    const v = vendorTexts('en');
    await expectScreen(ui, v.processTitle);
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.stand);
    await ui.getByRole('button', { name: t.next }).click();
    await expect.poll(() => alertText(page), WAIT).toBe(t.check);
    await radio(ui, v.stage.label, v.stage.o.comparing).check();
    expect(await alertText(page)).toBe(t.check); // two fields still marked
    await radio(ui, v.budget.label, v.budget.o.approved).check();
    await radio(ui, v.decisionProcess.label, v.decisionProcess.o.roughly).check();
    await expect.poll(() => alertText(page), WAIT).toBe('');
  });

  for (const shell of ['inline', 'launcher'] as const) {
    it(`the form cannot load (${shell}): says so with the fallback contact of the embed tag, and loads on "Try again"`, async () => {
      const w = await openWatched(e.browser, '');
      const { page } = w;
      const t = builtIn.nl;
      await page.route('**/form*', (r) => answer(r, 503));
      await page.goto(e.host.url(`/${shell}?lang=nl&fallback=1`));
      let ui = widget(page);
      if (shell === 'launcher') {
        await ui.getByRole('button', { name: t.open }).click();
        ui = ui.getByRole('dialog');
      }
      await ui.getByRole('alert').getByText(t.loadFailed).waitFor();
      expect(await ui.getByRole('alert').textContent()).toContain(t.reach);
      expect(await ui.getByRole('link', { name: FALLBACK.email }).getAttribute('href')).toBe(`mailto:${FALLBACK.email}`);
      expect(await ui.getByRole('link', { name: FALLBACK.phone }).isVisible()).toBe(true);
      await page.unroute('**/form*');
      await ui.getByRole('button', { name: t.retry }).click();
      await expectScreen(ui, vendorTexts('nl').processTitle);
      expect(w.errors).toEqual([]);
    });
  }
});
