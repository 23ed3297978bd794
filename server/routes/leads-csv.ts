import type { leads } from '../db/schema';

// The lead list as CSV for marketing's spreadsheet: RFC 4180 quoting, and cells that a
// spreadsheet would run as a formula (= + - @ at the start) are prefixed with an apostrophe.

type Lead = typeof leads.$inferSelect;

const COLUMNS: [string, (l: Lead) => unknown][] = [
  ['created_at', (l) => new Date(l.createdAt).toISOString()],
  ['site', (l) => l.site],
  ['status', (l) => l.status],
  ['tier', (l) => l.tier],
  ['score', (l) => l.score],
  ['no_decision_risk', (l) => (l.noDecisionRisk ? 'yes' : 'no')],
  ['stage', (l) => l.stage],
  ['budget', (l) => l.budget],
  ['decision_process', (l) => l.decisionProcess],
  ['timeline', (l) => l.timeline],
  ['process_accepted', (l) => (l.processAccepted ? 'yes' : 'no')],
  ['name', (l) => l.contactName],
  ['email', (l) => l.contactEmail],
  ['company', (l) => l.company],
  ['country', (l) => l.country],
  ['company_size', (l) => l.companySize],
  ['language', (l) => l.language],
  ['rep', (l) => l.repId],
  ['team', (l) => l.teamId],
  ['page_url', (l) => l.pageUrl],
  ['referrer', (l) => l.referrer],
  ['utm_source', (l) => l.utm?.source],
  ['utm_medium', (l) => l.utm?.medium],
  ['utm_campaign', (l) => l.utm?.campaign],
  ['id', (l) => l.id],
];

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function leadsCsv(rows: Lead[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const lead of rows) lines.push(COLUMNS.map(([, get]) => csvCell(get(lead))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
