import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Confirmation } from '../../shared/submission';
import type { WidgetTexts as Texts } from '../../shared/widget-texts';
import { seriousA11yIssues } from './support/axe';
import { startE2e, type E2e } from './support/e2e-env';
import { answerUpToSend, builtIn, expectScreen, radio, vendorTexts, WAIT, widget } from './support/flow';
import { capture } from './support/screenshots';
import { deepFocus, openWatched } from './support/watch';

// Issue 10, part 6 on the widget's last screen: the 201 answer's `confirmation` (composed by the
// server, the mail says the same) rendered in full — thanks, who/how/by when, what to prepare, the
// recap with its heading, the tier's links and the prospect's own page (new tab, noopener). An
// answer without it (an older server) keeps the old screen: next step, the rep, the mail line.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

const leadAnswer = (page: Page) =>
  page.waitForResponse((r: Response) => r.request().method() === 'POST' && r.url().endsWith('/leads'));

/** The last screen as blocks of text, top to bottom (the heading, then what Done renders). */
const blocks = (ui: Locator) => ui.locator('.k > *').evaluateAll((els) => els.map((el) => el.textContent?.trim() ?? ''));

/** What the screen must say for a confirmation, in this order. */
const expected = (c: Confirmation, t: Texts, email: string) => [
  t.done,
  c.thanks,
  ...(c.contact ? [c.contact] : []),
  ...(c.prepare ? [t.prep, c.prepare] : []),
  c.recapTitle,
  c.recap.join(''),
  ...c.links.map((l) => l.label),
  t.own,
  t.sent.replace('{email}', email),
];

async function expectLink(ui: Locator, name: string, href: string) {
  const a = ui.getByRole('link', { name, exact: true });
  expect(await a.getAttribute('href')).toBe(href);
  expect(await a.getAttribute('target')).toBe('_blank');
  expect(await a.getAttribute('rel')).toBe('noopener');
}

describe("the widget's last screen", () => {
  it('renders the confirmation of the 201 answer: thanks, contact, what to prepare, the recap as a list, the own page in a new tab (English, standard process)', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.en;
    await expectScreen(ui, vendorTexts('en').processTitle);
    await ui.getByRole('button', { name: t.next }).click();
    const contact = { name: 'Ria Recap', email: 'ria@recap-rail.example', company: 'Recap Rail' };
    await answerUpToSend(ui, 'en', contact);
    const answered = leadAnswer(page);
    await ui.getByRole('button', { name: t.send }).click();
    const { confirmation: c } = (await (await answered).json()) as { confirmation: Confirmation };
    await expectScreen(ui, t.done);
    await expect.poll(() => deepFocus(page), WAIT).toMatchObject({ tag: 'h2', text: t.done });

    expect(c.contact && c.prepare && c.recap.length).toBeTruthy(); // a rep, a first step, a recap
    expect(await blocks(ui)).toEqual(expected(c, t, contact.email));
    expect(await ui.getByRole('heading', { level: 3, name: c.recapTitle, exact: true }).isVisible()).toBe(true);
    expect(await ui.getByRole('list').getByRole('listitem').allTextContents()).toEqual(c.recap);
    await expectLink(ui, t.own, c.page);
    expect(c.page).toMatch(new RegExp(`^${e.api.origin}/p/`));
    expect(await ui.getByText(/^Your contact: /).count()).toBe(0); // the old line is not repeated beside it
    expect(await seriousA11yIssues(page)).toEqual([]);
    await capture(page, 'confirmation-en-6-done');
    expect(w.errors).toEqual([]);
  });

  it("shows the tier's links to an information-gatherer (Dutch), each in a new tab", async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=nl'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.nl;
    const v = vendorTexts('nl');
    await expectScreen(ui, v.processTitle);
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.stand);
    await radio(ui, v.stage.label, v.stage.o.exploring).check();
    await radio(ui, v.budget.label, v.budget.o.none).check();
    await radio(ui, v.decisionProcess.label, v.decisionProcess.o.unclear).check();
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.who);
    await radio(ui, v.finalSay.label, v.finalSay.o.me).check();
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.when);
    await radio(ui, v.timeline.label, v.timeline.o.none).check();
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.you);
    const email = 'ids@info-zoekers.example';
    await ui.getByRole('textbox', { name: t.name }).fill('Ids Info');
    await ui.getByRole('textbox', { name: t.email }).fill(email);
    await ui.getByRole('textbox', { name: t.company }).fill('Info Zoekers');
    await ui.getByRole('checkbox', { name: new RegExp(t.privacy) }).check();
    const answered = leadAnswer(page);
    await ui.getByRole('button', { name: t.send }).click();
    const { confirmation: c } = (await (await answered).json()) as { confirmation: Confirmation };
    await expectScreen(ui, t.done);

    expect(c.links).toEqual([{ label: 'Informatiegids Zeilmaker (pdf)', url: 'https://zeilmaker.example/gids.pdf' }]);
    expect(await blocks(ui)).toEqual(expected(c, t, email));
    await expectLink(ui, c.links[0].label, c.links[0].url);
    await expectLink(ui, t.own, c.page);
    expect(await seriousA11yIssues(page)).toEqual([]);
    await capture(page, 'confirmation-nl-6-done-links');
    expect(w.errors).toEqual([]);
  });

  it('keeps the old screen when the answer has no confirmation (an older server): next step and the mail line', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.en;
    // The real server answers; only its confirmation is taken out, as an older server would send it.
    let old: { nextStep: string } | undefined;
    await page.route('**/leads', async (route) => {
      const res = await route.fetch();
      const { confirmation: _, ...body } = await res.json();
      old = body;
      await route.fulfill({ response: res, body: JSON.stringify(body) });
    });
    await expectScreen(ui, vendorTexts('en').processTitle);
    await ui.getByRole('button', { name: t.next }).click();
    const contact = { name: 'Otto Old', email: 'otto@old-server.example', company: 'Old Server' };
    await answerUpToSend(ui, 'en', contact);
    await ui.getByRole('button', { name: t.send }).click();
    await expectScreen(ui, t.done);
    expect(old?.nextStep).toBeTruthy();
    expect(await blocks(ui)).toEqual([
      t.done,
      old!.nextStep, // names the rep and how to reach them
      t.sent.replace('{email}', contact.email),
    ]);
    expect(await ui.getByRole('link').count()).toBe(0);
    expect(w.errors).toEqual([]);
  });
});
