import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from './support/e2e-env';
import { answerUpToSend, builtIn, expectScreen, radio, vendorTexts, WAIT, widget } from './support/flow';
import { screenCheck } from './support/screen-check';
import { openWatched } from './support/watch';

// Issue 12 "Review before send": above Send, a short summary of the answers per screen with a
// "Change" per section that goes to that screen, and from there (Next) straight back to the review.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

describe('review before send', () => {
  it('the summary names the choices per screen; "Change" goes to the screen and Next comes back to the review; the change is sent', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'), 360);
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.en;
    const v = vendorTexts('en');
    await expectScreen(ui, v.processTitle);
    await ui.getByRole('button', { name: t.next }).click();
    const contact = { name: 'Roos Review', email: 'roos@review.example', company: 'Review BV' };
    await answerUpToSend(ui, 'en', contact);

    const summary = () => ui.locator('dl.rv').evaluate((dl) => Array.from(dl.querySelectorAll('dt')).map((dt) => [dt.textContent, dt.nextElementSibling!.firstChild!.textContent]));
    expect(await summary()).toEqual([
      [v.processTitle, t.accept],
      [t.stand, [v.stage.o.comparing, v.budget.o.approved, v.decisionProcess.o.roughly].join(', ')],
      [t.who, [v.finalSay.o.committee, v.roles['budget-holder'], v.roles.it].join(', ')],
      [t.when, v.timeline.o['3m']],
    ]);
    expect(await ui.getByRole('heading', { level: 3, name: t.review }).isVisible()).toBe(true);
    const change = (section: string) => ui.getByRole('button', { name: new RegExp(`^${t.change} ?: ${section}$`) });
    const { issues, screen } = screenCheck(page, 'review-en');
    await screen('5-review');

    // Each "Change" names its section for a screen reader ("Change: Where you stand").
    await change(t.stand).click();
    await expectScreen(ui, t.stand);
    await radio(ui, v.stage.label, v.stage.o.deciding).check();
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.you); // straight back, not via "who" and "when"
    expect((await summary())[1][1]).toBe([v.stage.o.deciding, v.budget.o.approved, v.decisionProcess.o.roughly].join(', '));
    expect(await ui.getByRole('textbox', { name: t.name }).inputValue()).toBe(contact.name);

    // Back from a changed screen is the ordinary way back; the next Next goes on as usual.
    await change(v.processTitle).click();
    await expectScreen(ui, v.processTitle);
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.you);

    await ui.getByRole('button', { name: t.send }).click();
    await expectScreen(ui, t.done);
    await expect.poll(() => w.leadPosts.length, WAIT).toBe(1);
    expect(w.leadPosts[0].answers.stage).toBe('deciding');
    expect(issues).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
