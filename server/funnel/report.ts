import type { ProcessChanges } from '../../shared/agreement';
import type { Db } from '../db/open';

// What the cockpit's Funnel page shows (cockpit/funnel.tsx), read from counts, never from every
// lead: the widget's funnel from funnel_counts (per day: a few rows per week), and the process
// agreement from the newest leads of the period only (at most SAMPLE, through the leads_created
// index), so the page costs the same with a thousand leads or a million.

export const SAMPLE = 5_000;
/** Reasons shown, newest first. */
export const REASONS = 10;
const DAY = 86_400_000;

export interface FunnelQuery {
  site: string;
  /** undefined: every language. */
  language?: string;
  /** The first day (a Monday) and the day after the last, YYYY-MM-DD and ms. */
  fromDay: string;
  toDay: string;
}

export interface Stage {
  /** shown | opened | step | submitted */
  event: string;
  step: number;
  count: number;
}

export interface FunnelReport {
  /** The stages in funnel order, summed over the period. */
  total: Stage[];
  /** Per week (its Monday), the same stages. */
  weeks: { week: string; stages: Stage[] }[];
}

/** Monday (UTC) of the week `weeksBack` weeks before the one `now` is in. */
export function mondayOf(now: number, weeksBack = 0): string {
  const d = new Date(now);
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY - weeksBack * 7 * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

export function periodOf(now: number, weeks: number): { fromDay: string; toDay: string } {
  const toDay = new Date(Date.parse(`${mondayOf(now)}T00:00:00Z`) + 7 * DAY).toISOString().slice(0, 10);
  return { fromDay: mondayOf(now, weeks - 1), toDay };
}

export function funnelReport(db: Db, q: FunnelQuery, screens: number): FunnelReport {
  const rows = db.$client
    .prepare(
      `select date(day, 'weekday 0', '-6 days') as week, event, step, sum(count) as n from funnel_counts
       where site = ? and day >= ? and day < ? ${q.language ? 'and language = ?' : ''} group by week, event, step`,
    )
    .all(...[q.site, q.fromDay, q.toDay, ...(q.language ? [q.language] : [])]) as { week: string; event: string; step: number; n: number }[];
  const maxStep = Math.max(screens, ...rows.filter((r) => r.event === 'step').map((r) => r.step));
  const order: [string, number][] = [['shown', 0], ['opened', 0], ...Array.from({ length: maxStep }, (_, i): [string, number] => ['step', i + 1]), ['submitted', 0]];
  const stagesOf = (pick: (r: (typeof rows)[number]) => boolean): Stage[] =>
    order.map(([event, step]) => ({ event, step, count: rows.filter((r) => pick(r) && r.event === event && r.step === step).reduce((a, r) => a + r.n, 0) }));
  const weekList: string[] = [];
  for (let at = Date.parse(`${q.fromDay}T00:00:00Z`); at < Date.parse(`${q.toDay}T00:00:00Z`); at += 7 * DAY) weekList.push(new Date(at).toISOString().slice(0, 10));
  return {
    total: stagesOf(() => true),
    weeks: weekList.reverse().map((week) => ({ week, stages: stagesOf((r) => r.week === week) })),
  };
}

export interface AgreementReport {
  /** Leads read (at most SAMPLE: the newest of the period). */
  leads: number;
  capped: boolean;
  accepted: number;
  states: Record<string, number>;
  /** Per step id: how often it was skipped or asked to be done differently. */
  steps: Record<string, { skip: number; change: number }>;
  /** Proposals that added a step. */
  added: number;
  /** The newest reasons, with the proposer's own name, company and any address or number taken out. */
  reasons: { day: string; text: string }[];
}

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const NUMBER = /\+?\d[\d ()./-]{6,}\d/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A reason as the page may show it: no address, no phone number, not the person's name or company. */
export function anonymousReason(text: string, person: { name: string; company: string }): string {
  let out = text.replace(EMAIL, '[…]').replace(NUMBER, '[…]');
  const parts = [person.name, person.company, ...person.name.split(/\s+/).filter((w) => w.length > 2)].sort((a, b) => b.length - a.length);
  for (const part of parts) {
    if (part.trim()) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(part.trim())}(?![\\p{L}\\p{N}])`, 'giu'), '[…]');
  }
  return out;
}

export function agreementReport(db: Db, q: FunnelQuery): AgreementReport {
  const rows = db.$client
    .prepare(
      `select created_at, process_accepted, agreement_state, proposal, deviation, contact_name, company from leads indexed by leads_created
       where created_at >= ? and created_at < ? and site = ? ${q.language ? 'and language = ?' : ''} and status <> 'spam'
       order by created_at desc limit ${SAMPLE}`,
    )
    .all(
      ...[Date.parse(`${q.fromDay}T00:00:00Z`), Date.parse(`${q.toDay}T00:00:00Z`), q.site, ...(q.language ? [q.language] : [])],
    ) as { created_at: number; process_accepted: number; agreement_state: string; proposal: string | null; deviation: string | null; contact_name: string; company: string }[];
  const report: AgreementReport = { leads: rows.length, capped: rows.length === SAMPLE, accepted: 0, states: {}, steps: {}, added: 0, reasons: [] };
  for (const r of rows) {
    if (r.process_accepted) report.accepted++;
    report.states[r.agreement_state] = (report.states[r.agreement_state] ?? 0) + 1;
    if (r.proposal) {
      let p: ProcessChanges | undefined;
      try {
        p = JSON.parse(r.proposal) as ProcessChanges;
      } catch {
        p = undefined;
      }
      for (const s of p?.steps ?? []) {
        const counts = (report.steps[s.id] ??= { skip: 0, change: 0 });
        counts[s.change]++;
      }
      if (p?.added?.length) report.added++;
    }
    if (!r.process_accepted && r.deviation?.trim() && report.reasons.length < REASONS) {
      report.reasons.push({ day: new Date(r.created_at).toISOString().slice(0, 10), text: anonymousReason(r.deviation, { name: r.contact_name, company: r.company }) });
    }
  }
  return report;
}
