import type { VendorConfig } from '../../shared/config';
import type { Db } from '../db/open';
import { prepared } from '../db/prepared';
import { isFreeMailDomain } from './free-mail-domains';
import { readRepOverrides } from './rep-overrides';
import type { RouteDecision, RoutingState } from './route';

// Reads and writes what routing needs, inside the caller's (immediate) transaction.

// `db` may be inside a transaction: the prepared statements run on its one connection.

export function readRoutingState(db: Db, config: VendorConfig, lead: { emailDomain: string; id?: string }): RoutingState {
  const q = prepared(db);
  const currents = new Map<string, Map<string, number>>();
  for (const row of q.currents.all()) {
    if (!currents.has(row.teamId)) currents.set(row.teamId, new Map());
    currents.get(row.teamId)!.set(row.repId, row.current);
  }

  // Capacity only matters for reps with a limit, and only up to that limit: a bounded count
  // keeps this cheap however many leads a rep ever had. Counted when routing first asks (after
  // language, away and inactive): a rep the lead cannot reach anyway costs no read.
  const limits = new Map(config.reps.filter((r) => r.maxOpenLeads !== undefined).map((r) => [r.id, r.maxOpenLeads!]));
  const openLeads = new OpenLeadCounts((repId) => {
    const limit = limits.get(repId);
    return limit === undefined ? undefined : q.openLeadsUpTo.get({ repId, limit })!.n;
  });

  let owner: RoutingState['owner'];
  if (config.routing.accountOwnership && !isFreeMailDomain(lead.emailDomain)) {
    const row = q.ownerOf.get({ emailDomain: lead.emailDomain, exceptId: lead.id ?? '' });
    if (row?.repId) owner = { repId: row.repId, leadId: row.id };
  }
  // A manager's away/inactive (a few rows at most), read in the caller's transaction.
  return { currents, openLeads, owner, overrides: readRepOverrides(db) };
}

export function saveCurrents(db: Db, decision: RouteDecision) {
  if (!decision.currents) return;
  const { teamId, values } = decision.currents;
  const upsert = prepared(db).upsertCurrent;
  for (const [repId, current] of values) upsert.run({ teamId, repId, current });
}

/** Open leads per rep, each read on its first get() (in the caller's transaction, like the rest). */
class OpenLeadCounts extends Map<string, number> {
  constructor(private readonly count: (repId: string) => number | undefined) {
    super();
  }
  override get(repId: string): number | undefined {
    if (!super.has(repId)) {
      const n = this.count(repId);
      if (n === undefined) return undefined;
      super.set(repId, n);
    }
    return super.get(repId);
  }
}
