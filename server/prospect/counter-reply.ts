import { eq } from 'drizzle-orm';
import { applyChanges, shownProcess } from '../agreement/agreed-process';
import { latestTurn, recordTurn } from '../agreement/turns';
import { leads } from '../db/schema';
import { enqueueMail } from '../outbox/enqueue';
import type { WriteDeps } from '../threads/writes';
import type { CounterReply } from './forms';
import { CLOSED_STATUSES } from './page-state';
import { counterAcceptedMail, counterAnsweredMail, repRecipient } from './rep-mails';
import { isNoChange, markApplied, openLead, type NoChange, type PageWriteInput } from './write-guard';
import { webhookAnswered, webhookProposed } from '../webhooks/events';

// The prospect's reply to the rep's counter-proposal: accept it (an 'accept-counter' turn with the
// counter's changes; agreed) or answer it with a proposal of their own (a 'proposal' turn;
// proposed again, and the rep gets the link to answer it). Only the counter the page showed: when
// the rep changed it meanwhile or the lead was closed (the prospect withdrew, the rep closed it),
// nothing changes and the page shows where it stands now.

export type CounterReplyInput = PageWriteInput & Omit<CounterReply, 'requestKey'>;
export type CounterReplyResult = NoChange | { outcome: 'counter-accepted' | 'counter-answered' };

export function replyToCounter(deps: WriteDeps, input: CounterReplyInput): CounterReplyResult {
  const { db, config } = deps;
  return db.transaction(
    (tx) => {
      const lead = openLead(tx, input);
      if (isNoChange(lead)) return lead;
      if (CLOSED_STATUSES.includes(lead.status)) return { outcome: 'closed' as const };
      const counter = latestTurn(tx, lead.id);
      if (lead.agreementState !== 'countered' || !counter || counter.kind !== 'counter' || counter.id !== input.counterTurn) return { outcome: 'stale' as const };
      const now = deps.clock.now();
      const shown = shownProcess(db, config, lead).steps;
      const turn = { leadId: lead.id, at: now, by: 'prospect' as const, repId: lead.repId, teamId: lead.teamId };

      if (!input.answer) {
        recordTurn(db, { ...turn, kind: 'accept-counter', changes: counter.changes });
        webhookAnswered(deps, lead.id, { by: 'prospect', kind: 'accept-counter', changes: counter.changes }, now);
        const agreed = tx.update(leads).set({ agreementState: 'agreed', updatedAt: now }).where(eq(leads.id, lead.id)).returning().get();
        enqueueMail(db, counterAcceptedMail(config, agreed, applyChanges(shown, counter.changes)), { leadId: lead.id, now });
        markApplied(tx, input, now);
        return { outcome: 'counter-accepted' as const };
      }

      recordTurn(db, { ...turn, kind: 'proposal', changes: input.answer.changes, text: input.answer.reason });
      webhookProposed(deps, lead.id, { changes: input.answer.changes, reason: input.answer.reason }, now);
      const proposed = tx.update(leads).set({ agreementState: 'proposed', updatedAt: now }).where(eq(leads.id, lead.id)).returning().get();
      const r = repRecipient(config, proposed);
      const answerLink = r.repId ? deps.repActions?.(lead.id, r.repId, r.language, ['answer'])[0] : undefined;
      enqueueMail(db, counterAnsweredMail(config, proposed, applyChanges(shown, input.answer.changes), input.answer.reason, answerLink), { leadId: lead.id, now });
      markApplied(tx, input, now);
      return { outcome: 'counter-answered' as const };
    },
    { behavior: 'immediate' },
  );
}
