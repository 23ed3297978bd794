import { createHash, randomBytes } from 'node:crypto';
import { AGREEMENT_LIMITS } from '../../shared/agreement';
import type { ChoiceQuestion, VendorConfig } from '../../shared/config';
import { resolveText, type Language, type Localized } from '../../shared/localized';
import type { AgreedStep } from '../agreement/agreed-process';
import { escapeHtml } from '../mail/escape';
import { formatDate, formatDateTime } from '../mail/times';
import { ANSWER_FIELDS, MAX_STATUS_REASON, type AnswerField, type FieldProblem, type FormFields } from './forms';
import { repRole, type ProspectView } from './page-state';
import { prospectPageTexts, type PageProblem, type ProspectPageTexts } from './page-texts';

// The prospect's page as HTML: no script, one hashed stylesheet (so `default-src 'none'` holds),
// every text from the lead or config escaped, readable at 360 px (one column, full-width fields).

const CSS =
  '*{box-sizing:border-box}body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;margin:0 auto;max-width:680px;padding:1em}' +
  'h1{font-size:1.5em;margin:.2em 0 .5em}h2{font-size:1.2em;margin:1.6em 0 .5em;border-top:1px solid #d0d7de;padding-top:1em}h3{font-size:1em;margin:0 0 .3em}' +
  '.note{background:#f3f6fa;padding:8px 12px;border-left:4px solid #0b5394}.done{background:#eef7ee;padding:8px 12px;border-left:4px solid #1e6b2e}' +
  '.error{background:#fdf0ed;padding:8px 12px;border-left:4px solid #8a1c00;color:#6b1600}' +
  'ol.phases{padding-left:1.4em}ol.phases li[aria-current]{font-weight:bold}' +
  'ul.steps{list-style:none;padding:0}ul.steps>li{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:0 0 8px}' +
  'dl{margin:0}dt{font-weight:600}dd{margin:0 0 .4em}blockquote{margin:.5em 0;padding:0 12px;border-left:3px solid #d0d7de;white-space:pre-wrap}' +
  'fieldset{border:1px solid #d0d7de;border-radius:6px;margin:0 0 12px;padding:8px 12px}legend{font-weight:600;padding:0 4px}' +
  'label{display:block;margin:.4em 0 .2em}label.choice{display:flex;gap:.5em;align-items:center;margin:.25em 0;font-weight:normal}' +
  'select,textarea,input[type=text]{width:100%;font:inherit;padding:6px;border:1px solid #6e7781;border-radius:4px}textarea{min-height:4.5em}' +
  'button{font:inherit;padding:10px 18px;margin:.6em .5em .2em 0;background:#0b5394;color:#fff;border:0;border-radius:4px;cursor:pointer}button.secondary{background:#4a5560}' +
  '[aria-invalid=true]{border-color:#8a1c00;border-width:2px}small{color:#505a64}a{color:#0b5394}';

export const PROSPECT_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; img-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const e = escapeHtml;

function shell(language: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer"><title>${e(title)}</title><style>${CSS}</style></head><body><main><h1>${e(title)}</h1>${body}</main></body></html>`;
}

function reachUs(t: ProspectPageTexts, replyTo: string): string {
  return `<p>${e(t.reachUs)} <a href="mailto:${e(replyTo)}">${e(replyTo)}</a>.</p>`;
}

/** A link problem (forged, gone, expired, revoked) or a refused request: what happened and how to reach the vendor; both languages when the lead's is unknown. */
export function problemHtml(problem: PageProblem, config: VendorConfig, language?: Language, retryMinutes = 1): string {
  const one = (l: Language) => {
    const t = prospectPageTexts[l];
    const p = t.problem[problem];
    const text = typeof p.text === 'function' ? p.text(retryMinutes) : p.text;
    return { title: p.title, body: `<p class="note">${e(text)}</p>${reachUs(t, config.vendor.replyTo)}` };
  };
  if (language) {
    const { title, body } = one(language);
    return shell(language, title, body);
  }
  const nl = one('nl');
  const en = one('en');
  return shell('nl', `${nl.title} · ${en.title}`, `${nl.body}<section lang="en"><h2>${e(en.title)}</h2>${en.body}</section>`);
}

export interface PageExtras {
  /** What the last POST did (a sentence), shown on top. */
  done?: string;
  /** Problems of a refused form, with what was sent (the form shows it again). */
  problems?: FieldProblem[];
  draft?: { form: 'answers' | 'status' | 'counter'; fields: FormFields };
}

export function prospectPageHtml(view: ProspectView, config: VendorConfig, extras: PageExtras = {}): string {
  const { lead, language } = view;
  const t = prospectPageTexts[language];
  const site = config.sites.find((s) => s.key === lead.site) ?? config.sites[0];
  const text = (l: Localized | undefined) => (l === undefined ? '' : (resolveText(l, language, site.defaultLanguage) ?? resolveText(l, 'en') ?? ''));
  const repName = view.rep?.name ?? null;
  const zone = config.vendor.timeZone;

  const parts: string[] = [`<p>${e(t.received(lead.company, formatDate(lead.createdAt, zone, language)))}</p>`];
  if (extras.done) parts.push(`<p class="done" role="status">${e(extras.done)}</p>`);
  if (extras.problems?.length) parts.push(problemList(view, config, extras.problems, text));
  if (view.closed) parts.push(`<p class="note">${e(lead.status === 'withdrawn' ? t.status.withdrawn : t.status.closed)}</p>`);
  else if (view.paused) parts.push(`<p class="note">${e(t.status.paused)}</p>`);

  // Where they are
  const phaseLabel = (p: ProspectView['phases'][number]) =>
    p.key === 'received' ? t.phase.received : p.key === 'agreeing' ? t.phase.agreeing : p.key === 'waiting' ? t.phase.waiting(repName) : t.phase.step(p.n!, p.title!);
  parts.push(
    `<h2>${e(t.where)}</h2><ol class="phases">${view.phases
      .map((p) => (p.current ? `<li aria-current="step">${e(phaseLabel(p))} <small>(${e(t.youAreHere)})</small></li>` : `<li>${e(phaseLabel(p))}</li>`))
      .join('')}</ol>`,
  );

  // Their contact person, and by when
  const rows: [string, string, string?][] = [];
  if (view.rep) {
    rows.push([t.name, view.rep.name]);
    const role = repRole(view.rep, language, site.defaultLanguage);
    if (role) rows.push([t.role, role]);
    if (view.rep.contactBy === 'phone' && view.rep.phone) rows.push([t.phone, view.rep.phone, `tel:${view.rep.phone.replace(/[^+0-9]/g, '')}`]);
    else rows.push([t.email, view.rep.email, `mailto:${view.rep.email}`]);
  } else {
    rows.push([t.name, t.salesTeam], [t.email, config.vendor.replyTo, `mailto:${config.vendor.replyTo}`]);
  }
  const when = view.promise !== undefined ? `<p class="note">${e(t.promise(repName, formatDateTime(view.promise, zone, language)))}</p>` : '';
  const taken = lead.status === 'accepted' && view.rep ? `<p>${e(t.acceptedBy(view.rep.name))}</p>` : '';
  parts.push(
    `<h2>${e(t.contact)}</h2><dl>${rows.map(([k, v, href]) => `<dt>${e(k)}</dt><dd>${href ? `<a href="${e(href)}">${e(v)}</a>` : e(v)}</dd>`).join('')}</dl>${when}${taken}`,
  );

  // What the vendor needs next
  if (view.next) {
    const next =
      view.next.kind === 'counter'
        ? t.nextCounter
        : view.next.kind === 'proposal'
          ? t.nextProposal(repName)
          : view.next.kind === 'agreed-step'
            ? t.nextAgreedStep(view.next.step, view.next.text, repName)
            : view.next.text;
    parts.push(`<h2>${e(t.next)}</h2><p>${e(next)}</p>`);
  }

  // The process
  const kind = view.process.kind;
  const heading = kind === 'countered' ? t.process.countered(repName) : kind === 'kept' ? t.process.kept(repName) : t.process[kind];
  parts.push(`<h2>${e(heading)}</h2>`);
  if (kind === 'proposed') parts.push(`<p class="note">${e(t.proposedNote(repName))}</p>`);
  if (view.process.words) parts.push(`<p>${e(kind === 'proposed' ? t.yourReason : t.theirWords(repName))}:</p><blockquote>${e(view.process.words)}</blockquote>`);
  parts.push(stepList(view.process.steps, t));

  if (view.counter && !view.closed) parts.push(counterForms(view, t, extras));
  if (!view.closed) parts.push(answersForm(view, config, t, text, extras), statusForms(view, t, extras));
  parts.push(reachUs(t, config.vendor.replyTo));
  return shell(language, t.title(config.vendor.name), parts.join('\n'));
}

function stepList(steps: AgreedStep[], t: ProspectPageTexts): string {
  let n = 0;
  const items = steps.map((s) => {
    if (s.status === 'skipped') return `<li><h3>${e(t.skipped)}: ${e(s.title)}</h3></li>`;
    if (s.status === 'added') return `<li><h3>${++n}. ${e(t.added)}</h3><p>${e(s.title)}</p></li>`;
    const title = `${++n}. ${s.title}${s.duration && s.status === 'kept' ? ` (${s.duration})` : ''}`;
    const fixed = s.fixed ? `<p><small>${e(t.fixed)}: ${e(s.fixed)}</small></p>` : '';
    if (s.status === 'changed') return `<li><h3>${e(title)}</h3><dl><dt>${e(t.instead)}</dt><dd>${e(s.instead ?? '')}</dd></dl></li>`;
    return `<li><h3>${e(title)}</h3><dl><dt>${e(t.weDo)}</dt><dd>${e(s.weDo)}</dd><dt>${e(t.weAsk)}</dt><dd>${e(s.weAsk)}</dd></dl>${fixed}</li>`;
  });
  return `<ul class="steps">${items.join('')}</ul>`;
}

/** Which form was sent (every form posts to the page's own address; the pause form's buttons say pause or withdraw). */
const doing = (what: string) => `<input type="hidden" name="do" value="${what}">`;
/** A fresh key per form shown: sending the same form twice changes nothing the second time. */
const requestKey = () => `<input type="hidden" name="requestKey" value="${randomBytes(16).toString('base64url')}">`;

function invalid(extras: PageExtras, form: string, field: string): string {
  return extras.draft?.form === form && extras.problems?.some((p) => p.field === field) ? ' aria-invalid="true"' : '';
}

function answersForm(view: ProspectView, config: VendorConfig, t: ProspectPageTexts, text: (l: Localized | undefined) => string, extras: PageExtras): string {
  const { lead } = view;
  const q = config.questions;
  const questions: Record<AnswerField, ChoiceQuestion> = { stage: q.stage, budget: q.budget, decisionProcess: q.decisionProcess, timeline: q.timeline, finalSay: q.stakeholders.finalSay };
  const draft = extras.draft?.form === 'answers' ? extras.draft.fields : undefined;
  const selects = ANSWER_FIELDS.map((field) => {
    const question = questions[field];
    const current = draft?.[field]?.[0] ?? lead[field];
    const options = question.options.map((o) => `<option value="${e(o.id)}"${o.id === current ? ' selected' : ''}>${e(text(o.label))}</option>`).join('');
    return `<label for="f-${field}">${e(text(question.label))}</label><select id="f-${field}" name="${field}"${invalid(extras, 'answers', field)}>${options}</select>`;
  });
  const involved = new Set(draft?.roles ?? lead.stakeholderRoles.filter((r) => r.involved).map((r) => r.role));
  const roles = q.stakeholders.roles
    .map((r) => `<label class="choice"><input type="checkbox" name="roles" value="${e(r.id)}"${involved.has(r.id) ? ' checked' : ''}> ${e(text(r.label))}</label>`)
    .join('');
  // The hidden empty value says the form sent the roles, also when none is ticked.
  const stakeholders = `<fieldset${invalid(extras, 'answers', 'roles')}><legend>${e(text(q.stakeholders.label))}</legend><input type="hidden" name="roles" value="">${roles}</fieldset>`;
  // Final say goes with who is involved.
  const [stage, budget, decisionProcess, timeline, finalSay] = selects;
  return `<h2 id="update">${e(t.update)}</h2><p>${e(t.updateIntro(view.rep?.name ?? null))}</p><form method="post" aria-labelledby="update">${doing('answers')}${requestKey()}${stage}${budget}${decisionProcess}${timeline}${stakeholders}${finalSay}<button type="submit">${e(t.save)}</button></form>`;
}

function statusForms(view: ProspectView, t: ProspectPageTexts, extras: PageExtras): string {
  if (view.paused) {
    return `<h2 id="resume">${e(t.resumeTitle)}</h2><form method="post" aria-labelledby="resume">${requestKey()}<button type="submit" name="do" value="resume">${e(t.resume)}</button></form>`;
  }
  const draft = extras.draft?.form === 'status' ? (extras.draft.fields.reason?.[0] ?? '') : '';
  const reason = `<label for="f-reason">${e(t.reasonOptional)}</label><textarea id="f-reason" name="reason" maxlength="${MAX_STATUS_REASON}"${invalid(extras, 'status', 'reason')}>${e(draft)}</textarea>`;
  return `<h2 id="pause">${e(t.pauseTitle)}</h2><form method="post" aria-labelledby="pause">${requestKey()}${reason}<button type="submit" class="secondary" name="do" value="pause">${e(t.pause)}</button><button type="submit" class="secondary" name="do" value="withdraw">${e(t.withdraw)}</button></form>`;
}

function counterForms(view: ProspectView, t: ProspectPageTexts, extras: PageExtras): string {
  const counter = view.counter!;
  const turn = `<input type="hidden" name="counterTurn" value="${counter.id}">`;
  const accept = `<form method="post">${doing('accept-counter')}${requestKey()}${turn}<button type="submit">${e(t.acceptCounter)}</button></form>`;
  const draft = extras.draft?.form === 'counter' ? extras.draft.fields : undefined;
  const byId = new Map(counter.changes.steps.map((c) => [c.id, c]));
  let n = 0;
  const steps = view.process.shown.map((s) => {
    n++;
    const legend = `<legend>${n}. ${e(s.title)}</legend>`;
    if (s.fixed) return `<fieldset>${legend}<p>${e(t.fixedBecause(s.fixed))}</p></fieldset>`;
    const chosen = draft ? (draft[`step.${s.id}`]?.[0] ?? 'keep') : (byId.get(s.id)?.change ?? 'keep');
    const instead = draft ? (draft[`instead.${s.id}`]?.[0] ?? '') : (byId.get(s.id)?.instead ?? '');
    const radio = (value: string, label: string) =>
      `<label class="choice"><input type="radio" name="step.${e(s.id)}" value="${value}"${chosen === value ? ' checked' : ''}> ${e(label)}</label>`;
    const id = `f-instead-${e(s.id)}`;
    return `<fieldset${invalid(extras, 'counter', `step.${s.id}`)}>${legend}${radio('keep', t.keep)}${radio('skip', t.skip)}${radio('change', t.change)}<label for="${id}">${e(t.insteadLabel)}</label><textarea id="${id}" name="instead.${e(s.id)}" maxlength="${AGREEMENT_LIMITS.instead}"${invalid(extras, 'counter', `instead.${s.id}`)}>${e(instead)}</textarea></fieldset>`;
  });
  const addedValues = draft ? (draft.added ?? []) : counter.changes.added;
  const added = [1, 2, 3]
    .map((i) => `<label for="f-added-${i}">${e(t.addedLabel(i))}</label><input type="text" id="f-added-${i}" name="added" maxlength="${AGREEMENT_LIMITS.added}" value="${e(addedValues[i - 1] ?? '')}"${invalid(extras, 'counter', 'added')}>`)
    .join('');
  const reason = `<label for="f-counter-reason">${e(t.reasonRequired)}</label><textarea id="f-counter-reason" name="reason" required maxlength="${AGREEMENT_LIMITS.reason}"${invalid(extras, 'counter', 'reason')}>${e(draft?.reason?.[0] ?? '')}</textarea>`;
  const answer = `<h3 id="answer">${e(t.answerTitle)}</h3><p>${e(t.answerIntro)}</p><form method="post" aria-labelledby="answer">${doing('answer-counter')}${requestKey()}${turn}${steps.join('')}${added}${reason}<button type="submit">${e(t.sendAnswer)}</button></form>`;
  return accept + answer;
}

function problemList(view: ProspectView, config: VendorConfig, problems: FieldProblem[], text: (l: Localized | undefined) => string): string {
  const t = prospectPageTexts[view.language];
  const q = config.questions;
  const stepTitle = (id: string) => view.process.shown.find((s) => s.id === id)?.title ?? id;
  const labels: Record<string, string> = {
    stage: text(q.stage.label),
    budget: text(q.budget.label),
    decisionProcess: text(q.decisionProcess.label),
    timeline: text(q.timeline.label),
    finalSay: text(q.stakeholders.finalSay.label),
    roles: text(q.stakeholders.label),
    reason: t.yourReason,
    added: t.added,
  };
  const label = (field: string) =>
    labels[field] ?? (field.startsWith('step.') ? stepTitle(field.slice(5)) : field.startsWith('instead.') ? `${stepTitle(field.slice(8))}: ${t.insteadLabel}` : '');
  const message = (p: FieldProblem) => {
    switch (p.code) {
      case 'tooLong':
        return t.errors.tooLong(p.max);
      case 'tooMany':
        return t.errors.tooMany(p.max);
      case 'unknownField':
        return t.errors.unknownField(p.field);
      default:
        return t.errors[p.code];
    }
  };
  const items = problems.map((p) => {
    const l = p.code === 'unknownField' || p.code === 'incomplete' ? '' : label(p.field);
    return `<li>${l ? `${e(l)}: ` : ''}${e(message(p))}</li>`;
  });
  return `<div class="error" role="alert"><p><strong>${e(t.errorTitle)}</strong> ${e(t.nothingChanged)}</p><ul>${items.join('')}</ul></div>`;
}
