import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { auditLog, leads } from '../db/schema';
import { handoverMails } from '../leads/handover-mails';
import { recordEvent } from '../leads/lead-history';
import { MAX_REASON } from '../leads/rep-action';
import { scheduleSlaCheck } from '../leads/sla';
import { enqueueMail } from '../outbox/enqueue';
import type { WriteDeps } from '../threads/writes';
import { OPEN_STATUSES } from './filters';
import { viewerOf } from './people';
import { webhookAssigned } from '../webhooks/events';

// Assign by hand (issue 11): a manager gives an unassigned lead, or moves an open one, to a named
// rep, with a reason. In one immediate transaction: the lead (status 'assigned': the new rep has to
// accept it), the history ('assigned-by-hand' saying who and why, then 'assigned' — the assignment
// links and deadlines belong to), the new rep's lead mail with their action links (and the
// prospect's "new contact person" mail when they were told a name), the response deadline, and
// the audit log.

export interface AssignInput {
  leadId: string;
  repId: string;
  reason: string;
  /** The signed-in manager's address (checked again here). */
  by: string;
}

export type AssignResult =
  | { done: true; repId: string; fromRepId: string | null }
  | { done: false; problem: 'not-allowed' | 'gone' | 'closed' | 'already-theirs' | 'unknown-rep' | 'reason-required' };

/** What the history's 'assigned-by-hand' event holds (JSON in its detail). */
export interface ByHandDetail {
  by: string;
  reason: string;
}

export function assignByHand(deps: WriteDeps, input: AssignInput): AssignResult {
  const manager = viewerOf(deps.config, input.by);
  if (manager?.role !== 'manager') return { done: false, problem: 'not-allowed' };
  const reason = input.reason.trim().slice(0, MAX_REASON);
  if (!reason) return { done: false, problem: 'reason-required' };
  const rep = deps.config.reps.find((r) => r.id === input.repId);
  if (!rep) return { done: false, problem: 'unknown-rep' };
  const db: Db = deps.db;
  return db.transaction(
    (tx) => {
      const now = deps.clock.now();
      const lead = tx.select().from(leads).where(eq(leads.id, input.leadId)).get();
      if (!lead) return { done: false as const, problem: 'gone' as const };
      if (!(OPEN_STATUSES as readonly string[]).includes(lead.status)) return { done: false as const, problem: 'closed' as const };
      if (lead.repId === rep.id) return { done: false as const, problem: 'already-theirs' as const };
      // The team it was meant for, when the rep is in it; else the rep's first team.
      const teams = deps.config.teams.filter((t) => t.reps.includes(rep.id));
      const teamId = teams.some((t) => t.id === lead.teamId) ? lead.teamId : (teams[0]?.id ?? lead.teamId);
      const summary = `assigned by hand by ${manager.name}: ${reason}`;
      const moved = tx
        .update(leads)
        .set({ repId: rep.id, teamId, status: 'assigned', routingReason: summary, updatedAt: now })
        .where(eq(leads.id, lead.id))
        .returning()
        .get();
      const detail: ByHandDetail = { by: manager.name, reason };
      recordEvent(db, { leadId: lead.id, at: now, type: 'assigned-by-hand', repId: rep.id, teamId, detail: JSON.stringify(detail) });
      recordEvent(db, { leadId: lead.id, at: now, type: 'assigned', repId: rep.id, teamId, detail: summary });
      webhookAssigned(deps, lead.id, { repId: rep.id, teamId, reason, by: manager.name }, now);
      const cause = { type: 'by-hand' as const, by: manager.name, reason };
      for (const message of handoverMails({ lead: moved, fromRepId: lead.repId, cause, config: deps.config, repActions: deps.repActions, prospectPage: deps.prospectPage, db })) {
        enqueueMail(db, message, { leadId: lead.id, now });
      }
      scheduleSlaCheck(db, deps.config, { leadId: lead.id, repId: rep.id, tier: lead.tier, assignedAt: now });
      tx.insert(auditLog).values({ at: now, actor: manager.email, action: 'lead-assign', target: lead.id, detail: `${lead.repId ?? '(unassigned)'} → ${rep.id}` }).run();
      return { done: true as const, repId: rep.id, fromRepId: lead.repId };
    },
    { behavior: 'immediate' },
  );
}
