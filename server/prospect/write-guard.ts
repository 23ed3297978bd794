import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { appliedRequests } from '../db/schema';
import type { LeadRow } from '../mail/rep-lead';
import { readLead } from './page-state';

// What every write of the prospect's page checks first, inside its transaction: the lead still
// exists, the link's epoch is still the lead's (not revoked meanwhile), and the form's request key
// was not applied before (a double click or a resent form changes nothing the second time).

export interface PageWriteInput {
  leadId: string;
  /** The epoch of the link the request came with. */
  epoch: number;
  /** The form's random key (applied_requests). */
  requestKey: string;
}

/** Outcomes that changed nothing; the page then shows the lead as it is now. */
export type NoChange = { outcome: 'gone' | 'revoked' | 'repeated' | 'closed' | 'stale' | 'unchanged' | 'not-paused' };

const keyOf = (input: PageWriteInput) => `prospect:${input.leadId}:${input.requestKey}`;

export function openLead(tx: Pick<Db, 'select'>, input: PageWriteInput): LeadRow | NoChange {
  const lead = readLead(tx, input.leadId);
  if (!lead) return { outcome: 'gone' };
  if (lead.prospectLinkEpoch !== input.epoch) return { outcome: 'revoked' };
  const applied = tx
    .select({ key: appliedRequests.key })
    .from(appliedRequests)
    .where(and(eq(appliedRequests.key, keyOf(input)), eq(appliedRequests.leadId, lead.id)))
    .get();
  if (applied) return { outcome: 'repeated' };
  return lead;
}

/** Records the request key with the change it made (same transaction). */
export function markApplied(tx: Pick<Db, 'insert'>, input: PageWriteInput, now: number) {
  tx.insert(appliedRequests).values({ key: keyOf(input), leadId: input.leadId, at: now }).run();
}

export function isNoChange(x: LeadRow | NoChange): x is NoChange {
  return 'outcome' in x;
}
