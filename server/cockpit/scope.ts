import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { leads } from '../db/schema';
import type { Viewer } from './people';

// What a signed-in person may see: a manager every lead; a rep their own leads and the
// unassigned leads of their teams. Anything else is answered 404 (never "forbidden": that would
// say it exists).

export function canSeeLead(viewer: Viewer, lead: { repId: string | null; teamId: string | null; status: string }): boolean {
  if (viewer.role === 'manager') return true;
  if (viewer.repId && lead.repId === viewer.repId) return true;
  return lead.status === 'unassigned' && lead.teamId !== null && viewer.teamIds.includes(lead.teamId);
}

/** The same as a query condition on leads (undefined: no condition, a manager). */
export function visibleLeads(viewer: Viewer): SQL | undefined {
  if (viewer.role === 'manager') return undefined;
  const own = viewer.repId ? eq(leads.repId, viewer.repId) : undefined;
  const teams = viewer.teamIds.length ? and(eq(leads.status, 'unassigned'), inArray(leads.teamId, viewer.teamIds)) : undefined;
  return or(...[own, teams].filter((x): x is SQL => x !== undefined)) ?? eq(leads.id, '');
}
