import { eq } from 'drizzle-orm';
import type { VendorConfig } from '../../shared/config';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { leads } from '../db/schema';
import type { LeadRow } from '../mail/rep-lead';
import type { ActionClaim, OneClickAction, RepAction } from '../security/action-links';
import { currentAssignment, recordEvent } from './lead-history';
import { reassignLead, type ReassignDeps } from './reassign';
import { webhookAccepted, webhookAssigned, webhookNotAFit } from '../webhooks/events';

// What a rep may do with a lead (issue 4, issue 11): accept, pass on, not a fit — from the signed
// link in their mail or signed in to the cockpit; one implementation (performLeadAction). Only the
// lead's current rep; a link only for the assignment it was issued for. The cockpit also lets a rep
// take (accept) an unassigned lead of their team. Anything else is "already handled" and changes
// nothing, so a replayed, forwarded-late or prefetched link, or a second click, is harmless.

export const MAX_REASON = 500;

export type Standing =
  | { ok: true; lead: LeadRow; take?: boolean }
  | { ok: false; why: 'gone' }
  | { ok: false; why: 'not-yours' | 'accepted' | 'closed'; lead: LeadRow };

/** Who acts on which lead, and how: by a link (issued at a moment) or signed in to the cockpit. */
export interface LeadActionInput {
  leadId: string;
  repId: string;
  action: OneClickAction;
  reason?: string;
  via: 'link' | 'cockpit';
  /** A link's issue time: a newer assignment outdates it. */
  issuedAt?: number;
}

type Who = Pick<LeadActionInput, 'leadId' | 'repId' | 'via' | 'issuedAt'> & { action: RepAction };

/** Whether the action can still be taken on the lead as it is now. */
export function standingOf(db: Pick<Db, 'select'>, config: Pick<VendorConfig, 'teams'>, who: Who): Standing {
  const lead = db.select().from(leads).where(eq(leads.id, who.leadId)).get();
  if (!lead) return { ok: false, why: 'gone' };
  if (who.via === 'cockpit') {
    // An unassigned lead of the rep's team: accepting it takes it.
    const teamOf = lead.status === 'unassigned' && config.teams.some((t) => t.id === lead.teamId && t.reps.includes(who.repId));
    if (teamOf) return who.action === 'accept' ? { ok: true, lead, take: true } : { ok: false, why: 'not-yours', lead };
    if (lead.repId !== who.repId) return { ok: false, why: 'not-yours', lead };
  } else {
    const assignment = currentAssignment(db, lead.id);
    // A newer assignment than the link (the lead came back to this rep later) also outdates it.
    if (lead.repId !== who.repId || !assignment || assignment.repId !== who.repId || assignment.at > (who.issuedAt ?? -Infinity)) {
      return { ok: false, why: 'not-yours', lead };
    }
  }
  if (lead.status === 'accepted' && who.action === 'accept') return { ok: false, why: 'accepted', lead };
  if (lead.status !== 'assigned' && lead.status !== 'accepted') return { ok: false, why: 'closed', lead };
  return { ok: true, lead };
}

/** A link's standing (its claim names lead, rep, action and issue time). */
export function standing(db: Pick<Db, 'select'>, claim: ActionClaim): Standing {
  return standingOf(db, { teams: [] }, { ...claim, via: 'link' });
}

export interface RepActionDeps extends ReassignDeps {
  db: Db;
  clock: Clock;
}

export type ActionResult =
  | { done: true; action: OneClickAction; lead: LeadRow; newRepId?: string | null; took?: boolean }
  | { done: false; standing: Exclude<Standing, { ok: true }> }
  | { done: false; invalid: 'reason-required' };

/** A link's action (the write 'rep-action'). */
export function performRepAction(deps: RepActionDeps, claim: ActionClaim, input: { reason?: string }): ActionResult {
  // The answer to a process proposal has its own write (agreement/), not this one.
  if (claim.action === 'answer') throw new Error('performRepAction: an answer link is not a rep action');
  return performLeadAction(deps, { leadId: claim.leadId, repId: claim.repId, action: claim.action, issuedAt: claim.issuedAt, reason: input.reason, via: 'link' });
}

const ACCEPTED_DETAIL = { link: 'accepted via the link in the lead mail', cockpit: 'accepted in the cockpit' };

/** Accept, pass on or not a fit: one immediate transaction, the lead re-read inside. */
export function performLeadAction(deps: RepActionDeps, input: LeadActionInput): ActionResult {
  const reason = input.reason?.trim().slice(0, MAX_REASON) || undefined;
  if (input.action === 'not-a-fit' && !reason) return { done: false, invalid: 'reason-required' };
  return deps.db.transaction(
    (tx) => {
      const now = deps.clock.now();
      const s = standingOf(tx, deps.config, input);
      if (!s.ok) return { done: false as const, standing: s };
      const { lead } = s;
      const event = { leadId: lead.id, at: now, repId: input.repId, teamId: lead.teamId };
      switch (input.action) {
        case 'accept': {
          if (s.take) recordEvent(deps.db, { ...event, type: 'assigned', detail: 'taken from the team\'s unassigned leads in the cockpit' });
          tx.update(leads).set({ status: 'accepted', repId: input.repId, updatedAt: now }).where(eq(leads.id, lead.id)).run();
          recordEvent(deps.db, { ...event, type: 'accepted', detail: ACCEPTED_DETAIL[input.via] });
          if (s.take) webhookAssigned(deps, lead.id, { repId: input.repId, teamId: lead.teamId, reason: 'taken from the team\'s unassigned leads in the cockpit' }, now);
          webhookAccepted(deps, lead.id, input.repId, input.via, now);
          return { done: true as const, action: input.action, lead: { ...lead, status: 'accepted', repId: input.repId }, ...(s.take ? { took: true } : {}) };
        }
        case 'not-a-fit': {
          tx.update(leads).set({ status: 'not-a-fit', updatedAt: now }).where(eq(leads.id, lead.id)).run();
          recordEvent(deps.db, { ...event, type: 'not-a-fit', detail: reason! });
          webhookNotAFit(deps, lead.id, input.repId, reason!, now);
          return { done: true as const, action: input.action, lead: { ...lead, status: 'not-a-fit' } };
        }
        case 'pass': {
          const decision = reassignLead(tx, deps, lead, { type: 'passed-on', reason }, now);
          return { done: true as const, action: input.action, lead, newRepId: decision.repId };
        }
        default:
          throw new Error(`performLeadAction: unknown action ${String(input.action)}`);
      }
    },
    { behavior: 'immediate' },
  );
}
