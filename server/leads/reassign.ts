import { eq } from 'drizzle-orm';
import type { VendorConfig } from '../../shared/config';
import type { Language } from '../../shared/localized';
import type { Db } from '../db/open';
import { leads } from '../db/schema';
import type { LeadRow } from '../mail/rep-lead';
import { enqueueMail } from '../outbox/enqueue';
import { handoverMails, type HandoverCause } from './handover-mails';
import type { LeadMailInput } from './lead-mails';
import { earlierLeadOf, recordEvent, recordSameAccount, repsWhoHad } from './lead-history';
import { chooseRoute, type LeadFacts, type RouteDecision } from './route';
import { readRoutingState, saveCurrents } from './routing-store';
import { scheduleSlaCheck } from './sla';
import { webhookHandedOver } from '../webhooks/events';

// Moves a lead from its rep to the next one by the same rules as a new lead (ownership, rules,
// availability, round robin), never back to a rep who already had it. Used by "pass on" and by
// the response SLA, and for the leads of a rep removed from the config (orphaned-leads.ts). Runs inside the caller's immediate transaction: nothing here awaits.

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

export interface ReassignDeps {
  db: Db;
  config: VendorConfig;
  repActions?: LeadMailInput['repActions'];
  /** The link to the prospect's page, for the prospect's "new contact person" mail. */
  prospectPage?: LeadMailInput['prospectPage'];
}

export function leadFacts(lead: LeadRow): LeadFacts {
  return {
    tier: lead.tier as LeadFacts['tier'],
    stage: lead.stage,
    timeline: lead.timeline,
    companySize: (lead.companySize ?? undefined) as LeadFacts['companySize'],
    country: lead.country ?? undefined,
    language: lead.language as Language,
    emailDomain: lead.emailDomain,
  };
}

export function reassignLead(tx: Tx, deps: ReassignDeps, lead: LeadRow, cause: Exclude<HandoverCause, { type: 'by-hand' }>, now: number): RouteDecision {
  const { config } = deps;
  const exclude = repsWhoHad(tx, lead.id);
  if (lead.repId) exclude.add(lead.repId);
  const state = readRoutingState(deps.db, config, { emailDomain: lead.emailDomain, id: lead.id });
  const decision = chooseRoute(leadFacts(lead), config, state, { now, exclude });

  const moved = tx
    .update(leads)
    .set({
      repId: decision.repId,
      teamId: decision.teamId,
      status: decision.repId ? 'assigned' : 'unassigned',
      routingReason: decision.reason,
      updatedAt: now,
    })
    .where(eq(leads.id, lead.id))
    .returning()
    .get();
  saveCurrents(deps.db, decision);

  const fromName = config.reps.find((r) => r.id === lead.repId)?.name ?? lead.repId ?? '?';
  const detail =
    cause.type === 'passed-on'
      ? (cause.reason ?? '') // the rep's own words, like a not-a-fit reason; who passed it on is the event's rep
      : cause.type === 'sla-expired'
        ? `not accepted by ${fromName} within ${cause.minutes} minutes`
        : cause.type === 'handed-off'
          ? `handed over from ${fromName} by ${cause.by}`
          : `rep "${lead.repId}" was removed from the config`;
  recordEvent(deps.db, { leadId: lead.id, at: now, type: cause.type, repId: lead.repId, teamId: lead.teamId, detail });
  recordEvent(deps.db, {
    leadId: lead.id,
    at: now,
    type: decision.repId ? 'assigned' : 'unassigned',
    repId: decision.repId,
    teamId: decision.teamId,
    detail: decision.reason,
  });

  if (decision.ownerLeadId) recordSameAccount(deps.db, { leadId: lead.id, earlierLeadId: decision.ownerLeadId, at: now, repId: decision.repId, teamId: decision.teamId });
  const earlierLead = decision.ownerLeadId ? earlierLeadOf(tx, decision.ownerLeadId) : undefined;
  for (const message of handoverMails({ lead: moved, fromRepId: lead.repId, cause, config, earlierLead, repActions: deps.repActions, prospectPage: deps.prospectPage, routing: decision.why, db: deps.db })) {
    enqueueMail(deps.db, message, { leadId: lead.id, now });
  }
  scheduleSlaCheck(deps.db, config, { leadId: lead.id, repId: decision.repId, tier: lead.tier, assignedAt: now });
  webhookHandedOver(deps, { leadId: lead.id, fromRepId: lead.repId, cause, detail, decision }, now);
  return decision;
}
