import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import { prepared } from '../db/prepared';
import { leadEvents, leads } from '../db/schema';

// The lead's history (lead_events): every routing decision and rep action, with time and reason.
// Types: assigned | unassigned (routing), accepted | passed-on | not-a-fit (rep actions),
// sla-expired (not accepted in time), rep-removed (its rep left the config), handed-off (a manager
// handed a rep's open leads to others; detail: from whom, by whom), spam,
// same-account (this lead and another one of the same company are one account with one rep;
// the detail is the other lead's id), agreement (a turn of the process agreement, detail: its kind;
// its content is in agreement_turns), and the prospect's own changes from their page:
// assigned-by-hand (a manager in the cockpit; detail: JSON { by, reason }, an 'assigned' follows),
// prospect-updated (detail: JSON of what changed), paused, resumed, withdrawn (detail: their
// reason), link-revoked (the prospect-page links were revoked).

export type LeadEventType =
  | 'assigned'
  | 'unassigned'
  | 'accepted'
  | 'passed-on'
  | 'not-a-fit'
  | 'sla-expired'
  | 'rep-removed'
  | 'assigned-by-hand'
  | 'handed-off'
  | 'spam'
  | 'same-account'
  | 'agreement'
  | 'prospect-updated'
  | 'paused'
  | 'resumed'
  | 'withdrawn'
  | 'link-revoked';

/** `db` may be inside a transaction: the prepared statement runs on its one connection. */
export function recordEvent(
  db: Db,
  event: { leadId: string; at: number; type: LeadEventType; repId?: string | null; teamId?: string | null; detail: string },
) {
  prepared(db).insertEvent.run({ ...event, repId: event.repId ?? null, teamId: event.teamId ?? null });
}

/** A lead joined the account of an earlier open lead (same company, same rep): both histories say so. */
export function recordSameAccount(db: Db, e: { leadId: string; earlierLeadId: string; at: number; repId: string | null; teamId: string | null }) {
  recordEvent(db, { leadId: e.leadId, at: e.at, type: 'same-account', repId: e.repId, teamId: e.teamId, detail: e.earlierLeadId });
  recordEvent(db, { leadId: e.earlierLeadId, at: e.at, type: 'same-account', repId: e.repId, teamId: e.teamId, detail: e.leadId });
}

/** The latest assignment of the lead to a rep (the one its links and deadlines belong to). */
export function currentAssignment(tx: Pick<Db, 'select'>, leadId: string) {
  return tx
    .select({ id: leadEvents.id, at: leadEvents.at, repId: leadEvents.repId })
    .from(leadEvents)
    .where(and(eq(leadEvents.leadId, leadId), eq(leadEvents.type, 'assigned'), isNotNull(leadEvents.repId)))
    .orderBy(desc(leadEvents.id))
    .limit(1)
    .get();
}

/** Every rep the lead was ever assigned to: a lead is never routed back to one of them. */
export function repsWhoHad(tx: Pick<Db, 'select'>, leadId: string): Set<string> {
  const rows = tx
    .select({ repId: leadEvents.repId })
    .from(leadEvents)
    .where(and(eq(leadEvents.leadId, leadId), eq(leadEvents.type, 'assigned'), isNotNull(leadEvents.repId)))
    .all();
  return new Set(rows.map((r) => r.repId!));
}

export function leadHistory(db: Pick<Db, 'select'>, leadId: string) {
  return db.select().from(leadEvents).where(eq(leadEvents.leadId, leadId)).orderBy(asc(leadEvents.id)).all();
}

/** The open lead that makes a company an existing account (named in the rep's mail). */
export function earlierLeadOf(db: Pick<Db, 'select'>, leadId: string) {
  return db
    .select({ id: leads.id, contactName: leads.contactName, createdAt: leads.createdAt })
    .from(leads)
    .where(eq(leads.id, leadId))
    .get();
}
