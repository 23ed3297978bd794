import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { TIERS, type Tier, type VendorConfig } from '../../shared/config';
import { leads } from '../db/schema';

// The filters of the cockpit's lists (and the admin API's): read from the query string, checked
// against the config. An unknown filter name, an unknown value (a rep id that does not exist) or a
// bad date is a problem the page answers with 400 and what is allowed; never silently ignored.
// An empty value ("all" in a filter form) is no filter. Dates are days in UTC, `to` included.

/** Every status a lead can have (db/schema.ts leads.status). */
export const LEAD_STATUSES = ['assigned', 'unassigned', 'accepted', 'paused', 'not-a-fit', 'withdrawn', 'spam'] as const;
/** Open: waiting for a rep or being worked on. */
export const OPEN_STATUSES = ['assigned', 'unassigned', 'accepted'] as const;

export const FILTER_NAMES = ['rep', 'team', 'tier', 'status', 'stage', 'from', 'to', 'source'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface Filters {
  rep?: string;
  team?: string;
  tier?: Tier;
  status?: (typeof LEAD_STATUSES)[number];
  stage?: string;
  /** YYYY-MM-DD as given; fromMs/toMs the UTC range (toMs: the start of the day after `to`). */
  from?: string;
  to?: string;
  fromMs?: number;
  toMs?: number;
  /** utm_source, exactly. */
  source?: string;
}

export interface FilterSpec {
  config: VendorConfig;
  /** The filters this list takes. */
  filters: readonly FilterName[];
  /** Other query parameters the page takes (e.g. `lang`, `limit`): checked by the page itself. */
  others?: readonly string[];
  /** The statuses this list can show (default: every status). */
  statuses?: readonly string[];
}

export type FilterProblem =
  | { name: string; problem: 'unknown-filter'; allowed: string[] }
  | { name: string; value: string; problem: 'unknown-value'; allowed: string[] }
  | { name: FilterName; value: string; problem: 'bad-date' | 'repeated' | 'range' };

export type ParsedFilters = { ok: true; filters: Filters } | { ok: false; problems: FilterProblem[] };

/** The values a filter takes (free text: an empty list). */
export function allowedValues(name: FilterName, spec: Pick<FilterSpec, 'config' | 'statuses'>): string[] {
  const { config } = spec;
  switch (name) {
    case 'rep':
      return config.reps.map((r) => r.id);
    case 'team':
      return config.teams.map((t) => t.id);
    case 'tier':
      return [...TIERS];
    case 'status':
      return [...(spec.statuses ?? LEAD_STATUSES)];
    case 'stage':
      return config.questions.stage.options.map((o) => o.id);
    default:
      return [];
  }
}

const DAY = 86_400_000;
function dayStart(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? undefined : ms;
}

/** `query`: hono's `c.req.queries()` (every value of each name) or `c.req.query()`. */
export function parseFilters(query: Record<string, string | string[] | undefined>, spec: FilterSpec): ParsedFilters {
  const problems: FilterProblem[] = [];
  const filters: Filters = {};
  const takes = new Set<string>(spec.filters);
  for (const [name, raw] of Object.entries(query)) {
    if (spec.others?.includes(name)) continue;
    if (!takes.has(name)) {
      problems.push({ name, problem: 'unknown-filter', allowed: [...spec.filters] });
      continue;
    }
    const key = name as FilterName;
    const values = (Array.isArray(raw) ? raw : [raw ?? '']).filter((v) => v !== '');
    if (values.length === 0) continue;
    if (values.length > 1) {
      problems.push({ name: key, value: values.join(', '), problem: 'repeated' });
      continue;
    }
    const value = values[0];
    if (key === 'from' || key === 'to') {
      const ms = dayStart(value);
      if (ms === undefined) problems.push({ name: key, value, problem: 'bad-date' });
      else if (key === 'from') Object.assign(filters, { from: value, fromMs: ms });
      else Object.assign(filters, { to: value, toMs: ms + DAY });
      continue;
    }
    if (key === 'source') {
      filters.source = value;
      continue;
    }
    const allowed = allowedValues(key, spec);
    if (!allowed.includes(value)) problems.push({ name: key, value, problem: 'unknown-value', allowed });
    else (filters as Record<string, string>)[key] = value;
  }
  if (filters.fromMs !== undefined && filters.toMs !== undefined && filters.fromMs >= filters.toMs) {
    problems.push({ name: 'to', value: filters.to!, problem: 'range' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, filters };
}

/** The filters as a condition on the leads table (undefined: none). */
export function leadConditions(f: Filters): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.rep !== undefined ? eq(leads.repId, f.rep) : undefined,
    f.team !== undefined ? eq(leads.teamId, f.team) : undefined,
    f.tier !== undefined ? eq(leads.tier, f.tier) : undefined,
    f.status !== undefined ? eq(leads.status, f.status) : undefined,
    f.stage !== undefined ? eq(leads.stage, f.stage) : undefined,
    f.fromMs !== undefined ? gte(leads.createdAt, f.fromMs) : undefined,
    f.toMs !== undefined ? lt(leads.createdAt, f.toMs) : undefined,
    f.source !== undefined ? sql`json_extract(${leads.utm}, '$.source') = ${f.source}` : undefined,
  ];
  return and(...parts.filter((p): p is SQL => p !== undefined));
}

/** One line per problem, in English (the admin API's `fields`). */
export function problemMessage(p: FilterProblem): string {
  switch (p.problem) {
    case 'unknown-filter':
      return `unknown filter; filters are: ${p.allowed.join(', ') || '(none)'}`;
    case 'unknown-value':
      return `no ${p.name} "${p.value}"; allowed: ${p.allowed.join(', ')}`;
    case 'bad-date':
      return `"${p.value}" is not a date; use YYYY-MM-DD`;
    case 'repeated':
      return `give one ${p.name}, not several (${p.value})`;
    case 'range':
      return `"to" (${p.value}) is before "from"`;
  }
}
