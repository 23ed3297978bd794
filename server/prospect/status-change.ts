import { eq } from 'drizzle-orm';
import { leads } from '../db/schema';
import { leadHistory, recordEvent } from '../leads/lead-history';
import { deadlineOf } from '../leads/lead-mails';
import { reassignLead } from '../leads/reassign';
import { scheduleSlaCheck } from '../leads/sla';
import { enqueueMail } from '../outbox/enqueue';
import type { WriteDeps } from '../threads/writes';
import type { StatusAction } from './forms';
import { acceptedBeforePause, CLOSED_STATUSES } from './page-state';
import { repRecipient, resumedMail, statusChangedMail } from './rep-mails';
import { isNoChange, markApplied, openLead, type NoChange, type PageWriteInput } from './write-guard';

// "We have paused" (status 'paused': the rep keeps the lead, it no longer counts as open), "we
// chose another way" (status 'withdrawn': closed for good), and back from a pause: to the same
// rep, 'accepted' when the rep had accepted it before, else 'assigned' again with a fresh
// assignment (history line, deadline, new links in the rep's mail). Each tells the rep.

export type StatusChangeInput = PageWriteInput & { action: StatusAction; reason: string };
export type StatusChangeResult = NoChange | { outcome: 'paused' | 'withdrawn' | 'resumed' };

const OPEN = ['assigned', 'accepted', 'unassigned'];

export function changeStatus(deps: WriteDeps, input: StatusChangeInput): StatusChangeResult {
  const { db, config } = deps;
  return db.transaction(
    (tx) => {
      const lead = openLead(tx, input);
      if (isNoChange(lead)) return lead;
      if (CLOSED_STATUSES.includes(lead.status)) return { outcome: 'closed' as const };
      const now = deps.clock.now();
      const event = { leadId: lead.id, at: now, repId: lead.repId, teamId: lead.teamId };

      if (input.action === 'pause' || input.action === 'withdraw') {
        const status = input.action === 'pause' ? 'paused' : 'withdrawn';
        if (lead.status === status || (status === 'paused' && !OPEN.includes(lead.status))) return { outcome: 'unchanged' as const };
        const moved = tx.update(leads).set({ status, updatedAt: now }).where(eq(leads.id, lead.id)).returning().get();
        recordEvent(db, { ...event, type: status, detail: input.reason });
        enqueueMail(db, statusChangedMail(config, moved, status, input.reason), { leadId: lead.id, now });
        markApplied(tx, input, now);
        return { outcome: status };
      }

      if (lead.status !== 'paused') return { outcome: 'not-paused' as const };
      markApplied(tx, input, now);
      // A rep removed from the config meanwhile: the lead goes on by the usual routing.
      if (lead.repId && !config.reps.some((r) => r.id === lead.repId)) {
        recordEvent(db, { ...event, type: 'resumed', detail: '' });
        reassignLead(tx, deps, lead, { type: 'rep-removed' }, now);
        return { outcome: 'resumed' as const };
      }
      const accepted = acceptedBeforePause(leadHistory(tx, lead.id), lead.repId);
      const status = !lead.repId ? 'unassigned' : accepted ? 'accepted' : 'assigned';
      const moved = tx.update(leads).set({ status, updatedAt: now }).where(eq(leads.id, lead.id)).returning().get();
      recordEvent(db, { ...event, type: 'resumed', detail: '' });
      if (status === 'assigned') {
        // A fresh assignment: its deadline, and links of its own (links issued before it no longer act).
        recordEvent(db, { ...event, type: 'assigned', detail: 'back with the same rep: the prospect resumed after a pause' });
        scheduleSlaCheck(db, config, { leadId: lead.id, repId: lead.repId, tier: lead.tier, assignedAt: now });
      }
      const r = repRecipient(config, moved);
      const actions = status === 'assigned' && r.repId ? (deps.repActions?.(lead.id, r.repId, r.language) ?? []) : [];
      const deadline = status === 'assigned' ? deadlineOf(config, lead.tier, now) : undefined;
      enqueueMail(db, resumedMail(config, moved, { actions, deadline }), { leadId: lead.id, now });
      return { outcome: 'resumed' as const };
    },
    { behavior: 'immediate' },
  );
}
