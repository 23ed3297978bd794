import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { leads, OPEN_STATUSES } from '../db/schema';
import type { Log } from '../log';
import { reassignLead, type ReassignDeps } from './reassign';

// A rep removed from the config leaves their open leads (assigned or accepted) with nobody to
// work them. At start and after each config reload (SIGHUP), the store thread finds them, logs
// each by id, and routes each again by the hand-over path: the same rules as a new lead, a
// history line that says why, and the mails (the new rep, the prospect when promised a person).

export interface OrphanedLeadDeps extends ReassignDeps {
  clock: Clock;
  log: Log;
}

/** Re-routes every open lead whose rep is not in the config; answers their ids. */
export function rerouteOrphanedLeads(deps: OrphanedLeadDeps): string[] {
  const repIds = deps.config.reps.map((r) => r.id);
  const orphans = deps.db
    .select({ id: leads.id, repId: leads.repId })
    .from(leads)
    .where(and(inArray(leads.status, OPEN_STATUSES), isNotNull(leads.repId), notInArray(leads.repId, repIds)))
    .all();
  const moved: string[] = [];
  for (const orphan of orphans) {
    // One lead per transaction: a lead that changed meanwhile (an action on it) is left alone.
    const decision = deps.db.transaction(
      (tx) => {
        const lead = tx.select().from(leads).where(eq(leads.id, orphan.id)).get();
        if (!lead || !lead.repId || !OPEN_STATUSES.includes(lead.status) || repIds.includes(lead.repId)) return undefined;
        return reassignLead(tx, deps, lead, { type: 'rep-removed' }, deps.clock.now());
      },
      { behavior: 'immediate' },
    );
    if (!decision) continue;
    moved.push(orphan.id);
    deps.log.warn(`Lead ${orphan.id} was with rep "${orphan.repId}", who is no longer in the config: routed again`, {
      leadId: orphan.id,
      removedRep: orphan.repId,
      newRep: decision.repId,
    });
  }
  return moved;
}
