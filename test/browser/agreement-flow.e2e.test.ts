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
import { startE2e, type E2e } from './support/e2e-env';
import { answerUpToSend, builtIn, expectScreen, radio, vendorTexts, WAIT, widget, type Contact } from './support/flow';
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
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: 'test-results/widget/agreement-en-prospect-2-agreed-readme.png' });

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
});
