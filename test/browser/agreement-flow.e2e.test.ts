import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveText, type Language } from '../../shared/localized';
import { contactPromise } from '../../server/leads/contact-promise';
import { agreementAnswerTexts } from '../../server/mail/agreement-answer-texts';
import { routingTexts } from '../../server/mail/routing-texts';
import { mailTexts } from '../../server/mail/texts';
import { formatDateTime } from '../../server/mail/times';
import { prospectRepMailTexts } from '../../server/prospect/rep-mail-texts';
import { prospectPageTexts } from '../../server/prospect/page-texts';
import { agreementAnswerPageTexts } from '../../server/routes/agreement-answer-texts';
import { exampleConfig } from '../support/fixtures';
import type { ReceivedMail } from '../support/smtp-sink';
import { E2E_ADMIN_TOKEN } from './support/api-server';
import { ROOT } from './support/build-widget';
import { startE2e, type E2e } from './support/e2e-env';
import { answerUpToSend, builtIn, expectScreen, radio, vendorTexts, widget, type Contact } from './support/flow';
import { mailsOfLead } from './support/mail';
import { serverPages, type ServerPages } from './support/page-check';
import { openWatched } from './support/watch';

// Issue 10 end to end in real Chromium against the real server process and a real SMTP sink: a
// proposal in the widget → the rep's mail (the proposal first, "Answer the proposal") → the rep's
// answer page (agree / counter / keep the standard) → the prospect's mail → the prospect's page
// (the agreed process, the rep, by when, what next; accept or answer a counter; update; pause) →
// the rep's mails. Every server page state: no sideways scroll at 360 px, axe serious/critical = 0,
// screenshots at 360 and 1280 px (test-results/widget/agreement-*.png).

let e: E2e;
let pages: ServerPages;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});
afterEach(async () => {
  await pages?.close();
});

const config = exampleConfig();
const origin = () => e.api.origin;

function db<T>(read: (db: Database.Database) => T): T {
  const d = new Database(e.api.dbPath, { readonly: true });
  try {
    return read(d);
  } finally {
    d.close();
  }
}

interface LeadState {
  status: string;
  state: string;
  repId: string;
  score: number;
  tier: string;
  createdAt: number;
  turns: number;
  events: number;
}

const leadOf = (id: string): LeadState =>
  db((d) => ({
    ...(d
      .prepare('SELECT status, agreement_state AS state, rep_id AS repId, score, tier, created_at AS createdAt FROM leads WHERE id = ?')
      .get(id) as Omit<LeadState, 'turns' | 'events'>),
    turns: (d.prepare('SELECT count(*) AS n FROM agreement_turns WHERE lead_id = ?').get(id) as { n: number }).n,
    events: (d.prepare('SELECT count(*) AS n FROM lead_events WHERE lead_id = ?').get(id) as { n: number }).n,
  }));

const turnKinds = (id: string) =>
  db((d) => (d.prepare('SELECT kind FROM agreement_turns WHERE lead_id = ? ORDER BY id').all(id) as { kind: string }[]).map((r) => r.kind));

const repOf = (id: string) => {
  const rep = config.reps.find((r) => r.id === leadOf(id).repId)!;
  return { ...rep, language: (rep.languages?.[0] ?? 'nl') as Language };
};

/** The first mail to `address` whose subject is `subject` (waits for it). */
async function mailTo(address: string, subject: string, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = e.sink.messages.find((x) => x.envelope.to.includes(address) && x.parsed.subject === subject);
    if (m) return m;
    if (Date.now() > deadline) {
      const seen = e.sink.messages.filter((x) => x.envelope.to.includes(address)).map((x) => x.parsed.subject);
      throw new Error(`no mail "${subject}" to ${address}; it got: ${JSON.stringify(seen)}`);
    }
    await e.sink.waitFor(e.sink.messages.length + 1, Math.max(1, deadline - Date.now())).catch(() => undefined);
  }
}

/** The address of the link labelled `label` in a mail's text part ("label: href"). */
function linkIn(mail: ReceivedMail, label: string): string {
  const line = (mail.parsed.text ?? '').split('\n').find((l) => l.startsWith(`${label}: `));
  if (!line) throw new Error(`no link "${label}" in "${mail.parsed.subject}":\n${mail.parsed.text}`);
  return line.slice(label.length + 2).trim();
}

const pageLink = (mail: ReceivedMail) => {
  const m = new RegExp(`${origin()}/p/[A-Za-z0-9_.~-]+`).exec(mail.parsed.text ?? '');
  if (!m) throw new Error(`no page link in "${mail.parsed.subject}"`);
  return m[0];
};

const heading = (page: Page, level: number, name: string) => page.getByRole('heading', { level, name, exact: true });
const status = (page: Page) => page.getByRole('status');

/** The steps of the prospect page's process list, each item's text with spaces collapsed. */
const stepItems = (page: Page) =>
  page.locator('ul.steps > li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));

/** The widget's first screen: propose skipping `skip`, changing `change` (what instead), an added step and a reason. */
async function propose(
  ui: Locator,
  lang: Language,
  p: { skip?: string; change?: { step: string; instead: string }; added?: string; reason: string },
) {
  const t = builtIn[lang];
  const v = vendorTexts(lang);
  await expectScreen(ui, v.processTitle);
  await radio(ui, t.fit, t.deviate).check();
  const title = (id: string) => v.steps[config.process.steps.findIndex((s) => s.id === id)].title;
  // The fixed step has no choices: it says it is always part of it, and why.
  const fixed = config.process.steps.find((s) => s.negotiable === false)!;
  expect(await ui.getByRole('group', { name: title(fixed.id), exact: true }).count()).toBe(0);
  expect(await ui.locator('fieldset p', { hasText: t.firm }).textContent()).toBe(`${title(fixed.id)} (${t.firm}): ${resolveText(fixed.fixedReason!, lang)}`);
  if (p.skip) await radio(ui, title(p.skip), t.omit).check();
  if (p.change) {
    await radio(ui, title(p.change.step), t.alter).check();
    await ui.getByRole('textbox', { name: t.other.replace('{step}', title(p.change.step)), exact: true }).fill(p.change.instead);
  }
  if (p.added) await ui.getByRole('textbox', { name: `${t.addStep} (${t.optional})`, exact: true }).fill(p.added);
  await ui.getByRole('textbox', { name: t.deviation, exact: true }).fill(p.reason);
  await ui.getByRole('button', { name: t.next }).click();
}

/** Sends the widget's last screen; the new lead's id. */
async function send(page: Page, ui: Locator, lang: Language): Promise<string> {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/leads'));
  await ui.getByRole('button', { name: builtIn[lang].send }).click();
  const res = await answered;
  expect(res.status()).toBe(201);
  await expectScreen(ui, builtIn[lang].done);
  return (await res.json()).leadId;
}

/** A whole proposal through the widget (answers as answerUpToSend: sales-ready); the lead id and its two mails. */
async function proposalLead(lang: Language, contact: Contact, p: Parameters<typeof propose>[2]) {
  const w = await openWatched(e.browser, e.host.url(`/inline?lang=${lang}`));
  w.page.setDefaultTimeout(10_000);
  const ui = widget(w.page);
  await propose(ui, lang, p);
  await answerUpToSend(ui, lang, contact);
  const id = await send(w.page, ui, lang);
  const mails = await mailsOfLead(e.sink, contact, e.repEmails);
  expect(w.errors).toEqual([]);
  await w.page.context().close();
  return { id, ...mails };
}

/** The rep's answer page of a lead's mail; checks that opening it changed nothing. */
async function openAnswerPage(id: string, mail: ReceivedMail, name: string) {
  const rep = repOf(id);
  const href = linkIn(mail, routingTexts[rep.language].actionLabel.answer);
  expect(href).toMatch(new RegExp(`^${origin()}/r/`));
  const before = leadOf(id);
  const page = await pages.open(href);
  expect(leadOf(id)).toEqual(before); // a GET (a mail scanner, a preview) never acts
  const t = agreementAnswerPageTexts[rep.language];
  expect(await heading(page, 1, t.title).isVisible()).toBe(true);
  await pages.check(page, name);
  return { page, t, rep, href };
}

describe('the agreement, end to end', () => {
  it('Path A, English: a proposal in the widget → the rep mail (proposal first) → the rep agrees → the prospect mail → the page (agreed process, rep, by when, what next) → an update → the rep’s “what changed” mail', async () => {
    pages = serverPages(e.browser, 'agreement-en');
    const lang = 'en';
    const t = builtIn.en;
    const v = vendorTexts(lang);
    const contact = { name: 'Ada Achterberg', email: 'ada@achterberg-assets.example', company: 'Achterberg Assets' };

    // The widget: a proposal, and answers of a qualifying lead (30 points).
    const w = await openWatched(e.browser, e.host.url('/inline?lang=en'));
    w.page.setDefaultTimeout(10_000);
    const ui = widget(w.page);
    const proposal = {
      skip: 'intro',
      change: { step: 'discovery', instead: 'One remote session of two hours instead of a workshop' },
      added: 'A call with a reference customer',
      reason: 'Our team is small and spread over three sites.',
    };
    await propose(ui, lang, proposal);
    await expectScreen(ui, t.stand);
    await radio(ui, v.stage.label, v.stage.o.defining).check();
    await radio(ui, v.budget.label, v.budget.o.pending).check();
    await radio(ui, v.decisionProcess.label, v.decisionProcess.o.roughly).check();
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.who);
    await radio(ui, v.finalSay.label, v.finalSay.o.committee).check();
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.when);
    await radio(ui, v.timeline.label, v.timeline.o['6m']).check();
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.you);
    await ui.getByRole('textbox', { name: t.name }).fill(contact.name);
    await ui.getByRole('textbox', { name: t.email }).fill(contact.email);
    await ui.getByRole('textbox', { name: t.company }).fill(contact.company);
    await ui.getByRole('checkbox', { name: new RegExp(t.privacy) }).check();
    const id = await send(w.page, ui, lang);
    expect(w.errors).toEqual([]);
    const first = leadOf(id);
    expect(first).toMatchObject({ state: 'proposed', status: 'assigned', tier: 'qualifying' });
    const rep = repOf(id);

    // The rep's mail: the proposal comes first, step by step, with the link to answer it.
    const { prospect: confirmation, rep: repMail } = await mailsOfLead(e.sink, contact, e.repEmails);
    const rt = agreementAnswerTexts[rep.language];
    const text = repMail.parsed.text ?? '';
    expect(repMail.envelope.to).toEqual([rep.email]);
    const order = [rt.proposalHeading, rt.reason(proposal.reason), proposal.change.instead, proposal.added, routingTexts[rep.language].actionLabel.answer];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0), `${JSON.stringify(order)} in:\n${text}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text.indexOf(rt.proposalHeading)).toBeLessThan(text.indexOf(`${routingTexts[rep.language].actionLabel.accept}: `));

    // The prospect's page while the proposal is under discussion: their proposal, the rep, and by when.
    const pt = prospectPageTexts.en;
    const prospect = await pages.open(pageLink(confirmation));
    expect(await heading(prospect, 1, pt.title(config.vendor.name)).isVisible()).toBe(true);
    expect(await heading(prospect, 2, pt.process.proposed).isVisible()).toBe(true);
    expect(await prospect.getByText(pt.proposedNote(rep.name), { exact: true }).isVisible()).toBe(true);
    const promised = contactPromise(config, 'qualifying', first.createdAt)!;
    const when = pt.promise(rep.name, formatDateTime(promised, config.vendor.timeZone, lang));
    expect(when).toMatch(/ by \d{1,2} \w+ \d{4}, 17:00 \(Amsterdam time\)\.$/);
    expect(await prospect.getByText(when, { exact: true }).isVisible()).toBe(true);
    expect(await prospect.locator('[aria-current="step"]').textContent()).toContain(pt.phase.agreeing);
    await pages.check(prospect, 'prospect-1-proposal');

    // The rep's answer page: opening it changed nothing (checked inside); agree.
    const answer = await openAnswerPage(id, repMail, 'rep-1-answer-page');
    const at2 = answer.t;
    expect(await answer.page.getByText(`${at2.reason}: “${proposal.reason}”`).isVisible()).toBe(true);
    await answer.page.getByRole('button', { name: at2.agree.button }).click();
    expect(await heading(answer.page, 1, at2.doneTitle.agree).isVisible()).toBe(true);
    expect(await status(answer.page).textContent()).toBe(`${at2.done(contact.name)} ${at2.accepted}`);
    await pages.check(answer.page, 'rep-2-agreed');
    expect(leadOf(id)).toMatchObject({ state: 'agreed', status: 'accepted' });
    expect(turnKinds(id)).toEqual(['proposal', 'agree']);

    // The prospect's mail: the outcome, the agreed process, the link to their page.
    const outcome = await mailTo(contact.email, agreementAnswerTexts.en.agreedSubject(rep.name));
    const outText = outcome.parsed.text ?? '';
    for (const s of [agreementAnswerTexts.en.agreedIntro(rep.name), proposal.change.instead, proposal.added, v.steps[2].title]) expect(outText).toContain(s);
    expect(outcome.parsed.replyTo?.value[0].address).toBe(rep.email);

    // The page now: the agreed process, step by step; the rep; what we need next.
    const page = await pages.open(linkIn(outcome, agreementAnswerTexts.en.yourPage));
    expect(await heading(page, 2, pt.process.agreed).isVisible()).toBe(true);
    const fixed = config.process.steps[2];
    expect(await stepItems(page)).toEqual([
      `${pt.skipped}: ${v.steps[0].title}`,
      `1. ${v.steps[1].title} ${pt.instead} ${proposal.change.instead}`,
      `2. ${v.steps[2].title} (${v.steps[2].duration}) ${pt.weDo} ${v.steps[2].weDo} ${pt.weAsk} ${v.steps[2].weAsk} ${pt.fixed}: ${resolveText(fixed.fixedReason!, 'en')}`,
      `3. ${pt.added} ${proposal.added}`,
    ]);
    const contactPerson = page.locator('dl').first();
    expect(await contactPerson.textContent()).toContain(rep.name);
    expect(await page.getByText(pt.acceptedBy(rep.name), { exact: true }).isVisible()).toBe(true);
    expect(await heading(page, 2, pt.next).isVisible()).toBe(true);
    expect(await page.locator('[aria-current="step"]').textContent()).toContain(pt.phase.step(1, v.steps[1].title));
    await pages.check(page, 'prospect-2-agreed');
    // The README's picture (docs/img/prospect-page.png is a copy): the top of the page down to the process.
    await page.setViewportSize({ width: 1280, height: 1370 });
    await page.screenshot({ path: join(ROOT, 'test-results/widget/agreement-en-prospect-2-agreed-readme.png') });

    // An update on the page: a later stage, and the CFO (budget holder) is now involved.
    await page.getByRole('combobox', { name: v.stage.label }).selectOption({ label: v.stage.o.deciding });
    await page.getByRole('checkbox', { name: v.roles['budget-holder'], exact: true }).check();
    await pages.check(page, 'prospect-3-update-form');
    await page.getByRole('button', { name: pt.save }).click();
    expect(await status(page).textContent()).toBe(pt.done.updated(rep.name));
    await pages.check(page, 'prospect-4-updated');
    const after = leadOf(id);
    expect(after).toMatchObject({ status: 'accepted', repId: first.repId, tier: 'sales-ready' });
    expect(after.score).toBeGreaterThan(first.score);

    // The rep's "what changed" mail: old → new, the new score and tier; the lead stays with them.
    const mt = prospectRepMailTexts[rep.language];
    const m = mailTexts[rep.language];
    const changed = (await mailTo(rep.email, mt.updatedSubject(contact.company))).parsed.text ?? '';
    const rv = vendorTexts(rep.language);
    for (const s of [
      mt.whatChanged,
      `${rv.stage.o.defining} → ${rv.stage.o.deciding}`,
      `${mt.none} → ${rv.roles['budget-holder']}`,
      mt.score(first.score, after.score),
      mt.tierChanged(m.tier.qualifying, m.tier['sales-ready']),
    ]) {
      expect(changed, changed).toContain(s);
    }
    expect(pages.issues).toEqual([]);
  });

  it('Path B, Dutch: a proposal → the rep’s counter-proposal (their own text for a step) → the prospect’s mail → accepted on the page → agreed; an update; “we have paused” with a reason → the rep’s mails', async () => {
    pages = serverPages(e.browser, 'agreement-nl');
    const v = vendorTexts('nl');
    const [intro, discovery] = v.steps.map((s: { title: string }) => s.title);
    const contact = { name: 'Bas Bouwman', email: 'bas@bouwman-bouw.example', company: 'Bouwman Bouw' };
    const proposal = { skip: 'intro', change: { step: 'discovery', instead: 'Een demo op locatie' }, reason: 'We hebben weinig tijd voor workshops.' };
    const { id, rep: repMail } = await proposalLead('nl', contact, proposal);
    const rep = repOf(id);
    expect(repMail.parsed.text).toContain(agreementAnswerTexts[rep.language].reason(proposal.reason));

    // The counter-proposal: our introduction stays, the discovery becomes the rep's own text.
    const { page: answer, t } = await openAnswerPage(id, repMail, 'rep-1-answer-page');
    const form = answer.locator('form').filter({ has: answer.getByRole('button', { name: t.counter.button }) });
    await radio(form, intro, t.counter.ours).check();
    await radio(form, discovery, t.counter.other).check();
    const counterText = 'Een verkenning van een uur via video, met uw planner erbij';
    await form.getByRole('textbox', { name: t.counter.otherText(discovery), exact: true }).fill(counterText);
    const note = 'Zo blijft het kort, en weten we toch wat u nodig heeft.';
    await form.getByRole('textbox', { name: t.counter.note, exact: true }).fill(note);
    await pages.check(answer, 'rep-2-counter-form');
    await form.getByRole('button', { name: t.counter.button }).click();
    expect(await heading(answer, 1, t.doneTitle.counter).isVisible()).toBe(true);
    await pages.check(answer, 'rep-3-counter-sent');
    expect(leadOf(id)).toMatchObject({ state: 'countered', status: 'accepted' });

    // The prospect's mail: the counter-proposal, the rep's note, the link to their page.
    const at = agreementAnswerTexts.nl;
    const counterMail = await mailTo(contact.email, at.counterSubject(rep.name));
    for (const s of [at.counterIntro(rep.name), counterText, `“${note}”`, at.counterAnswer]) expect(counterMail.parsed.text).toContain(s);

    // Their page: the counter-proposal with the rep's words; they accept it.
    const pt = prospectPageTexts.nl;
    const page = await pages.open(linkIn(counterMail, at.yourPage));
    expect(await heading(page, 2, pt.process.countered(rep.name)).isVisible()).toBe(true);
    expect(await page.getByText(pt.nextCounter, { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('blockquote').textContent()).toBe(note);
    const counterSteps = await stepItems(page);
    expect(counterSteps[0]).toMatch(new RegExp(`^1\\. ${intro} \\(`));
    expect(counterSteps[1]).toBe(`2. ${discovery} ${pt.instead} ${counterText}`);
    await pages.check(page, 'prospect-1-counter');
    await page.getByRole('button', { name: pt.acceptCounter }).click();
    expect(await status(page).textContent()).toBe(pt.done.counterAccepted(rep.name));
    expect(await heading(page, 2, pt.process.agreed).isVisible()).toBe(true);
    expect(await stepItems(page)).toEqual(counterSteps);
    await pages.check(page, 'prospect-2-agreed');
    expect(leadOf(id).state).toBe('agreed');
    expect(turnKinds(id)).toEqual(['proposal', 'counter', 'accept-counter']);
    const mt = prospectRepMailTexts[rep.language];
    const accepted = await mailTo(rep.email, mt.counterAcceptedSubject(contact.company));
    expect(accepted.parsed.text).toContain(counterText);

    // An update (the timeline moved closer) → the rep's "what changed" mail.
    const before = leadOf(id);
    await page.getByRole('combobox', { name: v.timeline.label }).selectOption({ label: v.timeline.o['1m'] });
    await page.getByRole('button', { name: pt.save }).click();
    expect(await status(page).textContent()).toBe(pt.done.updated(rep.name));
    const after = leadOf(id);
    const rv = vendorTexts(rep.language);
    const changed = (await mailTo(rep.email, mt.updatedSubject(contact.company))).parsed.text ?? '';
    for (const s of [`${rv.timeline.o['3m']} → ${rv.timeline.o['1m']}`, mt.score(before.score, after.score), mt.tierSame(mailTexts[rep.language].tier[after.tier as 'sales-ready'])]) {
      expect(changed, changed).toContain(s);
    }

    // "We have paused", with a reason → the page says so and offers to continue; the rep's mail quotes it.
    const why = 'Ons budget is bevroren tot het nieuwe kwartaal.';
    await page.getByRole('textbox', { name: pt.reasonOptional, exact: true }).fill(why);
    await page.getByRole('button', { name: pt.pause, exact: true }).click();
    expect(await status(page).textContent()).toBe(pt.done.paused(rep.name));
    expect(await page.getByText(pt.status.paused, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: pt.resume }).isVisible()).toBe(true);
    await pages.check(page, 'prospect-3-paused');
    expect(leadOf(id).status).toBe('paused');
    const paused = (await mailTo(rep.email, mt.pausedSubject(contact.company))).parsed.text ?? '';
    expect(paused).toContain(why);
    expect(paused).toContain(mt.pausedNote);
    expect(pages.issues).toEqual([]);
  });

  it('Dutch: the prospect answers a counter-proposal with a proposal of their own → the rep’s mail with the link to answer it → the rep agrees → the page shows the agreement', async () => {
    pages = serverPages(e.browser, 'agreement-nl-answer');
    const v = vendorTexts('nl');
    const [intro, discovery] = v.steps.map((s: { title: string }) => s.title);
    const contact = { name: 'Noor Nieuwland', email: 'noor@nieuwland-noten.example', company: 'Nieuwland Noten' };
    const { id, rep: repMail } = await proposalLead('nl', contact, { skip: 'intro', reason: 'We kennen u al van een beurs.' });
    const rep = repOf(id);
    const { page: answer, t } = await openAnswerPage(id, repMail, 'rep-1-answer-page');
    const form = answer.locator('form').filter({ has: answer.getByRole('button', { name: t.counter.button }) });
    await radio(form, intro, t.counter.ours).check();
    await radio(form, discovery, t.counter.other).check();
    await form.getByRole('textbox', { name: t.counter.otherText(discovery), exact: true }).fill('Een korte verkenning per video');
    await form.getByRole('button', { name: t.counter.button }).click();
    expect(await heading(answer, 1, t.doneTitle.counter).isVisible()).toBe(true);

    // On their page they answer: leave out the introduction, keep the workshop, add a step, say why.
    const at = agreementAnswerTexts.nl;
    const pt = prospectPageTexts.nl;
    const page = await pages.open(linkIn(await mailTo(contact.email, at.counterSubject(rep.name)), at.yourPage));
    const own = page.locator('form').filter({ has: page.getByRole('button', { name: pt.sendAnswer }) });
    await radio(own, `1. ${intro}`, pt.skip).check();
    await radio(own, `2. ${discovery}`, pt.keep).check();
    expect(await own.getByRole('group', { name: `3. ${v.steps[2].title}`, exact: true }).getByRole('radio').count()).toBe(0); // fixed
    await own.getByRole('textbox', { name: pt.addedLabel(1), exact: true }).fill('Een bezoek aan een klant van u');
    await own.getByRole('textbox', { name: pt.reasonRequired, exact: true }).fill('De workshop is goed, maar kennismaken hoeft niet meer.');
    await pages.check(page, 'prospect-1-counter-answer-form');
    await own.getByRole('button', { name: pt.sendAnswer }).click();
    expect(await status(page).textContent()).toBe(pt.done.counterAnswered(rep.name));
    expect(await heading(page, 2, pt.process.proposed).isVisible()).toBe(true);
    await pages.check(page, 'prospect-2-own-proposal');
    expect(leadOf(id).state).toBe('proposed');

    // The rep's mail: their answer, with the link to answer it; the rep agrees.
    const mt = prospectRepMailTexts[rep.language];
    const answered = await mailTo(rep.email, mt.counterAnsweredSubject(contact.company));
    expect(answered.parsed.text).toContain('Een bezoek aan een klant van u');
    const again = await openAnswerPage(id, answered, 'rep-2-answer-their-answer');
    expect(await again.page.getByText(`${again.t.reason}: “De workshop is goed, maar kennismaken hoeft niet meer.”`).isVisible()).toBe(true);
    await again.page.getByRole('button', { name: again.t.agree.button }).click();
    expect(await heading(again.page, 1, again.t.doneTitle.agree).isVisible()).toBe(true);
    expect(turnKinds(id)).toEqual(['proposal', 'counter', 'proposal', 'agree']);

    await mailTo(contact.email, at.agreedSubject(rep.name));
    await page.reload();
    expect(await heading(page, 2, pt.process.agreed).isVisible()).toBe(true);
    expect(await stepItems(page)).toEqual([
      `${pt.skipped}: ${intro}`,
      expect.stringMatching(new RegExp(`^1\\. ${discovery} \\(`)),
      expect.stringMatching(new RegExp(`^2\\. ${v.steps[2].title} \\(`)),
      `3. ${pt.added} Een bezoek aan een klant van u`,
    ]);
    expect(pages.issues).toEqual([]);
  });

  it('keep the standard process (English): an explanation is required (empty: the browser stops it; only spaces: 422 and nothing changes); with one, the prospect reads it in the mail and on their page', async () => {
    pages = serverPages(e.browser, 'agreement-en-keep');
    const contact = { name: 'Kees Keizer', email: 'kees@keizer-kranen.example', company: 'Keizer Kranen' };
    const { id, rep: repMail } = await proposalLead('en', contact, { skip: 'intro', reason: 'We already know what we need.' });
    const rep = repOf(id);
    const { page, t } = await openAnswerPage(id, repMail, 'rep-1-answer-page');
    const explanation = page.getByRole('textbox', { name: t.keep.explanation, exact: true });
    const keep = page.getByRole('button', { name: t.keep.button, exact: true });
    const before = leadOf(id);

    await keep.click(); // empty: `required` keeps the form from being sent
    expect(await explanation.evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    expect(await heading(page, 1, t.title).isVisible()).toBe(true);

    await explanation.fill('   ');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await keep.click();
    expect((await refused).status()).toBe(422);
    expect(await page.getByRole('alert').textContent()).toBe(t.problem['explanation-required']);
    expect(leadOf(id)).toEqual(before);
    await pages.check(page, 'rep-2-keep-refused');

    const words = 'Every customer starts with an introduction: that is where we learn who decides.';
    await page.getByRole('textbox', { name: t.keep.explanation, exact: true }).fill(words);
    await page.getByRole('button', { name: t.keep.button, exact: true }).click();
    expect(await heading(page, 1, t.doneTitle['keep-standard']).isVisible()).toBe(true);
    expect(leadOf(id)).toMatchObject({ state: 'standard-kept', status: 'accepted' });

    const at = agreementAnswerTexts.en;
    const pt = prospectPageTexts.en;
    const kept = await mailTo(contact.email, at.keptSubject(rep.name));
    expect(kept.parsed.text).toContain(`“${words}”`);
    const prospect = await pages.open(linkIn(kept, at.yourPage));
    expect(await heading(prospect, 2, pt.process.kept(rep.name)).isVisible()).toBe(true);
    expect(await prospect.getByText(`${pt.theirWords(rep.name)}:`, { exact: true }).isVisible()).toBe(true);
    expect(await prospect.locator('blockquote').textContent()).toBe(words);
    expect((await stepItems(prospect)).length).toBe(3);
    await pages.check(prospect, 'prospect-kept');
    expect(pages.issues).toEqual([]);
  });

  it('problem pages: a forged page link (403, both languages), a revoked one (410, the lead’s language), a forged answer link (403); none changes anything', async () => {
    pages = serverPages(e.browser, 'agreement-problem');
    const contact = { name: 'Rik Rover', email: 'rik@rover-rail.example', company: 'Rover Rail' };
    const { id, prospect: confirmation, rep: repMail } = await proposalLead('en', contact, { skip: 'intro', reason: 'Short on time.' });
    const link = pageLink(confirmation);
    const before = leadOf(id);
    const alter = (url: string) => {
      const i = url.length - 12; // inside the signature
      return url.slice(0, i) + (url[i] === 'A' ? 'B' : 'A') + url.slice(i + 1);
    };
    const en = prospectPageTexts.en.problem;
    const nl = prospectPageTexts.nl.problem;

    const forged = await pages.open(alter(link), 403);
    expect(await heading(forged, 1, `${nl.forged.title} · ${en.forged.title}`).isVisible()).toBe(true);
    expect(await forged.getByRole('link', { name: config.vendor.replyTo }).first().isVisible()).toBe(true);
    await pages.check(forged, 'prospect-forged-403');

    const res = await fetch(`${origin()}/api/v1/admin/leads/${id}/prospect-link/revoke`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const { prospectPage: fresh } = (await res.json()) as { prospectPage: string };
    const revoked = await pages.open(link, 410);
    expect(await heading(revoked, 1, en.revoked.title).isVisible()).toBe(true);
    expect(await revoked.getByText(en.revoked.text).isVisible()).toBe(true);
    await pages.check(revoked, 'prospect-revoked-410');
    await pages.open(fresh); // the new link works

    const rep = repOf(id);
    const answerLink = linkIn(repMail, routingTexts[rep.language].actionLabel.answer);
    const forgedAnswer = await pages.open(alter(answerLink), 403);
    await pages.check(forgedAnswer, 'rep-answer-forged-403');
    expect(leadOf(id)).toEqual({ ...before, events: before.events + 1 }); // only the history line of the revocation
    expect(pages.issues).toEqual([]);
  });
});
