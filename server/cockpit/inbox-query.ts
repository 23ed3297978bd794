import { and, asc, inArray, sql, type SQL } from 'drizzle-orm';
import { TIERS, type VendorConfig } from '../../shared/config';
import type { Db } from '../db/open';
import { leads } from '../db/schema';
import { acceptWithinMinutes, currentDeadline } from '../leads/sla';
import { leadConditions, OPEN_STATUSES, type Filters } from './filters';
import type { Viewer } from './people';
import { visibleLeads } from './scope';

// The inbox's leads: the open ones the viewer may see (scope.ts), filtered, most urgent first —
// waiting for acceptance by response deadline (the current assignment plus the tier's
// acceptWithinMinutes, as leads/sla.ts currentDeadline), then unassigned ones (oldest first), then
// accepted ones. At most INBOX_LIMIT rows.

export const INBOX_LIMIT = 100;

export interface InboxRow {
  id: string;
  contactName: string;
  company: string;
  status: string;
  tier: string;
  stage: string;
  noDecisionRisk: boolean;
  repId: string | null;
  teamId: string | null;
  createdAt: number;
  updatedAt: number;
  /** The current assignment's time (status assigned or accepted). */
  assignedAt: number | null;
  /** The response deadline, while it waits for acceptance and its tier has one. */
  deadline?: number;
}

export function inboxLeads(db: Db, config: VendorConfig, viewer: Viewer, filters: Filters): { rows: InboxRow[]; more: boolean } {
  // Qualified by hand: drizzle writes a single table's columns without the table's name.
  const assignedAt = sql<number | null>`(select max(e.at) from lead_events e where e.lead_id = "leads"."id" and e.type = 'assigned' and e.rep_id = "leads"."rep_id")`;
  const minutes = TIERS.flatMap((tier) => {
    const m = acceptWithinMinutes(config, tier);
    return m ? [sql`when ${tier} then ${m * 60_000}`] : [];
  });
  const deadlineOrder: SQL = minutes.length
    ? sql`case when ${leads.status} = 'assigned' then ${assignedAt} + (case ${leads.tier} ${sql.join(minutes, sql` `)} end) end`
    : sql`null`;
  const rank = sql`case ${leads.status} when 'assigned' then 0 when 'unassigned' then 1 else 2 end`;
  const rows = db
    .select({
      id: leads.id,
      contactName: leads.contactName,
      company: leads.company,
      status: leads.status,
      tier: leads.tier,
      stage: leads.stage,
      noDecisionRisk: leads.noDecisionRisk,
      repId: leads.repId,
      teamId: leads.teamId,
      createdAt: leads.createdAt,
      updatedAt: leads.updatedAt,
      assignedAt,
    })
    .from(leads)
    .where(and(inArray(leads.status, [...OPEN_STATUSES]), visibleLeads(viewer), leadConditions(filters)))
    .orderBy(asc(rank), sql`${deadlineOrder} asc nulls last`, asc(leads.createdAt))
    .limit(INBOX_LIMIT + 1)
    .all();
  const shown = rows.slice(0, INBOX_LIMIT).map((r): InboxRow => {
    const history = r.assignedAt === null ? [] : [{ type: 'assigned', repId: r.repId, at: r.assignedAt }];
    const d = currentDeadline(config, r, history);
    return { ...r, ...(d ? { deadline: d.assignedAt + d.minutes * 60_000 } : {}) };
  });
  return { rows: shown, more: rows.length > INBOX_LIMIT };
}
