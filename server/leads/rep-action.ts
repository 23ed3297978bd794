import { eq } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { leads } from '../db/schema';
import type { LeadRow } from '../mail/rep-lead';
import type { ActionClaim, OneClickAction } from '../security/action-links';
import { currentAssignment, recordEvent } from './lead-history';
import { reassignLead, type ReassignDeps } from './reassign';

// What a rep's signed link may do (issue 4): accept, pass on, not a fit. Only the lead's current
// rep, only for the assignment the link was issued for; anything else is "already handled" and
// changes nothing, so a replayed, forwarded-late or prefetched link is harmless.

export const MAX_REASON = 500;

export type Standing =
  | { ok: true; lead: LeadRow }
  | { ok: false; why: 'gone' }
  | { ok: false; why: 'not-yours' | 'accepted' | 'closed'; lead: LeadRow };

/** Whether the link's action can still be taken on the lead as it is now. */
export function standing(db: Pick<Db, 'select'>, claim: ActionClaim): Standing {
  const lead = db.select().from(leads).where(eq(leads.id, claim.leadId)).get();
  if (!lead) return { ok: false, why: 'gone' };
  const assignment = currentAssignment(db, lead.id);
  // A newer assignment than the link (the lead came back to this rep later) also outdates it.
  if (lead.repId !== claim.repId || !assignment || assignment.repId !== claim.repId || assignment.at > claim.issuedAt) {
    return { ok: false, why: 'not-yours', lead };
  }
  if (lead.status === 'accepted' && claim.action === 'accept') return { ok: false, why: 'accepted', lead };
  if (lead.status !== 'assigned' && lead.status !== 'accepted') return { ok: false, why: 'closed', lead };
  return { ok: true, lead };
}

export interface RepActionDeps extends ReassignDeps {
  db: Db;
  clock: Clock;
}

export type ActionResult =
  | { done: true; action: OneClickAction; lead: LeadRow; newRepId?: string | null }
  | { done: false; standing: Exclude<Standing, { ok: true }> }
  | { done: false; invalid: 'reason-required' };

export function performRepAction(deps: RepActionDeps, claim: ActionClaim, input: { reason?: string }): ActionResult {
  // The answer to a process proposal has its own write (agreement/), not this one.
  if (claim.action === 'answer') throw new Error('performRepAction: an answer link is not a rep action');
  const reason = input.reason?.trim().slice(0, MAX_REASON) || undefined;
  if (claim.action === 'not-a-fit' && !reason) return { done: false, invalid: 'reason-required' };
  return deps.db.transaction(
    (tx) => {
      const now = deps.clock.now();
      const s = standing(tx, claim);
      if (!s.ok) return { done: false as const, standing: s };
      const { lead } = s;
      const event = { leadId: lead.id, at: now, repId: claim.repId, teamId: lead.teamId };
      switch (claim.action) {
        case 'accept': {
          tx.update(leads).set({ status: 'accepted', updatedAt: now }).where(eq(leads.id, lead.id)).run();
          recordEvent(deps.db, { ...event, type: 'accepted', detail: 'accepted via the link in the lead mail' });
          return { done: true as const, action: claim.action, lead: { ...lead, status: 'accepted' } };
        }
        case 'not-a-fit': {
          tx.update(leads).set({ status: 'not-a-fit', updatedAt: now }).where(eq(leads.id, lead.id)).run();
          recordEvent(deps.db, { ...event, type: 'not-a-fit', detail: reason! });
          return { done: true as const, action: claim.action, lead: { ...lead, status: 'not-a-fit' } };
        }
        case 'pass': {
          const decision = reassignLead(tx, deps, lead, { type: 'passed-on', reason }, now);
          return { done: true as const, action: claim.action, lead, newRepId: decision.repId };
        }
        default:
          throw new Error(`performRepAction: unknown action ${String(claim.action)}`);
      }
    },
    { behavior: 'immediate' },
  );
}
