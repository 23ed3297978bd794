import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { VendorConfig } from '../../shared/config';
import type { Db } from '../db/open';
import { leads, routingState } from '../db/schema';
import { isFreeMailDomain } from './free-mail-domains';
import type { RouteDecision, RoutingState } from './route';

// Reads and writes what routing needs, inside the caller's (immediate) transaction.

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

/** Lead statuses that still occupy their rep. */
export const OPEN_STATUSES = ['assigned', 'accepted'] as const;

export function readRoutingState(tx: Tx, config: VendorConfig, lead: { emailDomain: string; id?: string }): RoutingState {
  const currents = new Map<string, Map<string, number>>();
  for (const row of tx.select().from(routingState).all()) {
    if (!currents.has(row.teamId)) currents.set(row.teamId, new Map());
    currents.get(row.teamId)!.set(row.repId, row.current);
  }

  // Capacity only matters for reps with a limit, and only up to that limit: a bounded count
  // keeps this cheap however many leads a rep ever had.
  const openLeads = new Map<string, number>();
  for (const rep of config.reps) {
    if (rep.maxOpenLeads === undefined) continue;
    const limited = tx
      .select({ one: sql`1` })
      .from(leads)
      .where(and(eq(leads.repId, rep.id), inArray(leads.status, OPEN_STATUSES)))
      .limit(rep.maxOpenLeads)
      .as('limited');
    const [{ n }] = tx.select({ n: sql<number>`count(*)` }).from(limited).all();
    openLeads.set(rep.id, n);
  }

  let owner: RoutingState['owner'];
  if (config.routing.accountOwnership && !isFreeMailDomain(lead.emailDomain)) {
    const row = tx
      .select({ id: leads.id, repId: leads.repId })
      .from(leads)
      .where(
        and(
          eq(leads.emailDomain, lead.emailDomain),
          inArray(leads.status, OPEN_STATUSES),
          isNotNull(leads.repId),
          lead.id ? ne(leads.id, lead.id) : undefined,
        ),
      )
      .orderBy(desc(leads.createdAt))
      .limit(1)
      .get();
    if (row?.repId) owner = { repId: row.repId, leadId: row.id };
  }
  return { currents, openLeads, owner };
}

export function saveCurrents(tx: Tx, decision: RouteDecision) {
  if (!decision.currents) return;
  const { teamId, values } = decision.currents;
  for (const [repId, current] of values) {
    tx.insert(routingState)
      .values({ teamId, repId, current })
      .onConflictDoUpdate({ target: [routingState.teamId, routingState.repId], set: { current } })
      .run();
  }
}
