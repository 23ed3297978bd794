import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Rep, VendorConfig } from '../../shared/config';
import type { Db } from '../db/open';
import { leads, OPEN_STATUSES, repAcceptMinutes, repDaily } from '../db/schema';
import { localDate } from '../leads/route';
import { readRepOverrides, type RepOverride } from '../leads/rep-overrides';

// What the team page shows per rep, from the rollups (rep_daily, rep_accept_minutes: a row per
// rep and day) and a bounded count of each rep's open leads (the leads_rep_status index), never
// a scan of the leads or their history.

export const TEAM_DAYS = 30;
/** Open leads are counted up to this many (or the rep's limit, if higher): "999+" beyond. */
const OPEN_COUNT_CAP = 999;

export type RepNow =
  | { type: 'available' }
  | { type: 'inactive'; source: 'config' | 'override' }
  | { type: 'away'; from: string; to: string; source: 'config' | 'override' }
  | { type: 'full'; open: number; max: number };

export interface TeamRow {
  rep: Rep;
  assigned: number;
  accepted: number;
  missed: number;
  /** Median whole minutes from assignment to acceptance; null: nothing accepted in the window. */
  medianMinutes: number | null;
  open: number;
  /** The count stopped at its cap: there are more. */
  openCapped: boolean;
  override?: RepOverride;
  now: RepNow;
}

/** The first UTC day (YYYY-MM-DD) of the window of `days` days ending today. */
export function windowStart(now: number, days = TEAM_DAYS): string {
  return new Date(now - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** The median of a histogram (value → count), the lower middle value for an even total. */
export function histogramMedian(bins: { value: number; count: number }[]): number | null {
  const sorted = [...bins].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((n, b) => n + b.count, 0);
  if (total === 0) return null;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (const b of sorted) {
    seen += b.count;
    if (seen >= middle) return b.value;
  }
  return null;
}

export function repNow(rep: Rep, override: RepOverride | undefined, open: number, today: string): RepNow {
  if (!rep.active) return { type: 'inactive', source: 'config' };
  if (override?.active === false) return { type: 'inactive', source: 'override' };
  const away = rep.away.find((r) => r.from <= today && today <= r.to);
  if (away) return { type: 'away', from: away.from, to: away.to, source: 'config' };
  if (override?.awayFrom && override.awayTo && override.awayFrom <= today && today <= override.awayTo) {
    return { type: 'away', from: override.awayFrom, to: override.awayTo, source: 'override' };
  }
  if (rep.maxOpenLeads !== undefined && open >= rep.maxOpenLeads) return { type: 'full', open, max: rep.maxOpenLeads };
  return { type: 'available' };
}

export function teamRows(db: Db, config: VendorConfig, now: number): TeamRow[] {
  const since = windowStart(now);
  const daily = new Map(
    db
      .select({
        repId: repDaily.repId,
        assigned: sql<number>`sum(${repDaily.assigned})`,
        accepted: sql<number>`sum(${repDaily.accepted})`,
        missed: sql<number>`sum(${repDaily.missed})`,
      })
      .from(repDaily)
      .where(gte(repDaily.day, since))
      .groupBy(repDaily.repId)
      .all()
      .map((r) => [r.repId, r]),
  );
  const bins = new Map<string, { value: number; count: number }[]>();
  for (const r of db
    .select({ repId: repAcceptMinutes.repId, minutes: repAcceptMinutes.minutes, count: sql<number>`sum(${repAcceptMinutes.count})` })
    .from(repAcceptMinutes)
    .where(gte(repAcceptMinutes.day, since))
    .groupBy(repAcceptMinutes.repId, repAcceptMinutes.minutes)
    .all()) {
    if (!bins.has(r.repId)) bins.set(r.repId, []);
    bins.get(r.repId)!.push({ value: r.minutes, count: r.count });
  }
  const overrides = readRepOverrides(db);
  const today = localDate(now, config.vendor.timeZone);
  return config.reps.map((rep) => {
    const cap = Math.max(OPEN_COUNT_CAP, rep.maxOpenLeads ?? 0) + 1;
    const limited = db
      .select({ one: sql`1` })
      .from(leads)
      .where(and(eq(leads.repId, rep.id), inArray(leads.status, OPEN_STATUSES)))
      .limit(cap)
      .as('limited');
    const counted = db.select({ n: sql<number>`count(*)` }).from(limited).get()!.n;
    const open = Math.min(counted, cap - 1);
    const d = daily.get(rep.id);
    const override = overrides.get(rep.id);
    return {
      rep,
      assigned: d?.assigned ?? 0,
      accepted: d?.accepted ?? 0,
      missed: d?.missed ?? 0,
      medianMinutes: histogramMedian(bins.get(rep.id) ?? []),
      open,
      openCapped: counted >= cap,
      ...(override ? { override } : {}),
      now: repNow(rep, override, open, today),
    };
  });
}
