import type { Db } from '../db/open';
import { perDatabase } from '../db/prepared';
import { isFreeMailDomain } from './free-mail-domains';

// The prospect's confirmation goes to an address nobody has verified: whoever fills in the form
// chooses it. So that Koers cannot be used to mail strangers (or one company's staff) in bulk
// from the vendor's domain, it sends at most PER_ADDRESS confirmations per address and
// PER_DOMAIN per company domain per UTC day. Past a cap the lead is stored, routed and mailed to
// its rep as always; only the confirmation is left out (the prospect saw the next step on the
// page). Free-mail domains (gmail.com…) have no domain cap: they are nobody's company, and the
// address cap still holds.

export interface ProspectMailCaps {
  perAddressPerDay: number;
  perDomainPerDay: number;
}

export const PROSPECT_MAIL_CAPS: ProspectMailCaps = { perAddressPerDay: 3, perDomainPerDay: 50 };

const DAY_MS = 24 * 60 * 60_000;

const statements = perDatabase((db: Db) => ({
  // Counts one more and answers the new count: one statement per key instead of a read and a write.
  add: db.$client.prepare<[string, number], { count: number }>(
    'INSERT INTO prospect_mail_counts (key, day, count) VALUES (?, ?, 1) ON CONFLICT (key, day) DO UPDATE SET count = count + 1 RETURNING count',
  ),
  sweep: db.$client.prepare('DELETE FROM prospect_mail_counts WHERE day < ?'),
  sweptDay: { day: -1 },
}));

/**
 * Counts one confirmation to `email` and answers true, or false when a cap is reached. The counts
 * are of confirmations asked for: a refused one counts too, so a cap only ever bites earlier (an
 * address past its cap no longer counts for its domain). Call inside the lead's write transaction.
 */
export function takeProspectMail(db: Db, email: string, now: number, caps: ProspectMailCaps = PROSPECT_MAIL_CAPS): boolean {
  const s = statements(db);
  const day = Math.floor(now / DAY_MS);
  if (s.sweptDay.day !== day) {
    s.sweptDay.day = day;
    s.sweep.run(day);
  }
  const address = email.toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (s.add.get(`to:${address}`, day)!.count > caps.perAddressPerDay) return false;
  // Free-mail domains are nobody's company: no domain cap (the address cap still holds).
  return isFreeMailDomain(domain) || s.add.get(`domain:${domain}`, day)!.count <= caps.perDomainPerDay;
}
