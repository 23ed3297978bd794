import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from './support/e2e-env';
import { answerUpToSend, builtIn, expectScreen, radio, vendorTexts, WAIT, widget } from './support/flow';
import { chooseRadio, pressButton, tabTo, typeInto } from './support/keyboard';
import { mailsOfLead } from './support/mail';
import { screenCheck } from './support/screen-check';
import { capture } from './support/screenshots';
import { deepFocus, extraGlobals, openWatched } from './support/watch';

// The issue's "done when": a customer page on another origin with a strict CSP loads the widget,
// and a prospect completes the flow by roles and labels (en, nl; inline and from the launcher;
// once keyboard only). The lead is stored and both mails arrive at a real SMTP server.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

/** The one rep of the config that the last screen names (in its "who contacts you" line). */
async function repOnScreen(page: import('playwright-core').Page, reps: { name: string }[]): Promise<string> {
  const text = await page.evaluate(() => document.querySelector('koers-widget')?.shadowRoot?.textContent ?? '');
  const named = reps.map((r) => r.name).filter((name) => text.includes(name));
  expect(named).toHaveLength(1);
  return named[0];
}

const repNamed = (e: E2e, name: string) => e.api.config.reps.find((r) => r.name === name)?.email;

describe('widget flow on a customer page (other origin, strict CSP)', () => {
  it('inline, English, by roles and labels: deviation, validation, back; axe on every screen; lead and both mails', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.en;
    const v = vendorTexts('en');
    const { issues, screen } = screenCheck(page, 'inline-en');

    // 1. How we work: every step, the default pre-selected, another approach possible.
    await expectScreen(ui, v.processTitle);
    const blank = await openWatched(e.browser, e.host.url('/blank'));
    expect(await extraGlobals(page, blank.page)).toEqual(['Koers']); // before axe adds its own
    await ui.getByText(t.more).click(); // the details on demand (widget-first-screen tests the timeline)
    for (const s of v.steps) {
      expect(await ui.getByRole('heading', { level: 3, name: s.title }).isVisible()).toBe(true);
      for (const text of [s.weDo, s.weAsk, s.duration]) expect(await ui.getByText(text).first().isVisible()).toBe(true);
    }
    expect(await radio(ui, t.fit, t.accept).isChecked()).toBe(true);
    await screen('1-process');
    await radio(ui, t.fit, t.deviate).check();
    await ui.getByRole('button', { name: t.next }).click();
    const reason = ui.getByRole('textbox', { name: t.deviation });
    await expect.poll(() => reason.getAttribute('aria-invalid'), WAIT).toBe('true');
    expect(await ui.locator(`#${await reason.getAttribute('aria-describedby')}`).textContent()).toBe(t.required);
    await expect.poll(() => deepFocus(page), WAIT).toMatchObject({ name: 'deviation' }); // focus went to the field
    expect(await ui.getByRole('alert').textContent()).toBe(t.check);
    await screen('1-error');
    await reason.fill('We need a pilot before any proposal.');
    await ui.getByRole('button', { name: t.next }).click();

    // 2. Nothing chosen → errors tied to the first group; Back keeps the answers of screen 1.
    await expectScreen(ui, t.stand);
    await expect.poll(() => deepFocus(page), WAIT).toMatchObject({ tag: 'h2', text: t.stand });
    await ui.getByRole('button', { name: t.next }).click();
    await expect.poll(async () => (await deepFocus(page))?.name, WAIT).toBe('stage');
    expect(await ui.locator('#k-stage-e').textContent()).toBe(t.pick);
    expect((await deepFocus(page))?.describedBy).toBe('k-stage-e');
    await screen('2-error');
    await ui.getByRole('button', { name: t.back }).click();
    await expectScreen(ui, v.processTitle);
    expect(await radio(ui, t.fit, t.deviate).isChecked()).toBe(true);
    expect(await reason.inputValue()).toBe('We need a pilot before any proposal.');
    await ui.getByRole('button', { name: t.next }).click();

    const contact = { name: 'Sanne Visser', email: 'sanne@visser-logistiek.example', company: 'Visser Logistiek' };
    await answerUpToSend(ui, 'en', contact, (n) => screen(`${n}-${['', '', 'stand', 'who', 'when', 'you'][n]}`));
    await ui.getByRole('button', { name: t.send }).click();

    // 6. The answer: next step and the rep.
    await expectScreen(ui, t.done);
    await expect.poll(() => deepFocus(page), WAIT).toMatchObject({ tag: 'h2', text: t.done });
    const repName = await repOnScreen(page, v.reps);
    expect(await ui.getByText(`${repName} (`).first().textContent()).toMatch(/will answer your proposal by \w+day \d+ \w+ at \d\d:\d\d/);
    expect(await ui.getByText(t.sent.replace('{email}', contact.email)).isVisible()).toBe(true);
    await screen('6-done');

    const body = w.leadPosts[0];
    expect(w.leadPosts).toHaveLength(1);
    expect(body).toMatchObject({
      language: 'en',
      process: { accepted: false, deviation: 'We need a pilot before any proposal.' },
      answers: { stage: 'comparing', budget: 'approved', decisionProcess: 'roughly', timeline: '3m' },
      stakeholders: {
        roles: [
          { role: 'budget-holder', involved: true },
          { role: 'it', involved: false },
        ],
        finalSay: 'committee',
        orgInterest: 'One planning tool for all sites',
      },
      contact: { ...contact, country: 'NL', companySize: '50-249', consent: true },
      context: { pageUrl: e.host.url('/inline?lang=en'), referrer: '' },
    });
    expect(body.contact.website).toBeUndefined();
    expect(typeof body.formToken).toBe('string');

    const mails = await mailsOfLead(e.sink, contact, e.repEmails);
    expect(mails.rep.envelope.to).toContain(repNamed(e, repName));
    expect(issues).toEqual([]);
    expect(w.csp).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('inline, Dutch from <html lang>, keyboard only: focus moves to each heading; lead and both mails', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?page-lang=nl-NL'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.nl;
    const v = vendorTexts('nl');
    const heading = async (text: string) => {
      await expect.poll(async () => (await deepFocus(page))?.text, WAIT).toBe(text);
      expect((await deepFocus(page))?.tag).toBe('h2');
      await capture(page, `keyboard-nl-${text.replace(/\W+/g, '-').toLowerCase()}`);
    };
    await expectScreen(ui, v.processTitle);

    await chooseRadio(page, 'accepted', 'yes');
    await pressButton(page, t.next);
    await heading(t.stand);
    await chooseRadio(page, 'stage', 'deciding');
    await chooseRadio(page, 'budget', 'pending');
    await chooseRadio(page, 'decisionProcess', 'clear');
    await pressButton(page, t.next);
    await heading(t.who);
    await chooseRadio(page, 'finalSay', 'me');
    await tabTo(page, 'role budget-holder', (f) => f.name === 'role:budget-holder');
    await page.keyboard.press('Space');
    await tabTo(page, 'role procurement', (f) => f.name === 'role:procurement');
    await page.keyboard.press('Space');
    await tabTo(page, 'not yet, procurement', (f) => f.type === 'checkbox' && !f.name);
    await page.keyboard.press('Space');
    await pressButton(page, t.next);
    await heading(t.when);
    await chooseRadio(page, 'timeline', '1m');
    await typeInto(page, 'costOfInaction', 'We missen deadlines.');
    await pressButton(page, t.next);
    await heading(t.you);
    await typeInto(page, 'name', 'Daan de Boer');
    await typeInto(page, 'email', 'daan@deboer-transport.example');
    await typeInto(page, 'company', 'De Boer Transport');
    await tabTo(page, 'consent', (f) => f.name === 'consent');
    await page.keyboard.press('Space');
    await pressButton(page, t.send);
    await heading(t.done);

    expect(w.leadPosts[0]).toMatchObject({
      language: 'nl',
      process: { accepted: true },
      answers: { stage: 'deciding', budget: 'pending', decisionProcess: 'clear', timeline: '1m', costOfInaction: 'We missen deadlines.' },
      stakeholders: { roles: [{ role: 'budget-holder', involved: true }, { role: 'procurement', involved: false }], finalSay: 'me' },
      contact: { name: 'Daan de Boer', email: 'daan@deboer-transport.example', company: 'De Boer Transport', consent: true },
    });
    const repName = await repOnScreen(page, v.reps);
    const mails = await mailsOfLead(e.sink, { email: 'daan@deboer-transport.example', company: 'De Boer Transport' }, e.repEmails);
    expect(mails.rep.envelope.to).toContain(repNamed(e, repName));
    expect(w.csp).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('launcher, English from data-lang, hostile CSS: dialog flow with axe on every screen; a failed send is retried with the same submissionId', async () => {
    const w = await openWatched(e.browser, e.host.url('/launcher?lang=en&page-lang=nl&hostile=1'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.en;
    const v = vendorTexts('en');
    const { issues, screen } = screenCheck(page, 'launcher-en');
    const launcher = ui.getByRole('button', { name: t.open });
    await launcher.waitFor();
    await screen('0-launcher');
    await launcher.click();
    const dialog = ui.getByRole('dialog', { name: t.open });
    await expectScreen(dialog, v.processTitle);
    await expect.poll(async () => (await deepFocus(page))?.text, WAIT).toBe(v.processTitle);
    await screen('1-process');
    await dialog.getByRole('button', { name: t.next }).click();

    const contact = { name: 'Chris Carter', email: 'chris@carter-freight.example', company: 'Carter Freight' };
    await answerUpToSend(dialog, 'en', contact, (n) => screen(`${n}`));
    // The first send never reaches the server; the prospect sees why and sends again (before the automatic retry).
    await page.route('**/leads', (route) => route.abort(), { times: 1 });
    await dialog.getByRole('button', { name: t.send }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), WAIT).toContain(t.offline.split('{s}')[0]);
    await screen('5-failed');
    await dialog.getByRole('button', { name: t.send }).click();
    await expectScreen(dialog, t.done);
    await screen('6-done');
    expect(w.leadPosts).toHaveLength(2);
    expect(w.leadPosts[1].submissionId).toBe(w.leadPosts[0].submissionId);
    expect(w.leadPosts[1].language).toBe('en');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(false);
    expect(await deepFocus(page)).toMatchObject({ tag: 'button', text: t.open });
    await mailsOfLead(e.sink, contact, e.repEmails);
    expect(issues).toEqual([]);
    expect(w.csp).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('keeps choices (never typed text), the submissionId and the first form token over a reload, utm_* of the landing page over navigation, and sends no cookies', async () => {
    const landing = e.host.url('/launcher?lang=en&utm_source=newsletter&utm_campaign=spring&utm_foo=x');
    const w = await openWatched(e.browser, landing);
    const { page } = w;
    await page.context().addCookies([{ name: 'tracker', value: 'nope', url: e.api.origin }]);
    const ui = widget(page);
    const t = builtIn.en;
    const v = vendorTexts('en');
    await ui.getByRole('button', { name: t.open }).waitFor();
    await expect.poll(() => w.formTokens.length, WAIT).toBe(1); // the launcher's prefetch (on idle)

    const contactPage = e.host.url('/inline?lang=en');
    await page.goto(contactPage, { referer: landing });
    await expectScreen(ui, v.processTitle);
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.stand);
    await radio(ui, v.stage.label, v.stage.o.exploring).check();
    const flowKey = 'koers:zeilmaker-web:flow';
    const saved = () => page.evaluate((k) => JSON.parse(sessionStorage.getItem(k) ?? '{}'), flowKey);
    await expect.poll(async () => (await saved()).data?.stage, WAIT).toBe('exploring');
    const idBefore = (await saved()).id;
    expect(idBefore).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    await page.reload();
    await expectScreen(ui, t.stand);
    expect(await radio(ui, v.stage.label, v.stage.o.exploring).isChecked()).toBe(true);

    const contact = { name: 'Uma Utm', email: 'uma@utm-bv.example', company: 'UTM BV' };
    await answerUpToSend(ui, 'en', contact);
    // Every script on the host page can read its sessionStorage: it keeps the choices, never
    // what the person typed (contact details, free texts).
    await expect.poll(async () => (await saved()).data?.consent, WAIT).toBe(true);
    const kept = JSON.stringify(await saved());
    expect(kept).toContain('"stage":"comparing"');
    for (const typed of [contact.name, contact.email, contact.company, 'One planning tool', 'end-of-life']) expect(kept).not.toContain(typed);
    await ui.getByRole('button', { name: t.send }).click();
    await expectScreen(ui, t.done);

    expect(w.leadPosts[0].submissionId).toBe(idBefore);
    // The process version of the form shown last (after the reload), beside the first token.
    expect(w.leadPosts[0].processVersion).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // The form shown before the reload is the one the server times (tokens carry "shown at").
    expect(w.formTokens).toHaveLength(3);
    expect(w.formTokens[2]).not.toBe(w.formTokens[1]);
    expect(w.leadPosts[0].formToken).toBe(w.formTokens[1]);
    expect(w.leadPosts[0].context).toEqual({
      pageUrl: contactPage,
      referrer: landing,
      utm: { source: 'newsletter', campaign: 'spring' },
    });
    expect((await w.leadRequests[0].allHeaders()).cookie).toBeUndefined();
    expect(await page.evaluate((k) => sessionStorage.getItem(k), flowKey)).toBeNull();
    await mailsOfLead(e.sink, contact, e.repEmails);
    expect(w.errors).toEqual([]);
  });

  it("refuses an email the server would refuse before sending (the same check), and shows the server's 422 field errors at their fields, on the screen that asks them", async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.en;
    await expectScreen(ui, vendorTexts('en').processTitle);
    await ui.getByRole('button', { name: t.next }).click();
    // The browser's type=email accepts two dots in a row; the server's email check does not, and
    // the widget checks as the server does (widget/email.ts): refused before anything is sent.
    const contact = { name: 'Dot Dot', email: 'dot..dot@dots.example', company: 'Dots' };
    await answerUpToSend(ui, 'en', contact);
    await ui.getByRole('button', { name: t.send }).click();
    const email = ui.getByRole('textbox', { name: t.email });
    await expect.poll(() => email.getAttribute('aria-invalid'), WAIT).toBe('true');
    expect(await ui.locator('#k-email-e').textContent()).toBe(t.badEmail);
    await expect.poll(() => deepFocus(page), WAIT).toMatchObject({ name: 'email' });
    expect(w.leadPosts).toHaveLength(0);
    await capture(page, 'inline-en-5-email-error');

    // An answer on an earlier screen (as the contract allows: `answers.stage`) takes the
    // prospect back to that screen. The server is asked for real; only this answer is replaced.
    await page.route('**/leads', (route) =>
      route.fulfill({
        status: 422,
        headers: { 'access-control-allow-origin': e.host.origin, 'content-type': 'application/json' },
        body: JSON.stringify({
          error: { code: 'invalid_content', message: 'invalid', fields: [{ path: 'answers.stage', message: 'Unknown option.' }] },
        }),
      }),
    );
    await email.fill('dot.dot@dots.example');
    await ui.getByRole('button', { name: t.send }).click();
    await expectScreen(ui, t.stand);
    await expect.poll(async () => (await deepFocus(page))?.name, WAIT).toBe('stage');
    expect(await ui.locator('#k-stage-e').textContent()).toBe('Unknown option.');
    expect(w.leadPosts).toHaveLength(1);
    expect(w.errors).toEqual([]);
  });
});
