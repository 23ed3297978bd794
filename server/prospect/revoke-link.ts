import { eq, sql } from 'drizzle-orm';
import { leads } from '../db/schema';
import { recordEvent } from '../leads/lead-history';
import type { WriteDeps } from '../threads/writes';

// Revoking a lead's prospect-page links (admin API): the epoch goes up, so every link issued before
// says "revoked"; links in mails sent afterwards carry the new epoch. History: 'link-revoked'.

export type RevokeResult = { found: false } | { found: true; epoch: number };

export function revokeProspectLinks(deps: WriteDeps, input: { leadId: string }): RevokeResult {
  const { db } = deps;
  return db.transaction(
    (tx) => {
      const now = deps.clock.now();
      const row = tx
        .update(leads)
        .set({ prospectLinkEpoch: sql`${leads.prospectLinkEpoch} + 1`, updatedAt: now })
        .where(eq(leads.id, input.leadId))
        .returning({ epoch: leads.prospectLinkEpoch })
        .get();
      if (!row) return { found: false as const };
      recordEvent(db, { leadId: input.leadId, at: now, type: 'link-revoked', detail: 'revoked with the admin API' });
      return { found: true as const, epoch: row.epoch };
    },
    { behavior: 'immediate' },
  );
}
