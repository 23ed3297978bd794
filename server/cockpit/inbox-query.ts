import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { VendorConfig } from '../../shared/config';
import type { Db } from '../db/open';
import { leads, outbox } from '../db/schema';
import { currentAssignment } from '../leads/lead-history';
import { currentDeadline, SLA_CHECK } from '../leads/sla';
import { leadConditions, type Filters } from './filters';
import type { Viewer } from './people';
import { visibleLeads } from './scope';

// The inbox's leads: the open ones the viewer may see (scope.ts), filtered, most urgent first —
// waiting for acceptance by response deadline, then the others waiting (oldest first), then
// unassigned ones (oldest first), then accepted ones (oldest first). At most INBOX_LIMIT rows.
//
// Each part is a bounded read along an index, never a sort of every open lead (a manager's inbox
// over a million leads): the deadlines are the pending 'sla-check' jobs (outbox_due: pending,
// by due time — there are only as many as leads waiting now), the rest leads_status_created.

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

const columns = {
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
};
type Row = Omit<InboxRow, 'assignedAt' | 'deadline'>;

export function inboxLeads(db: Db, config: VendorConfig, viewer: Viewer, filters: Filters): { rows: InboxRow[]; more: boolean } {
  const want = INBOX_LIMIT + 1;
  const where = (status: string): SQL => and(eq(leads.status, status), visibleLeads(viewer), leadConditions(filters))!;
  const byStatus = (status: string, limit: number): Row[] =>
    limit <= 0 || (filters.status !== undefined && filters.status !== status)
      ? []
      : db.select(columns).from(leads).where(where(status)).orderBy(asc(leads.createdAt)).limit(limit).all();

  // 1. Waiting for acceptance, by deadline: the pending deadline checks of the lead's current rep.
  const urgent =
    filters.status !== undefined && filters.status !== 'assigned'
      ? []
      : db
          .select(columns)
          .from(outbox)
          .innerJoin(leads, eq(leads.id, outbox.leadId))
          .where(
            and(
              eq(outbox.status, 'pending'),
              eq(outbox.toProspect, false),
              eq(outbox.kind, SLA_CHECK),
              sql`${leads.repId} = json_extract(${outbox.payload}, '$.repId')`,
              where('assigned'),
            ),
          )
          .orderBy(asc(outbox.runAt))
          .limit(want)
          .all();
  const seen = new Set(urgent.map((r) => r.id));
  const rows: Row[] = [...new Map(urgent.map((r) => [r.id, r])).values()];
  // 2.–4. The others waiting, unassigned, accepted: oldest first.
  for (const status of ['assigned', 'unassigned', 'accepted']) {
    for (const r of byStatus(status, want - rows.length + (status === 'assigned' ? seen.size : 0))) {
      if (!seen.has(r.id) && rows.length < want) rows.push(r);
    }
  }
  const shown = rows.slice(0, INBOX_LIMIT).map((r): InboxRow => {
    const assigned = r.status === 'unassigned' ? undefined : currentAssignment(db, r.id);
    const history = assigned && assigned.repId === r.repId ? [{ type: 'assigned', repId: r.repId, at: assigned.at }] : [];
    const d = currentDeadline(config, r, history);
    return { ...r, assignedAt: history[0]?.at ?? null, ...(d ? { deadline: d.assignedAt + d.minutes * 60_000 } : {}) };
  });
  return { rows: shown, more: rows.length > INBOX_LIMIT };
}
