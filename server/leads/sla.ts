import { z } from 'zod';
import type { Tier, VendorConfig } from '../../shared/config';
import type { Db } from '../db/open';
import { enqueueJob } from '../outbox/enqueue';

// Response SLA (issue 4, routing.acceptWithinMinutes per tier): every assignment to a rep adds a
// durable 'sla-check' job to the outbox, due at the deadline, in the same transaction. It survives
// restarts like a mail does; there is no in-process timer. The handler is in sla-check.ts.
// With it, an 'accept-reminder' job at routing.remindAtPercent of the window (accept-reminder.ts).

export const SLA_CHECK = 'sla-check';
export const ACCEPT_REMINDER = 'accept-reminder';

export const slaCheckPayloadSchema = z.strictObject({
  leadId: z.string().min(1),
  repId: z.string().min(1),
  /** The assignment this deadline belongs to (its lead_events time). */
  assignedAt: z.number().int(),
  minutes: z.number().int().min(1),
});
export type SlaCheckPayload = z.infer<typeof slaCheckPayloadSchema>;

export function acceptWithinMinutes(config: VendorConfig, tier: string): number | undefined {
  return config.routing.acceptWithinMinutes?.[tier as Tier];
}

/** When the assignment's deadline runs out. */
export function deadlineOf(job: Pick<SlaCheckPayload, 'assignedAt' | 'minutes'>): number {
  return job.assignedAt + job.minutes * 60_000;
}

/** Schedules the check of this assignment and the rep's reminder, when the lead's tier has a deadline. */
export function scheduleSlaCheck(
  db: Db,
  config: VendorConfig,
  a: { leadId: string; repId: string | null; tier: string; assignedAt: number },
) {
  const minutes = acceptWithinMinutes(config, a.tier);
  if (!minutes || !a.repId) return;
  const payload: SlaCheckPayload = { leadId: a.leadId, repId: a.repId, assignedAt: a.assignedAt, minutes };
  enqueueJob(db, SLA_CHECK, payload, { leadId: a.leadId, now: a.assignedAt, runAt: deadlineOf(payload) });
  const remindAt = a.assignedAt + Math.round((minutes * 60_000 * config.routing.remindAtPercent) / 100);
  enqueueJob(db, ACCEPT_REMINDER, payload, { leadId: a.leadId, now: a.assignedAt, runAt: remindAt });
}

/** The deadline of the lead's current assignment, from its history; none once accepted or closed. */
export function currentDeadline(
  config: VendorConfig,
  lead: { status: string; repId: string | null; tier: string },
  history: { type: string; repId: string | null; at: number }[],
): { assignedAt: number; minutes: number } | undefined {
  const minutes = acceptWithinMinutes(config, lead.tier);
  if (!minutes || lead.status !== 'assigned') return undefined;
  const assigned = history.findLast((e) => e.type === 'assigned' && e.repId === lead.repId);
  return assigned && { assignedAt: assigned.at, minutes };
}
