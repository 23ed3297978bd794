import type { ProcessChanges, TurnKind } from '../../shared/agreement';
import type { VendorConfig } from '../../shared/config';
import type { Db } from '../db/open';
import type { HandoverCause } from '../leads/handover-mails';
import type { RouteDecision } from '../leads/route';
import { repOf } from './compose';
import { queueWebhookEvent } from './queue';

// One function per place in the product where an event happens, each called inside that change's
// transaction (a one-line hook there). Each does nothing when no webhook wants the event.

type Deps = { db: Db; config: Pick<VendorConfig, 'webhooks' | 'reps'> };

const wants = (deps: Deps) => (deps.config.webhooks?.length ?? 0) > 0;

/** A new lead (leads/submit.ts), and the prospect's proposal when they made one. */
export function webhookLeadCreated(deps: Deps, lead: { id: string; decision: RouteDecision; proposal?: { changes: ProcessChanges; reason: string } }, now: number) {
  if (!wants(deps)) return;
  const { decision } = lead;
  queueWebhookEvent(deps.db, deps.config.webhooks, { type: 'lead.created', leadId: lead.id, route: { repId: decision.repId, teamId: decision.teamId, reason: decision.reason, why: decision.why } }, now);
  if (lead.proposal) webhookProposed(deps, lead.id, lead.proposal, now);
}

/** The prospect proposed another way of working (with the form, or answering a counter). */
export function webhookProposed(deps: Deps, leadId: string, proposal: { changes: ProcessChanges; reason: string }, now: number) {
  queueWebhookEvent(deps.db, deps.config.webhooks, { type: 'agreement.proposed', leadId, data: { leadId, by: 'prospect', changes: proposal.changes, reason: proposal.reason } }, now);
}

/** A turn that answers a proposal or a counter: the rep's (agree, counter, keep the standard) or the prospect's acceptance of a counter. */
export function webhookAnswered(deps: Deps, leadId: string, turn: { by: 'rep' | 'prospect'; kind: TurnKind; changes?: ProcessChanges | null; text?: string }, now: number) {
  queueWebhookEvent(deps.db, deps.config.webhooks, { type: 'agreement.answered', leadId, data: { leadId, by: turn.by, kind: turn.kind, changes: turn.changes ?? null, text: turn.text ?? '' } }, now);
}

/** The lead got a rep (or none): by hand, or after a pass-on, a missed response time, a hand-off. */
export function webhookAssigned(deps: Deps, leadId: string, to: { repId: string | null; teamId: string | null; reason: string; by?: string }, now: number) {
  const data = { leadId, rep: repOf(deps.config, to.repId), teamId: to.teamId, reason: to.reason, ...(to.by ? { by: to.by } : {}) };
  queueWebhookEvent(deps.db, deps.config.webhooks, { type: 'lead.assigned', leadId, data }, now);
}

export function webhookAccepted(deps: Deps, leadId: string, repId: string, via: 'link' | 'cockpit' | 'agreement', now: number) {
  queueWebhookEvent(deps.db, deps.config.webhooks, { type: 'lead.accepted', leadId, data: { leadId, rep: repOf(deps.config, repId)!, via } }, now);
}

export function webhookNotAFit(deps: Deps, leadId: string, repId: string, reason: string, now: number) {
  queueWebhookEvent(deps.db, deps.config.webhooks, { type: 'lead.not_a_fit', leadId, data: { leadId, rep: repOf(deps.config, repId)!, reason } }, now);
}

/** The lead left its rep (leads/reassign.ts): passed on, or moved on (missed response time, hand-off, rep removed); then where it went. */
export function webhookHandedOver(
  deps: Deps,
  move: { leadId: string; fromRepId: string | null; cause: Exclude<HandoverCause, { type: 'by-hand' }>; detail: string; decision: RouteDecision },
  now: number,
) {
  if (!wants(deps)) return;
  const { leadId, cause } = move;
  if (cause.type === 'passed-on') {
    queueWebhookEvent(deps.db, deps.config.webhooks, { type: 'lead.passed_on', leadId, data: { leadId, rep: repOf(deps.config, move.fromRepId)!, reason: cause.reason ?? null } }, now);
  } else {
    const reassigned = { 'sla-expired': 'missed-response-time', 'handed-off': 'handed-off', 'rep-removed': 'rep-removed' } as const;
    queueWebhookEvent(deps.db, deps.config.webhooks, { type: 'lead.reassigned', leadId, data: { leadId, from: repOf(deps.config, move.fromRepId), cause: reassigned[cause.type], detail: move.detail } }, now);
  }
  webhookAssigned(deps, leadId, { repId: move.decision.repId, teamId: move.decision.teamId, reason: move.decision.reason }, now);
}

/** The prospect changed answers on their page (prospect/update-answers.ts). */
export function webhookUpdated(deps: Deps, leadId: string, update: { changes: { field: string; old: string | string[]; new: string | string[] }[]; score: { old: number; new: number }; tier: { old: string; new: string } }, now: number) {
  queueWebhookEvent(deps.db, deps.config.webhooks, { type: 'lead.updated', leadId, data: { leadId, ...update } }, now);
}

/** Leads erased (privacy/erase.ts): their id only; queued after they are gone (no lead to belong to). Answers the deliveries queued. */
export function webhookErased(deps: Deps, leadIds: readonly string[], now: number): number {
  let queued = 0;
  for (const leadId of leadIds) queued += queueWebhookEvent(deps.db, deps.config.webhooks, { type: 'lead.erased', leadId: null, data: { leadId } }, now);
  return queued;
}
