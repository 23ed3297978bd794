import { createHash } from 'node:crypto';
import type { VendorConfig } from '../../shared/config';
import { resolveText, type Language, type Localized } from '../../shared/localized';
import { escapeHtml } from '../mail/escape';
import { currentDeadline } from '../leads/sla';
import { deadlineText, type LeadRow } from '../mail/rep-lead';
import { formatDateTime } from '../mail/times';
import { mailTexts } from '../mail/texts';
import type { leadEvents } from '../db/schema';
import type { OneClickAction } from '../security/action-links';
import { repActionTexts } from './rep-action-texts';

// Server-rendered pages of the rep action links: no script, one hashed stylesheet, so they work
// under `default-src 'none'`. Everything from the lead or config is escaped.

const CSS =
  'body{font:15px/1.5 system-ui,sans-serif;color:#1a1a1a;margin:2em auto;max-width:680px;padding:0 1em}' +
  'th{text-align:left;padding:2px 12px 2px 0;vertical-align:top}td{padding:2px 0}table{border-collapse:collapse}' +
  'textarea{width:100%;min-height:5em;font:inherit}button{font:inherit;padding:8px 18px;background:#0b5394;color:#fff;border:0;border-radius:4px;cursor:pointer}' +
  '.note{background:#f3f6fa;padding:8px 12px;border-left:4px solid #0b5394}.error{color:#8a1c00;font-weight:bold}ol{padding-left:1.2em}small{color:#555}';

export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

type Event = typeof leadEvents.$inferSelect;

export function page(language: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export function message(language: Language, title: string, text: string): string {
  return page(language, title, `<p class="note">${escapeHtml(text)}</p>`);
}

/** The confirm page: what the action does, the lead, its history, and one POST button. */
export function confirmPage(a: {
  language: Language;
  action: OneClickAction;
  lead: LeadRow;
  history: Event[];
  config: VendorConfig;
  error?: string;
}): string {
  const t = repActionTexts[a.language];
  const reasonLabel = t.reasonLabel[a.action];
  const reason = reasonLabel
    ? `<p><label for="reason">${escapeHtml(reasonLabel)}</label><br><textarea id="reason" name="reason" maxlength="500"${a.action === 'not-a-fit' ? ' required' : ''}></textarea></p>`
    : '';
  const body = [
    `<p>${escapeHtml(t.confirmIntro[a.action])}</p>`,
    deadlineNote(a.language, a.lead, a.history, a.config),
    a.error ? `<p class="error" role="alert">${escapeHtml(a.error)}</p>` : '',
    `<form method="post">${reason}<p><button type="submit">${escapeHtml(t.button[a.action])}</button></p></form>`,
    leadSummary(a.language, a.lead, a.config),
    historyList(a.language, a.history, a.config),
  ].join('\n');
  return page(a.language, t.confirmTitle[a.action], body);
}

/** An accept link of a lead the rep already accepted: the lead and its history, no form (a GET never acts). */
export function acceptedPage(a: { language: Language; lead: LeadRow; history: Event[]; config: VendorConfig }): string {
  const t = repActionTexts[a.language];
  const body = [`<p class="note">${escapeHtml(t.acceptedView)}</p>`, leadSummary(a.language, a.lead, a.config), historyList(a.language, a.history, a.config)].join('\n');
  return page(a.language, t.acceptedTitle, body);
}

/** While the lead waits for the rep: by when to accept it. */
function deadlineNote(language: Language, lead: LeadRow, history: Event[], config: VendorConfig): string {
  const deadline = currentDeadline(config, lead, history);
  return deadline ? `<p class="note">${escapeHtml(deadlineText(config, language, deadline))}</p>` : '';
}

export function leadSummary(language: Language, lead: LeadRow, config: VendorConfig): string {
  const t = repActionTexts[language];
  const text = (l: Localized | undefined) => (l === undefined ? '' : (resolveText(l, language, 'en') ?? resolveText(l, 'nl') ?? ''));
  const option = (options: { id: string; label: Localized }[], id: string) => text(options.find((o) => o.id === id)?.label) || id;
  const tier = (mailTexts[language].tier as Record<string, string>)[lead.tier] ?? lead.tier;
  const promised = (lead.response as { nextStep?: unknown } | null)?.nextStep;
  const rows: [string, string][] = [
    [t.fields.name, lead.contactName],
    [t.fields.company, lead.company],
    [t.fields.email, lead.contactEmail],
    ...(lead.phone ? [[t.fields.phone, lead.phone] as [string, string]] : []),
    [t.fields.tier, `${tier} (${lead.score})`],
    [t.fields.stage, option(config.questions.stage.options, lead.stage)],
    [t.fields.timeline, option(config.questions.timeline.options, lead.timeline)],
    ...(lead.message ? [[t.fields.message, lead.message] as [string, string]] : []),
    ...(typeof promised === 'string' ? [[t.promised, `${formatDateTime(lead.createdAt, config.vendor.timeZone, language)}: ${promised}`] as [string, string]] : []),
  ];
  const trs = rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  return `<h2>${escapeHtml(t.lead)}</h2><table>${trs}</table>`;
}

/** "Score 25 → 50 (Informatie verzamelend → Kwalificerend)" from a prospect update's detail. */
function scoreChange(language: Language, detail: string): string {
  try {
    const d = JSON.parse(detail) as { score?: { old: number; new: number }; tier?: { old: string; new: string } };
    if (!d.score || !d.tier) return '';
    const tier = mailTexts[language].tier as Record<string, string>;
    const tiers = d.tier.old === d.tier.new ? tier[d.tier.new] : `${tier[d.tier.old]} → ${tier[d.tier.new]}`;
    return `${mailTexts[language].score} ${d.score.old} → ${d.score.new} (${tiers})`;
  } catch {
    return '';
  }
}

/** "By Mila Kok: “reason”" from an 'assigned-by-hand' event's detail (cockpit/assign.ts). */
function byHand(t: (typeof repActionTexts)[Language], detail: string): string {
  try {
    const d = JSON.parse(detail) as { by?: string; reason?: string };
    return d.by && d.reason ? t.byHand(d.by, d.reason) : '';
  } catch {
    return '';
  }
}

export function historyList(language: Language, history: Event[], config: VendorConfig): string {
  const t = repActionTexts[language];
  const name = (id: string | null) => (id ? (config.reps.find((r) => r.id === id)?.name ?? id) : '');
  const team = (id: string | null) => config.teams.find((x) => x.id === id)?.name;
  const items = history
    .map((e) => {
      const who = name(e.repId);
      // Only a rep's own words are shown as written; the stored English routing summary is for the admin.
      const words =
        (e.type === 'passed-on' || e.type === 'not-a-fit' || e.type === 'paused' || e.type === 'withdrawn') && e.detail
          ? `“${e.detail}”` // a rep's or the prospect's own words
          : e.type === 'prospect-updated'
            ? scoreChange(language, e.detail)
          : e.type === 'assigned-by-hand'
            ? byHand(t, e.detail)
          : e.type === 'same-account'
            ? t.sameAccount // the other lead's id (detail) is for the admin: a person reads no ids
            : e.type === 'assigned' && team(e.teamId)
              ? t.team(team(e.teamId)!)
              : '';
      return `<li><small>${escapeHtml(formatDateTime(e.at, config.vendor.timeZone, language))}</small> <strong>${escapeHtml((e.type === 'agreement' ? t.agreementTurns[e.detail] : undefined) ?? t.events[e.type] ?? e.type)}</strong>${who ? ` — ${escapeHtml(who)}` : ''}${words ? `<br>${escapeHtml(words)}` : ''}</li>`;
    })
    .join('');
  return `<h2>${escapeHtml(t.history)}</h2><ol>${items}</ol>`;
}
