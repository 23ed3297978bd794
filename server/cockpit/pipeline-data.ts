import { and, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import { leadRollup, leads } from '../db/schema';
import type { Viewer } from './people';

// The pipeline's counts: for a manager from lead_rollup (a row per site, week, status, tier,
// stage and risk — a few hundred rows whatever the number of leads); for a rep their own leads,
// counted on the leads_rep_status index (the rollup cannot tell whose a lead is).

export interface PipelineCell {
  site: string;
  /** Monday (UTC) of the week the lead arrived, YYYY-MM-DD. */
  week: string;
  status: string;
  tier: string;
  stage: string;
  risk: boolean;
  count: number;
}

export interface PipelineQuery {
  site?: string;
  tier?: string;
  status?: string;
  stage?: string;
  /** Mondays (YYYY-MM-DD), inclusive. */
  fromWeek?: string;
  toWeek?: string;
}

const DAY = 86_400_000;
/** The Monday (UTC) of the week of `ms`, as YYYY-MM-DD (as the rollup's trigger computes it). */
export function weekOf(ms: number): string {
  const d = new Date(ms);
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

/** Counts per status × tier × stage × risk (totals; `week` empty) and stage per week (spam left out). */
export interface PipelineCounts {
  totals: PipelineCell[];
  weekly: { week: string; stage: string; count: number }[];
}

export function pipelineCells(db: Db, viewer: Viewer, q: PipelineQuery): PipelineCounts {
  if (viewer.role === 'manager') {
    const r = leadRollup;
    const where = and(
      ...[
        q.site !== undefined ? eq(r.site, q.site) : undefined,
        q.tier !== undefined ? eq(r.tier, q.tier) : undefined,
        q.status !== undefined ? eq(r.status, q.status) : undefined,
        q.stage !== undefined ? eq(r.stage, q.stage) : undefined,
        q.fromWeek !== undefined ? gte(r.week, q.fromWeek) : undefined,
        q.toWeek !== undefined ? lte(r.week, q.toWeek) : undefined,
        sql`${r.count} > 0`,
      ].filter((x): x is SQL => x !== undefined),
    );
    // Summed in SQLite over the weeks: the rows handed to JS are per status × tier × stage × risk
    // (a few dozen), plus stage per week, however many weeks the rollup holds.
    const totals = db
      .select({ site: r.site, week: sql<string>`''`, status: r.status, tier: r.tier, stage: r.stage, risk: r.noDecisionRisk, count: sql<number>`sum(${r.count})` })
      .from(r)
      .where(where)
      .groupBy(r.site, r.status, r.tier, r.stage, r.noDecisionRisk)
      .all()
      .map((c) => ({ ...c, risk: Boolean(c.risk), count: Number(c.count) }));
    const weekly = db
      .select({ week: r.week, stage: r.stage, count: sql<number>`sum(${r.count})` })
      .from(r)
      .where(and(where, sql`${r.status} != 'spam'`))
      .groupBy(r.week, r.stage)
      .all()
      .map((c) => ({ ...c, count: Number(c.count) }));
    return { totals, weekly };
  }
  if (!viewer.repId) return { totals: [], weekly: [] };
  const week = sql<string>`date(${leads.createdAt} / 1000, 'unixepoch', 'weekday 0', '-6 days')`;
  const where = and(
    ...[
      eq(leads.repId, viewer.repId),
      q.site !== undefined ? eq(leads.site, q.site) : undefined,
      q.tier !== undefined ? eq(leads.tier, q.tier) : undefined,
      q.status !== undefined ? eq(leads.status, q.status) : undefined,
      q.stage !== undefined ? eq(leads.stage, q.stage) : undefined,
      q.fromWeek !== undefined ? gte(leads.createdAt, Date.parse(`${q.fromWeek}T00:00:00Z`)) : undefined,
      q.toWeek !== undefined ? lt(leads.createdAt, Date.parse(`${q.toWeek}T00:00:00Z`) + 7 * DAY) : undefined,
    ].filter((x): x is SQL => x !== undefined),
  );
  const cells = db
    .select({ site: leads.site, week, status: leads.status, tier: leads.tier, stage: leads.stage, risk: leads.noDecisionRisk, count: sql<number>`count(*)` })
    .from(leads)
    .where(where)
    .groupBy(leads.site, week, leads.status, leads.tier, leads.stage, leads.noDecisionRisk)
    .all()
    .map((c) => ({ ...c, risk: Boolean(c.risk) }));
  return { totals: cells, weekly: cells.filter((c) => c.status !== 'spam').map((c) => ({ week: c.week, stage: c.stage, count: c.count })) };
}

export interface PipelineSummary {
  total: number;
  spam: number;
  risk: number;
  /** tier → status → count */
  tierStatus: Map<string, Map<string, number>>;
  /** stage → counts */
  stages: Map<string, { count: number; risk: number }>;
  /** week → stage → count, weeks ascending */
  weeks: [string, Map<string, number>][];
  /** tier → counts */
  tierRisk: Map<string, { count: number; risk: number }>;
}

/** Spam is counted apart: it is in `spam`, never in the other figures. */
export function summarize({ totals: cells, weekly }: PipelineCounts): PipelineSummary {
  const s: PipelineSummary = { total: 0, spam: 0, risk: 0, tierStatus: new Map(), stages: new Map(), weeks: [], tierRisk: new Map() };
  const weeks = new Map<string, Map<string, number>>();
  const add = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const c of cells) {
    if (c.status === 'spam') {
      s.spam += c.count;
      continue;
    }
    s.total += c.count;
    if (c.risk) s.risk += c.count;
    if (!s.tierStatus.has(c.tier)) s.tierStatus.set(c.tier, new Map());
    add(s.tierStatus.get(c.tier)!, c.status, c.count);
    const stage = s.stages.get(c.stage) ?? { count: 0, risk: 0 };
    s.stages.set(c.stage, { count: stage.count + c.count, risk: stage.risk + (c.risk ? c.count : 0) });
    const tier = s.tierRisk.get(c.tier) ?? { count: 0, risk: 0 };
    s.tierRisk.set(c.tier, { count: tier.count + c.count, risk: tier.risk + (c.risk ? c.count : 0) });
  }
  for (const c of weekly) {
    if (!weeks.has(c.week)) weeks.set(c.week, new Map());
    add(weeks.get(c.week)!, c.stage, c.count);
  }
  s.weeks = [...weeks].sort(([a], [b]) => a.localeCompare(b));
  return s;
}
