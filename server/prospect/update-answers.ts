import { eq } from 'drizzle-orm';
import { leads, type StakeholderRole } from '../db/schema';
import { recordEvent } from '../leads/lead-history';
import { qualifyAnswers } from '../leads/qualify';
import { enqueueMail } from '../outbox/enqueue';
import type { WriteDeps } from '../threads/writes';
import { ANSWER_FIELDS, type AnswerUpdate } from './forms';
import { CLOSED_STATUSES } from './page-state';
import { answersChangedMail, type AnswerChange, type Requalified } from './rep-mails';
import { isNoChange, markApplied, openLead, type NoChange, type PageWriteInput } from './write-guard';
import { webhookUpdated } from '../webhooks/events';

// The prospect changes their answers on their page: the lead is scored again (new score, tier,
// explanation, no-decision risk) and stays with its rep (no routing); the history gets a
// 'prospect-updated' line (detail: JSON of what changed, old and new score and tier) and the rep a
// "what changed" mail. One immediate transaction; the lead is read inside it (the prepared
// statements of recordEvent and enqueueMail run on the same connection, inside it).

export type UpdateAnswersInput = PageWriteInput & Omit<AnswerUpdate, 'requestKey'>;
export type UpdateAnswersResult = NoChange | { outcome: 'updated'; changes: AnswerChange[]; tier: { old: string; new: string } };

/** The roles as stored after the update: each involved role, and those listed before that are no longer involved. */
function rolesAfter(before: StakeholderRole[], involved: string[], order: string[]): StakeholderRole[] {
  const listed = new Set([...before.map((r) => r.role), ...involved]);
  return order.filter((id) => listed.has(id)).map((role) => ({ role, involved: involved.includes(role) }));
}

export function updateAnswers(deps: WriteDeps, input: UpdateAnswersInput): UpdateAnswersResult {
  const { db, config } = deps;
  return db.transaction(
    (tx) => {
      const lead = openLead(tx, input);
      if (isNoChange(lead)) return lead;
      if (CLOSED_STATUSES.includes(lead.status)) return { outcome: 'closed' as const };
      const now = deps.clock.now();

      const changes: AnswerChange[] = [];
      const next = { stage: lead.stage, budget: lead.budget, decisionProcess: lead.decisionProcess, timeline: lead.timeline, finalSay: lead.finalSay };
      for (const field of ANSWER_FIELDS) {
        const value = input.answers[field];
        if (value !== undefined && value !== lead[field]) {
          changes.push({ field, old: lead[field], new: value });
          next[field] = value;
        }
      }
      const oldInvolved = lead.stakeholderRoles.filter((r) => r.involved).map((r) => r.role);
      let roles = lead.stakeholderRoles;
      if (input.roles) {
        const order = config.questions.stakeholders.roles.map((r) => r.id);
        const newInvolved = order.filter((id) => input.roles!.includes(id));
        const oldSorted = order.filter((id) => oldInvolved.includes(id));
        if (newInvolved.join() !== oldSorted.join()) {
          changes.push({ field: 'roles', old: oldSorted, new: newInvolved });
          roles = rolesAfter(lead.stakeholderRoles, newInvolved, order);
        }
      }
      if (!changes.length) return { outcome: 'unchanged' as const };

      const q = qualifyAnswers({ ...next, costOfInaction: lead.costOfInaction, stakeholderRoles: roles }, config);
      const requalified: Requalified = {
        score: { old: lead.score, new: q.score },
        tier: { old: lead.tier, new: q.tier },
        explanation: { old: lead.explanation, new: q.explanation },
        noDecisionRisk: { old: lead.noDecisionRisk, new: q.noDecisionRisk },
      };
      const updated = tx
        .update(leads)
        .set({ ...next, stakeholderRoles: roles, score: q.score, tier: q.tier, explanation: q.explanation, noDecisionRisk: q.noDecisionRisk, updatedAt: now })
        .where(eq(leads.id, lead.id))
        .returning()
        .get();
      recordEvent(db, {
        leadId: lead.id,
        at: now,
        type: 'prospect-updated',
        repId: lead.repId,
        teamId: lead.teamId,
        detail: JSON.stringify({ changes, score: requalified.score, tier: requalified.tier }),
      });
      enqueueMail(db, answersChangedMail(config, updated, changes, requalified), { leadId: lead.id, now });
      webhookUpdated(deps, lead.id, { changes, score: requalified.score, tier: requalified.tier }, now);
      markApplied(tx, input, now);
      return { outcome: 'updated' as const, changes, tier: requalified.tier };
    },
    { behavior: 'immediate' },
  );
}
