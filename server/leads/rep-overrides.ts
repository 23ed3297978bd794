import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { perDatabase } from '../db/prepared';
import { auditLog, leads, OPEN_STATUSES, repOverrides } from '../db/schema';
import type { WriteDeps } from '../threads/writes';
import { reassignLead } from './reassign';
import type { RepOverrideFacts } from './route';

// A manager's settings for a rep over the config, made in the cockpit's team page: inactive, or
// away from–to (inclusive dates in vendor.timeZone). Routing reads them with its state in the
// same transaction (routing-store.ts), so new leads, hand-overs, the SLA and the routing tester
// all honour them. And the hand-off of a leaving rep's open leads to others by the normal routing.
// Each is written with an audit_log row saying who did it.

export interface RepOverride extends RepOverrideFacts {
  repId: string;
  updatedAt: number;
  updatedBy: string;
}

const NONE: ReadonlyMap<string, RepOverride> = new Map();

const statements = perDatabase((db: Db) => ({
  all: db.$client.prepare('SELECT rep_id, active, away_from, away_to, updated_at, updated_by FROM rep_overrides'),
}));

/** Every rep's override (a handful of rows at most): one prepared read, run on `db`'s connection (inside the caller's transaction). */
export function readRepOverrides(db: Db): ReadonlyMap<string, RepOverride> {
  const rows = statements(db).all.all() as { rep_id: string; active: number | null; away_from: string | null; away_to: string | null; updated_at: number; updated_by: string }[];
  if (rows.length === 0) return NONE;
  return new Map(
    rows.map((r) => [
      r.rep_id,
      { repId: r.rep_id, active: r.active === null ? null : r.active === 1, awayFrom: r.away_from, awayTo: r.away_to, updatedAt: r.updated_at, updatedBy: r.updated_by },
    ]),
  );
}

export interface SetOverrideInput {
  /** The manager's email. */
  actor: string;
  repId: string;
  inactive: boolean;
  /** YYYY-MM-DD; both empty: no away range. */
  awayFrom: string;
  awayTo: string;
}

export type OverrideProblem = { field: 'repId' | 'awayFrom' | 'awayTo'; problem: 'unknown-rep' | 'bad-date' | 'both-dates' | 'range' };
export type SetOverrideResult = { ok: true; override: RepOverride | null } | { ok: false; problems: OverrideProblem[] };

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export function checkOverride(input: SetOverrideInput, repIds: string[]): OverrideProblem[] {
  const problems: OverrideProblem[] = [];
  if (!repIds.includes(input.repId)) problems.push({ field: 'repId', problem: 'unknown-rep' });
  const from = input.awayFrom.trim();
  const to = input.awayTo.trim();
  if (from && !isDate(from)) problems.push({ field: 'awayFrom', problem: 'bad-date' });
  if (to && !isDate(to)) problems.push({ field: 'awayTo', problem: 'bad-date' });
  if (problems.length === 0 && (from === '') !== (to === '')) problems.push({ field: from ? 'awayTo' : 'awayFrom', problem: 'both-dates' });
  if (problems.length === 0 && from && to && from > to) problems.push({ field: 'awayTo', problem: 'range' });
  return problems;
}

/** Sets (or clears: not inactive, no dates) a rep's override; one audit row. */
export function setRepOverride(deps: WriteDeps, input: SetOverrideInput): SetOverrideResult {
  const problems = checkOverride(input, deps.config.reps.map((r) => r.id));
  if (problems.length) return { ok: false, problems };
  const now = deps.clock.now();
  const awayFrom = input.awayFrom.trim() || null;
  const awayTo = input.awayTo.trim() || null;
  return deps.db.transaction(
    (tx) => {
      let override: RepOverride | null = null;
      if (!input.inactive && !awayFrom) {
        tx.delete(repOverrides).where(eq(repOverrides.repId, input.repId)).run();
      } else {
        override = { repId: input.repId, active: input.inactive ? false : null, awayFrom, awayTo, updatedAt: now, updatedBy: input.actor };
        const values = { active: override.active, awayFrom, awayTo, updatedAt: now, updatedBy: input.actor };
        tx.insert(repOverrides).values({ repId: input.repId, ...values }).onConflictDoUpdate({ target: repOverrides.repId, set: values }).run();
      }
      const detail = override ? JSON.stringify({ inactive: input.inactive, awayFrom, awayTo }) : 'cleared';
      tx.insert(auditLog).values({ at: now, actor: input.actor, action: 'rep-override', target: input.repId, detail }).run();
      return { ok: true as const, override };
    },
    { behavior: 'immediate' },
  );
}

export interface HandOffInput {
  actor: string;
  /** The manager's name, for the leads' history. */
  actorName: string;
  repId: string;
  /** Also mark the rep inactive (a leaving rep gets no new leads). */
  markInactive: boolean;
}

export type HandOffResult =
  | { ok: true; moved: { leadId: string; repId: string | null }[] }
  | { ok: false; problem: 'unknown-rep' };

/**
 * Hands every open lead (assigned or accepted) of a rep to others by the normal routing, as for a
 * rep removed from the config (reassign.ts): never back to them, the history says who did it, the
 * new reps and the prospects get the usual mails. One transaction: all move, or none.
 */
export function handOffRep(deps: WriteDeps, input: HandOffInput): HandOffResult {
  if (!deps.config.reps.some((r) => r.id === input.repId)) return { ok: false, problem: 'unknown-rep' };
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      if (input.markInactive) {
        const current = readRepOverrides(deps.db).get(input.repId);
        const values = { active: false, awayFrom: current?.awayFrom ?? null, awayTo: current?.awayTo ?? null, updatedAt: now, updatedBy: input.actor };
        tx.insert(repOverrides).values({ repId: input.repId, ...values }).onConflictDoUpdate({ target: repOverrides.repId, set: values }).run();
        tx.insert(auditLog).values({ at: now, actor: input.actor, action: 'rep-override', target: input.repId, detail: JSON.stringify({ inactive: true, awayFrom: values.awayFrom, awayTo: values.awayTo }) }).run();
      }
      const open = tx
        .select()
        .from(leads)
        .where(and(eq(leads.repId, input.repId), inArray(leads.status, OPEN_STATUSES)))
        .all();
      const moved = open.map((lead) => {
        const decision = reassignLead(tx, deps, lead, { type: 'handed-off', by: `${input.actorName} <${input.actor}>` }, now);
        return { leadId: lead.id, repId: decision.repId };
      });
      tx.insert(auditLog)
        .values({ at: now, actor: input.actor, action: 'rep-handoff', target: input.repId, detail: JSON.stringify({ leads: moved.length, markInactive: input.markInactive }) })
        .run();
      return { ok: true as const, moved };
    },
    { behavior: 'immediate' },
  );
}
