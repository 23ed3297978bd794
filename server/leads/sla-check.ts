import { eq } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { leads } from '../db/schema';
import { currentAssignment } from './lead-history';
import { reassignLead, type ReassignDeps } from './reassign';
import { slaCheckPayloadSchema, type SlaCheckPayload } from './sla';

// The 'sla-check' job: at the deadline, a lead still waiting with the same rep (same assignment)
// moves on to the next rep. Anything else — accepted, passed on, not a fit, re-assigned — means
// the deadline is moot and the job ends without effect, so running it twice is harmless.

export interface SlaCheckDeps extends ReassignDeps {
  db: Db;
  clock: Clock;
}

export type SlaOutcome = 'moot' | 'reassigned' | 'unassigned';

export function runSlaCheck(deps: SlaCheckDeps, job: SlaCheckPayload): SlaOutcome {
  return deps.db.transaction(
    (tx) => {
      const lead = tx.select().from(leads).where(eq(leads.id, job.leadId)).get();
      if (!lead || lead.status !== 'assigned' || lead.repId !== job.repId) return 'moot';
      const assignment = currentAssignment(tx, lead.id);
      if (assignment?.repId !== job.repId || assignment.at !== job.assignedAt) return 'moot';
      const decision = reassignLead(tx, deps, lead, { type: 'sla-expired', minutes: job.minutes }, deps.clock.now());
      return decision.repId ? 'reassigned' : 'unassigned';
    },
    { behavior: 'immediate' },
  );
}

/** The worker's handler: the payload is parsed before anything runs. */
export function slaCheckHandler(deps: SlaCheckDeps & { onMailQueued?: () => void }) {
  return async (payload: unknown) => {
    const job = slaCheckPayloadSchema.parse(payload);
    if (runSlaCheck(deps, job) !== 'moot') deps.onMailQueued?.();
  };
}
