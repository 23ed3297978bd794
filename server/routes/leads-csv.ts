import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { TIERS } from '../../shared/config';
import type { Db } from '../db/open';
import { ApiHttpError } from '../http/api-error';
import { LEAD_STATUSES } from '../cockpit/filters';

// The lead list as CSV for marketing's spreadsheet, streamed: rows are read in chunks of
// CHUNK_ROWS (keyset paging, newest first) and each chunk is written only when the client has
// taken the previous one, so memory does not grow with the number of leads.
// Every cell is quoted, and a cell a spreadsheet could run as a formula is defused (csvCell).

export const CHUNK_ROWS = 500;
// One list of the statuses a lead can have (the cockpit's filters own it).
export { LEAD_STATUSES };

/** A lead row as SQLite returns it (snake_case, JSON as text). */
export type Row = Record<string, string | number | null>;

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
  const where: CsvWhere[] = [];
  if (!filter.spam) where.push({ sql: `status <> 'spam'`, params: [] });
  for (const key of ['status', 'tier', 'site'] as const) {
    if (filter[key] !== undefined) where.push({ sql: `${key} = ?`, params: [filter[key]] });
  }
  return streamCsv(c, db, { columns: COLUMNS, select: SELECTED, where, filename: 'koers-leads.csv', chunkRows });
}

/** A condition on the leads table: SQL with `?` placeholders and their values. */
export interface CsvWhere {
  sql: string;
  params: unknown[];
}

export interface CsvOptions {
  columns: [string, (r: Row) => unknown][];
  /** What to select from leads: column names or `expression as name`. Must include id and created_at. */
  select: string[];
  where: CsvWhere[];
  filename: string;
  /** `,` (English spreadsheets) or `;` (Dutch, German…: where `,` is the decimal mark). */
  separator?: ',' | ';';
  /** A UTF-8 byte order mark first: Excel reads the file as UTF-8 only with it. */
  bom?: boolean;
  chunkRows?: number;
}

/** Leads as a streamed CSV (RFC 4180: quoted cells, CRLF), newest first, by keyset pages of chunkRows. */
export function streamCsv(c: Context, db: Db, opts: CsvOptions): Response {
  const chunkRows = opts.chunkRows ?? CHUNK_ROWS;
  const sep = opts.separator ?? ',';
  const conditions = opts.where.map((w) => `(${w.sql})`);
  const params = opts.where.flatMap((w) => w.params);
  const base = `select ${opts.select.join(', ')} from leads`;
  const order = `order by leads.created_at desc, leads.id desc limit ${chunkRows}`;
  const first = db.$client.prepare(`${base} ${conditions.length ? `where ${conditions.join(' and ')}` : ''} ${order}`);
  const next = db.$client.prepare(
    `${base} where ${[...conditions, '(leads.created_at < ? or (leads.created_at = ? and leads.id < ?))'].join(' and ')} ${order}`,
  );
  const line = (cells: unknown[]) => `${cells.map(csvCell).join(sep)}\r\n`;

  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${opts.filename}"`);
  c.header('Cache-Control', 'no-store');
  return stream(c, async (out) => {
    await out.write(`${opts.bom ? '\uFEFF' : ''}${line(opts.columns.map(([name]) => name))}`);
    let after: { at: number; id: string } | undefined;
    while (!out.aborted) {
      // One chunk is read completely before any await: the connection is never left mid-query
      // for other requests on this thread.
      let text = '';
      let rows = 0;
      for (const row of (after ? next.iterate(...params, after.at, after.at, after.id) : first.iterate(...params)) as Iterable<Row>) {
        text += line(opts.columns.map(([, get]) => get(row)));
        after = { at: Number(row.created_at), id: String(row.id) };
        rows++;
      }
      if (rows) await out.write(text); // resolves when the client has taken the previous chunk
      if (rows < chunkRows) break;
    }
  });
}
