import { AGREEMENT_LIMITS } from '../../shared/agreement';
import type { VendorConfig } from '../../shared/config';
import type { Language } from '../../shared/localized';
import type { AgreedStep, ShownStep } from '../agreement/agreed-process';
import type { AnswerCurrent, AnswerProblem, RepAnswerForm } from '../agreement/rep-answer';
import type { AgreementView } from '../agreement/rep-answer-view';
import type { leadEvents } from '../db/schema';
import type { RepAnswerKind } from '../mail/agreement-outcome';
import { escapeHtml } from '../mail/escape';
import type { LeadRow } from '../mail/rep-lead';
import { agreementAnswerPageTexts } from './agreement-answer-texts';
import { historyList, leadSummary, page } from './rep-action-page';

// The rep's answer page (GET /r/{token} of an 'answer' link): the proposal step by step and three
// forms (agree; counter-proposal per step; keep the standard with an explanation), each a POST
// (a GET never acts). Also the page of the current state, when the proposal is no longer open,
// and the page after an answer. Everything from the lead or config is escaped.

type Event = typeof leadEvents.$inferSelect;

interface PageInput {
  language: Language;
  lead: LeadRow;
  view: AgreementView;
  history: Event[];
  config: VendorConfig;
}

const h = escapeHtml;

/** The proposal and the three answers; after a refused POST, the form as sent and what was wrong. */
export function answerPage(a: PageInput & { error?: AnswerProblem; form?: RepAnswerForm; notice?: 'changed' }): string {
  const t = agreementAnswerPageTexts[a.language];
  const turn = `<input type="hidden" name="turn" value="${h(String(a.view.turnId ?? ''))}">`;
  const form = a.form;
  const picked = (s: ShownStep) => form?.steps[s.id] ?? (s.fixed ? 'ours' : a.view.steps.find((x) => x.id === s.id)?.status === 'kept' ? 'ours' : 'theirs');
  const addedSteps = a.view.steps.filter((s) => s.status === 'added');

  const stepFields = a.view.shown
    .map((s, i) => {
      const theirs = a.view.steps[i];
      const name = `step:${s.id}`;
      if (s.fixed) return `<fieldset><legend>${h(s.title)}</legend><p>${h(t.counter.fixed(s.fixed))}</p></fieldset>`;
      const radio = (value: string, label: string) =>
        `<label><input type="radio" name="${h(name)}" value="${value}"${picked(s) === value ? ' checked' : ''}> ${h(label)}</label><br>`;
      const theirChange = theirs.status === 'skipped' ? t.counter.theirSkip : theirs.status === 'changed' ? `${t.instead}: ${theirs.instead ?? ''}` : '';
      const insteadId = `instead-${h(s.id)}`;
      return [
        `<fieldset><legend>${h(s.title)}</legend>`,
        radio('ours', t.counter.ours),
        theirChange ? radio('theirs', t.counter.theirs(theirChange)) : '',
        radio('other', t.counter.other),
        `<label for="${insteadId}">${h(t.counter.otherText(s.title))}</label><br>`,
        `<textarea id="${insteadId}" name="instead:${h(s.id)}" maxlength="${AGREEMENT_LIMITS.instead}">${h(form?.instead[s.id] ?? '')}</textarea>`,
        '</fieldset>',
      ].join('');
    })
    .join('\n');
  const keptAdded = new Set(form ? form.added : addedSteps.map((_, i) => String(i)));
  const addedFields = addedSteps.length
    ? `<fieldset><legend>${h(t.counter.added)}</legend>${addedSteps
        .map((s, i) => `<label><input type="checkbox" name="added" value="${i}"${keptAdded.has(String(i)) ? ' checked' : ''}> ${h(t.counter.keepAdded(s.title))}</label><br>`)
        .join('')}</fieldset>`
    : '';

  const body = [
    a.notice ? `<p class="note" role="status">${h(t.current[a.notice])}</p>` : '',
    proposalSection(a),
    `<h2>${h(t.yourAnswer)}</h2><p>${h(t.answerIntro)}</p>`,
    a.error ? `<p class="error" role="alert">${h(t.problem[a.error])}</p>` : '',
    `<form method="post"><h3>${h(t.agree.heading)}</h3><p>${h(t.agree.text)}</p>${turn}<input type="hidden" name="choice" value="agree"><p><button type="submit">${h(t.agree.button)}</button></p></form>`,
    `<form method="post"><h3>${h(t.counter.heading)}</h3><p>${h(t.counter.text)}</p>${turn}<input type="hidden" name="choice" value="counter">`,
    stepFields,
    addedFields,
    `<p><label for="note">${h(t.counter.note)}</label><br><textarea id="note" name="note" maxlength="${AGREEMENT_LIMITS.reason}">${h(form?.note ?? '')}</textarea></p>`,
    `<p><button type="submit">${h(t.counter.button)}</button></p></form>`,
    `<form method="post"><h3>${h(t.keep.heading)}</h3><p>${h(t.keep.text)}</p>${turn}<input type="hidden" name="choice" value="keep">`,
    `<p><label for="explanation">${h(t.keep.explanation)}</label><br><textarea id="explanation" name="explanation" maxlength="${AGREEMENT_LIMITS.reason}" required>${h(form?.explanation ?? '')}</textarea></p>`,
    `<p><button type="submit">${h(t.keep.button)}</button></p></form>`,
    leadSummary(a.language, a.lead, a.config),
    historyList(a.language, a.history, a.config),
  ].join('\n');
  return page(a.language, t.title, body);
}

/** Who proposes, why, and the proposal step by step. */
function proposalSection(a: PageInput): string {
  const t = agreementAnswerPageTexts[a.language];
  const reason = a.view.reason ? `<p><strong>${h(t.reason)}:</strong> “${h(a.view.reason)}”</p>` : `<p>${h(t.noReason)}</p>`;
  const steps = a.view.noStepChanges ? `<p>${h(t.noStepChanges)}</p>` : `<h2>${h(t.theirProposal)}</h2>${stepList(a.language, a.view.steps)}`;
  return `<p class="note">${h(t.intro(a.lead.contactName, a.lead.company))}</p>${reason}${steps}`;
}

/** The steps, each with what the proposal (or the agreement) does with it. */
function stepList(language: Language, steps: AgreedStep[], of: 'proposal' | 'agreement' = 'proposal'): string {
  const t = agreementAnswerPageTexts[language];
  const labels = of === 'proposal' ? t.status : t.neutral;
  const items = steps.map((s) => {
    const status = s.fixed ? labels.fixed : labels[s.status];
    const title = s.duration && s.status !== 'added' ? `${s.title} (${s.duration})` : s.title;
    const detail =
      s.status === 'changed'
        ? `<br>${h(t.instead)}: ${h(s.instead ?? '')}`
        : s.status === 'kept'
          ? `<br><small>${h(t.weDo)}: ${h(s.weDo)} · ${h(t.weAsk)}: ${h(s.weAsk)}</small>${s.fixed ? `<br><small>${h(s.fixed)}</small>` : ''}`
          : '';
    return `<li><strong>${h(title)}</strong> — ${h(status)}${detail}</li>`;
  });
  return `<ol>${items.join('')}</ol>`;
}

/** The proposal is no longer open (answered, paused, withdrawn, none): where the agreement stands, the process as it stands, the history. */
export function currentStatePage(a: PageInput & { current: AnswerCurrent; process: AgreedStep[]; /** GET: only opened, nothing tried. */ seen?: boolean }): string {
  const t = agreementAnswerPageTexts[a.language];
  const body = [
    `<p class="note" role="status">${h((a.seen ? t.seen : t.current)[a.current])}</p>`,
    `<p><strong>${h(t.state[a.view.state])}</strong></p>`,
    `<h2>${h(t.processNow)}</h2>${stepList(a.language, a.process, 'agreement')}`,
    leadSummary(a.language, a.lead, a.config),
    historyList(a.language, a.history, a.config),
  ].join('\n');
  return page(a.language, t.stateTitle, body);
}

/** After an answer: what happens now, and the process that follows from it. */
export function answeredPage(a: { language: Language; kind: RepAnswerKind; lead: LeadRow; accepted: boolean; process: AgreedStep[] }): string {
  const t = agreementAnswerPageTexts[a.language];
  const body = [
    `<p class="note" role="status">${h(t.done(a.lead.contactName))}${a.accepted ? ` ${h(t.accepted)}` : ''}</p>`,
    `<h2>${h(t.processNow)}</h2>${stepList(a.language, a.process, 'agreement')}`,
  ].join('\n');
  return page(a.language, t.doneTitle[a.kind], body);
}
