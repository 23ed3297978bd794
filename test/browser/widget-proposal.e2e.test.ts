import Database from 'better-sqlite3';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig } from './support/api-server';
import { seriousA11yIssues } from './support/axe';
import { startE2e, type E2e } from './support/e2e-env';
import { answerUpToSend, builtIn, expectScreen, radio, vendorTexts, WAIT, widget } from './support/flow';
import { chooseRadio, pressButton, tabTo, typeInto } from './support/keyboard';
import { mailsOfLead } from './support/mail';
import { capture } from './support/screenshots';
import { deepFocus, openWatched } from './support/watch';

// Issue 10, part 1: a structured proposal on the widget's first screen (per step keep / skip / do
// differently with what instead, fixed steps shown with their reason, one added step, one reason),
// sent as process.changes and stored as the lead's proposal; the default path unchanged.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

const fixedReason = (lang: 'en' | 'nl') =>
  (exampleConfig() as any).process.steps.find((s: any) => s.id === 'proposal').fixedReason[lang] as string;

/** The widget's Tab stops from the start of the host page until the focus leaves the widget. */
async function tabStops(page: Page): Promise<string[]> {
  await page.click('h1'); // the sequential focus starting point: just before the widget
  const stops: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const f = await deepFocus(page);
    if (!f || f.tag === 'body') return stops;
    stops.push(f.tag === 'button' ? `button ${f.text}` : `${f.type ?? f.tag} ${f.name}`);
  }
  throw new Error(`no end of Tab stops: ${stops.join(', ')}`);
}

const leadAnswer = (page: Page) =>
  page.waitForResponse((r: Response) => r.request().method() === 'POST' && r.url().endsWith('/leads'));

function storedLead(id: string) {
  const db = new Database(e.api.dbPath, { readonly: true });
  try {
    return db.prepare('SELECT proposal, deviation, agreement_state AS state FROM leads WHERE id = ?').get(id) as
      | { proposal: string | null; deviation: string | null; state: string }
      | undefined;
  } finally {
    db.close();
  }
}

describe('a structured proposal in the widget', () => {
  it('keyboard only, English: skip one step, change another, the fixed step says why, add a step, a reason → process.changes in the POST and in the stored lead', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.en;
    const v = vendorTexts('en');
    await expectScreen(ui, v.processTitle);

    await page.click('h1');
    await chooseRadio(page, 'accepted', 'no');
    // Per negotiable step a group named by the step (Keep checked); the fixed one only says why.
    const [intro, discovery, proposal] = v.steps.map((s: { title: string }) => s.title);
    expect(await radio(ui, intro, t.keep).isChecked()).toBe(true);
    expect(await radio(ui, discovery, t.keep).isChecked()).toBe(true);
    expect(await ui.getByRole('group', { name: proposal, exact: true }).count()).toBe(0);
    expect(await ui.locator('input[name="c:proposal"]').count()).toBe(0);
    expect(await ui.locator('fieldset p', { hasText: fixedReason('en') }).textContent()).toBe(
      `${proposal} (${t.firm}): ${fixedReason('en')}`,
    );

    await chooseRadio(page, 'c:intro', 'skip');
    await chooseRadio(page, 'c:discovery', 'change');
    // "Do differently" asks what instead; left empty, Next marks it and moves the focus there.
    const instead = ui.getByRole('textbox', { name: t.other.replace('{step}', discovery), exact: true });
    expect(await instead.isVisible()).toBe(true);
    await pressButton(page, t.next);
    await expect.poll(() => deepFocus(page), WAIT).toMatchObject({ name: 'i:discovery', describedBy: 'k-i:discovery-e' });
    expect(await ui.locator('[id="k-i:discovery-e"]').textContent()).toBe(t.required);
    expect(await ui.getByRole('textbox', { name: t.deviation }).getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.type('One remote session of two hours instead of a workshop');
    await typeInto(page, 'added', 'A call with a reference customer');
    await typeInto(page, 'deviation', 'Our team is small and spread over three sites.');
    await expect.poll(() => instead.getAttribute('aria-invalid'), WAIT).toBe(null);

    // The proposal screen: axe and screenshots at 360 and 1280 px.
    expect(await seriousA11yIssues(page)).toEqual([]);
    await capture(page, 'proposal-en-1-process');

    // sessionStorage keeps the choices, never the typed texts.
    const saved = await page.evaluate(() => sessionStorage.getItem('koers:zeilmaker-web:flow') ?? '');
    expect(JSON.parse(saved).data).toMatchObject({ accepted: 'no', 'c:intro': 'skip', 'c:discovery': 'change' });
    for (const typed of ['remote session', 'reference customer', 'three sites']) expect(saved).not.toContain(typed);

    await pressButton(page, t.next);
    await expect.poll(async () => (await deepFocus(page))?.text, WAIT).toBe(t.stand);
    await chooseRadio(page, 'stage', 'comparing');
    await chooseRadio(page, 'budget', 'approved');
    await chooseRadio(page, 'decisionProcess', 'roughly');
    await pressButton(page, t.next);
    await expect.poll(async () => (await deepFocus(page))?.text, WAIT).toBe(t.who);
    await chooseRadio(page, 'finalSay', 'me');
    await pressButton(page, t.next);
    await expect.poll(async () => (await deepFocus(page))?.text, WAIT).toBe(t.when);
    await chooseRadio(page, 'timeline', '3m');
    await pressButton(page, t.next);
    await expect.poll(async () => (await deepFocus(page))?.text, WAIT).toBe(t.you);
    const contact = { name: 'Pim Peters', email: 'pim@peters-pallets.example', company: 'Peters Pallets' };
    await typeInto(page, 'name', contact.name);
    await typeInto(page, 'email', contact.email);
    await typeInto(page, 'company', contact.company);
    await tabTo(page, 'consent', (f) => f.name === 'consent');
    await page.keyboard.press('Space');
    const answered = leadAnswer(page);
    await pressButton(page, t.send);
    const answer = await (await answered).json();
    await expectScreen(ui, t.done);
    // The last screen shows the server's recap of the proposal (its heading and one line per step).
    expect(await ui.getByRole('heading', { level: 3, name: answer.confirmation.recapTitle, exact: true }).isVisible()).toBe(true);
    expect(await ui.getByRole('listitem').allTextContents()).toEqual(answer.confirmation.recap);

    const changes = {
      steps: [
        { id: 'intro', change: 'skip' },
        { id: 'discovery', change: 'change', instead: 'One remote session of two hours instead of a workshop' },
      ],
      added: ['A call with a reference customer'],
    };
    expect(w.leadPosts).toHaveLength(1);
    expect(w.leadPosts[0].process).toEqual({ accepted: false, choice: 'chosen', deviation: 'Our team is small and spread over three sites.', changes });
    const lead = storedLead(answer.leadId);
    expect(lead && JSON.parse(lead.proposal ?? 'null')).toEqual(changes);
    expect(lead).toMatchObject({ deviation: 'Our team is small and spread over three sites.', state: 'proposed' });
    await mailsOfLead(e.sink, contact, e.repEmails);
    expect(w.csp).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('the default path keeps its three Tab stops (the details, accept, Next); proposing adds the step choices, the added step and the reason, kept over a reload', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.en;
    await expectScreen(ui, vendorTexts('en').processTitle);
    const before = ['summary null', 'radio accepted', `button ${t.next}`];
    expect(await tabStops(page)).toEqual(before);
    expect(await ui.locator('input, textarea, select, button').count()).toBe(3); // two radios, Next

    await radio(ui, t.fit, t.deviate).check();
    await page.reload();
    await expectScreen(ui, vendorTexts('en').processTitle);
    expect(await tabStops(page)).toEqual(['summary null', 'radio accepted', 'radio c:intro', 'radio c:discovery', 'text added', 'textarea deviation', `button ${t.next}`]);

    await radio(ui, t.fit, t.accept).check();
    expect(await tabStops(page)).toEqual(before);
    expect(await ui.locator('input, textarea, select, button').count()).toBe(3);
    expect(w.errors).toEqual([]);
  });

  it("Dutch: the server's 422 on a step's 'what instead' (process.changes.steps[1].instead) shows at that step's field on the first screen", async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=nl'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.nl;
    const v = vendorTexts('nl');
    await expectScreen(ui, v.processTitle);
    const [intro, discovery, proposal] = v.steps.map((s: { title: string }) => s.title);
    await radio(ui, t.fit, t.deviate).check();
    expect(await ui.locator('fieldset p', { hasText: fixedReason('nl') }).textContent()).toBe(
      `${proposal} (${t.firm}): ${fixedReason('nl')}`,
    );
    await radio(ui, intro, t.omit).check();
    await radio(ui, discovery, t.alter).check();
    // Spaces pass the browser's `required` and are trimmed away: the server refuses the change.
    const instead = ui.getByRole('textbox', { name: t.other.replace('{step}', discovery), exact: true });
    await instead.fill('   ');
    await ui.getByRole('textbox', { name: t.deviation }).fill('We willen eerst zelf proberen.');
    expect(await seriousA11yIssues(page)).toEqual([]);
    await capture(page, 'proposal-nl-1-process');
    await ui.getByRole('button', { name: t.next }).click();

    const contact = { name: 'Fleur Faber', email: 'fleur@faber-fietsen.example', company: 'Faber Fietsen' };
    await answerUpToSend(ui, 'nl', contact);
    const refused = leadAnswer(page);
    await ui.getByRole('button', { name: t.send }).click();
    expect((await refused).status()).toBe(422);
    expect((await (await refused).json()).error.fields).toEqual([
      expect.objectContaining({ path: 'process.changes.steps[1].instead' }),
    ]);
    await expectScreen(ui, v.processTitle);
    await expect.poll(() => instead.getAttribute('aria-invalid'), WAIT).toBe('true');
    await expect.poll(() => deepFocus(page), WAIT).toMatchObject({ name: 'i:discovery', describedBy: 'k-i:discovery-e' });
    expect(await ui.locator('[id="k-i:discovery-e"]').textContent()).toBe(t.required);
    expect(await seriousA11yIssues(page)).toEqual([]);
    await capture(page, 'proposal-nl-1-server-error');

    await instead.fill('Een demo op locatie');
    await ui.getByRole('button', { name: t.next }).click();
    for (const screen of [t.stand, t.who, t.when]) {
      await expectScreen(ui, screen);
      await ui.getByRole('button', { name: t.next }).click();
    }
    await expectScreen(ui, t.you);
    const answered = leadAnswer(page);
    await ui.getByRole('button', { name: t.send }).click();
    expect((await answered).status()).toBe(201);
    await expectScreen(ui, t.done);
    expect(w.leadPosts.at(-1)?.process.changes).toEqual({
      steps: [
        { id: 'intro', change: 'skip' },
        { id: 'discovery', change: 'change', instead: 'Een demo op locatie' },
      ],
      added: [],
    });
    expect(w.errors).toEqual([]);
  });
});
