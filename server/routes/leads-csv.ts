import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { TIERS } from '../../shared/config';
import type { Db } from '../db/open';
import { ApiHttpError } from '../http/api-error';

// The lead list as CSV for marketing's spreadsheet, streamed: rows are read in chunks of
// CHUNK_ROWS (keyset paging, newest first) and each chunk is written only when the client has
// taken the previous one, so memory does not grow with the number of leads.
// Every cell is quoted, and a cell a spreadsheet could run as a formula is defused (csvCell).

export const CHUNK_ROWS = 500;
export const LEAD_STATUSES = ['assigned', 'unassigned', 'accepted', 'not-a-fit', 'spam'] as const;

/** A lead row as SQLite returns it (snake_case, JSON as text). */
type Row = Record<string, string | number | null>;

const json = (text: unknown, key: string) => {
  if (typeof text !== 'string') return undefined;
  try {
    return (JSON.parse(text) as Record<string, unknown> | null)?.[key];
  } catch {
    return undefined;
  }
};
const yesNo = (v: unknown) => (v ? 'yes' : 'no');

const COLUMNS: [string, (r: Row) => unknown][] = [
  ['created_at', (r) => new Date(Number(r.created_at)).toISOString()],
  ['site', (r) => r.site],
  ['status', (r) => r.status],
  ['tier', (r) => r.tier],
  ['score', (r) => r.score],
  ['no_decision_risk', (r) => yesNo(r.no_decision_risk)],
  ['stage', (r) => r.stage],
  ['budget', (r) => r.budget],
  ['decision_process', (r) => r.decision_process],
  ['timeline', (r) => r.timeline],
  ['process_accepted', (r) => yesNo(r.process_accepted)],
  ['name', (r) => r.contact_name],
  ['email', (r) => r.contact_email],
  ['company', (r) => r.company],
  ['country', (r) => r.country],
  ['company_size', (r) => r.company_size],
  ['language', (r) => r.language],
  ['rep', (r) => r.rep_id],
  ['team', (r) => r.team_id],
  ['page_url', (r) => r.page_url],
  ['referrer', (r) => r.referrer],
  ['utm_source', (r) => json(r.utm, 'source')],
  ['utm_medium', (r) => json(r.utm, 'medium')],
  ['utm_campaign', (r) => json(r.utm, 'campaign')],
  ['process_version', (r) => r.process_version],
  ['id', (r) => r.id],
];
const SELECTED = [...new Set(['id', 'created_at', 'site', 'status', 'tier', 'score', 'no_decision_risk', 'stage', 'budget', 'decision_process', 'timeline', 'process_accepted', 'contact_name', 'contact_email', 'company', 'country', 'company_size', 'language', 'rep_id', 'team_id', 'page_url', 'referrer', 'utm', 'process_version'])];

/**
 * One cell, always quoted: a `;` locale splits unquoted cells differently than `,`, so nothing
 * may depend on a cell being unquoted. Text that starts (after any spaces) with = + - @ TAB or CR
 * would run as a formula in Excel/LibreOffice/Sheets: it gets a leading apostrophe.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value !== 'number' && /^[ ]*[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export interface CsvFilter {
  status?: (typeof LEAD_STATUSES)[number];
  tier?: (typeof TIERS)[number];
  site?: string;
  /** Include spam (only asked for with ?spam=1, or ?status=spam). */
  spam: boolean;
}

/** The query's filters, or a 422 naming the field and what it may be. */
export function csvFilter(query: Record<string, string>, siteKeys: string[]): CsvFilter {
  const allowed: Record<string, readonly string[]> = { status: LEAD_STATUSES, tier: TIERS, site: siteKeys, spam: ['0', '1'] };
  const fields = [];
  for (const [key, value] of Object.entries(query)) {
    const options = allowed[key];
    if (!options) fields.push({ path: key, message: `unknown filter; filters are: ${Object.keys(allowed).join(', ')}` });
    else if (!options.includes(value)) fields.push({ path: key, message: `no ${key} "${value}"; allowed: ${options.join(', ')}` });
  }
  if (fields.length) throw new ApiHttpError(422, 'invalid_content', 'Unknown filter or value.', fields);
  return {
    status: query.status as CsvFilter['status'],
    tier: query.tier as CsvFilter['tier'],
    site: query.site,
    spam: query.spam === '1' || query.status === 'spam',
  };
}

/** The CSV of the leads the filter selects, newest first, as a streamed download. */
export function streamLeadsCsv(c: Context, db: Db, filter: CsvFilter, chunkRows = CHUNK_ROWS): Response {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (!filter.spam) where.push(`status <> 'spam'`);
  for (const key of ['status', 'tier', 'site'] as const) {
    if (filter[key] !== undefined) {
      where.push(`${key} = @${key}`);
      params[key] = filter[key];
    }
  }
  const base = `select ${SELECTED.join(', ')} from leads`;
  const order = `order by created_at desc, id desc limit ${chunkRows}`;
  const first = db.$client.prepare(`${base} ${where.length ? `where ${where.join(' and ')}` : ''} ${order}`);
  const next = db.$client.prepare(
    `${base} where ${[...where, '(created_at < @at or (created_at = @at and id < @id))'].join(' and ')} ${order}`,
  );

  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', 'attachment; filename="koers-leads.csv"');
  c.header('Cache-Control', 'no-store');
  return stream(c, async (out) => {
    await out.write(`${COLUMNS.map(([name]) => csvCell(name)).join(',')}\r\n`);
    let after: { at: number; id: string } | undefined;
    while (!out.aborted) {
      // One chunk is read completely before any await: the connection is never left mid-query
      // for other requests on this thread.
      let text = '';
      let rows = 0;
      for (const row of (after ? next.iterate({ ...params, ...after }) : first.iterate(params)) as Iterable<Row>) {
        text += `${COLUMNS.map(([, get]) => csvCell(get(row))).join(',')}\r\n`;
        after = { at: Number(row.created_at), id: String(row.id) };
        rows++;
      }
      if (rows) await out.write(text); // resolves when the client has taken the previous chunk
      if (rows < chunkRows) break;
    }
  });
}
