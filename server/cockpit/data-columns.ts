import type { ProcessChanges } from '../../shared/agreement';
import type { VendorConfig } from '../../shared/config';
import { resolveText, type Language } from '../../shared/localized';
import type { Row } from '../routes/leads-csv';

// The columns of the cockpit's lead export (Data page): every field a lead has that a person may
// want in a spreadsheet. JSON columns become readable text (roles, the score's explanation, the
// proposal step by step); times are UTC, `YYYY-MM-DD HH:MM:SS`, which Excel reads as a date in
// either language. accepted_at comes from the history (the first 'accepted' event).

const parse = <T>(text: unknown): T | undefined => {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
};
const time = (ms: unknown) => (ms === null || ms === undefined ? '' : new Date(Number(ms)).toISOString().slice(0, 19).replace('T', ' '));
const yesNo = (v: unknown) => (v ? 'yes' : 'no');

/** The select list the columns read (SQL over leads). */
export const EXPORT_SELECT = [
  'leads.*',
  `(select min(e.at) from lead_events e where e.lead_id = leads.id and e.type = 'accepted') as accepted_at`,
];

export function exportColumns(config: VendorConfig, language: Language): [string, (r: Row) => unknown][] {
  const fallback = config.sites[0].defaultLanguage;
  const stepTitle = (id: string) => {
    const step = config.process.steps.find((s) => s.id === id);
    return step ? resolveText(step.title, language, fallback) ?? id : id;
  };
  const utm = (r: Row, key: string) => parse<Record<string, string>>(r.utm)?.[key] ?? '';
  const proposal = (r: Row) => {
    const p = parse<ProcessChanges>(r.proposal);
    if (!p) return '';
    const steps = p.steps.map((s) => (s.change === 'skip' ? `${stepTitle(s.id)}: skip` : `${stepTitle(s.id)}: instead "${s.instead ?? ''}"`));
    const added = (p.added ?? []).map((a) => `added: "${a}"`);
    return [...steps, ...added].join('; ');
  };
  return [
    ['id', (r) => r.id],
    ['created_at_utc', (r) => time(r.created_at)],
    ['accepted_at_utc', (r) => time(r.accepted_at)],
    ['site', (r) => r.site],
    ['language', (r) => r.language],
    ['status', (r) => r.status],
    ['rep', (r) => r.rep_id],
    ['team', (r) => r.team_id],
    ['routing_reason', (r) => r.routing_reason],
    ['score', (r) => r.score],
    ['tier', (r) => r.tier],
    ['score_explanation', (r) => (parse<{ question: string; answer: string; points: number }[]>(r.explanation) ?? []).map((l) => `${l.question}=${l.answer}: ${l.points > 0 ? '+' : ''}${l.points}`).join('; ')],
    ['no_decision_risk', (r) => yesNo(r.no_decision_risk)],
    ['name', (r) => r.contact_name],
    ['email', (r) => r.contact_email],
    ['phone', (r) => r.phone],
    ['company', (r) => r.company],
    ['country', (r) => r.country],
    ['company_size', (r) => r.company_size],
    ['message', (r) => r.message],
    ['stage', (r) => r.stage],
    ['budget', (r) => r.budget],
    ['decision_process', (r) => r.decision_process],
    ['timeline', (r) => r.timeline],
    ['cost_of_inaction', (r) => r.cost_of_inaction],
    ['roles', (r) => (parse<{ role: string; involved: boolean }[]>(r.stakeholder_roles) ?? []).map((x) => `${x.role} (${x.involved ? 'involved' : 'not involved'})`).join('; ')],
    ['final_say', (r) => r.final_say],
    ['organisation_interest', (r) => r.org_interest],
    ['personal_interest', (r) => r.personal_interest],
    ['process_accepted', (r) => yesNo(r.process_accepted)],
    ['process_choice', (r) => r.process_choice],
    ['proposal', proposal],
    ['proposal_reason', (r) => r.deviation],
    ['agreement_state', (r) => r.agreement_state],
    ['process_version', (r) => r.process_version],
    ['page_url', (r) => r.page_url],
    ['referrer', (r) => r.referrer],
    ...(['source', 'medium', 'campaign', 'term', 'content'] as const).map((k): [string, (r: Row) => unknown] => [`utm_${k}`, (r) => utm(r, k)]),
    ...(['gclid', 'fbclid', 'msclkid'] as const).map((k): [string, (r: Row) => unknown] => [k, (r) => parse<Record<string, string>>(r.click_ids)?.[k] ?? '']),
    ['consent_at_utc', (r) => time(r.consent_at)],
    ['consent_version', (r) => r.consent_version],
  ];
}
