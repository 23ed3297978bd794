import { and, asc, desc, eq } from 'drizzle-orm';
import type { ProcessChanges, TurnKind } from '../../shared/agreement';
import type { Db } from '../db/open';
import { agreementTurns } from '../db/schema';
import { recordEvent } from '../leads/lead-history';
import { perDatabase } from '../db/prepared';

// The turns of a lead's process agreement (agreement_turns): only ever added, read in order.
// `db` may be inside a transaction: the statements run on its one connection.

export type Turn = typeof agreementTurns.$inferSelect;

export const NO_CHANGES: ProcessChanges = { steps: [], added: [] };

/** Prepared once per database: a new lead's proposal writes its first turn on the submit path. */
const insertTurn = perDatabase((db: Db) =>
  db.$client.prepare('INSERT INTO agreement_turns (lead_id, at, by, kind, rep_id, changes, text) VALUES (?, ?, ?, ?, ?, ?, ?)'),
);

/** Stores the turn and puts it in the lead's history (lead_events type 'agreement', detail: the turn's kind). */
export function recordTurn(
  db: Db,
  turn: { leadId: string; at: number; by: 'prospect' | 'rep'; kind: TurnKind; repId?: string | null; teamId?: string | null; changes?: ProcessChanges; text?: string },
): number {
  const info = insertTurn(db).run(turn.leadId, turn.at, turn.by, turn.kind, turn.repId ?? null, JSON.stringify(turn.changes ?? NO_CHANGES), turn.text ?? '');
  recordEvent(db, { leadId: turn.leadId, at: turn.at, type: 'agreement', repId: turn.repId, teamId: turn.teamId, detail: turn.kind });
  return Number(info.lastInsertRowid);
}

export function turnsOf(db: Pick<Db, 'select'>, leadId: string): Turn[] {
  return db.select().from(agreementTurns).where(eq(agreementTurns.leadId, leadId)).orderBy(asc(agreementTurns.id)).all();
}

/** The latest turn, optionally of one kind. */
export function latestTurn(db: Pick<Db, 'select'>, leadId: string, kind?: TurnKind): Turn | undefined {
  const where = kind ? and(eq(agreementTurns.leadId, leadId), eq(agreementTurns.kind, kind)) : eq(agreementTurns.leadId, leadId);
  return db.select().from(agreementTurns).where(where).orderBy(desc(agreementTurns.id)).limit(1).get();
}

/**
 * The changes both sides agree to, once the agreement is settled: an 'agree' or 'accept-counter'
 * turn carries them, 'keep-standard' none. Undefined while a proposal or counter is open.
 */
export function settledChanges(turns: Turn[]): ProcessChanges | undefined {
  const last = turns.at(-1);
  if (!last) return NO_CHANGES; // the default process, accepted with the form
  return last.kind === 'agree' || last.kind === 'accept-counter' || last.kind === 'keep-standard' ? last.changes : undefined;
}
