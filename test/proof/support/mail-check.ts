import type { ReceivedMail } from '../../support/smtp-sink';
import type { Ack } from './client';

// Which acknowledged leads got their two mails (the rep's summary names the company in its
// subject; the prospect's confirmation goes to their own address), and how many came twice.

export interface MailReport {
  /** "company: rep mail" / "email: prospect mail" for every mail that never arrived. */
  missing: string[];
  /** Deliveries beyond the first of the same mail. */
  duplicates: number;
}

export function mailReport(acks: Ack[], messages: ReceivedMail[]): MailReport {
  const prospect = new Map<string, number>();
  const rep = new Map<string, number>();
  for (const m of messages) {
    for (const to of m.envelope.to) prospect.set(to, (prospect.get(to) ?? 0) + 1);
    const company = m.parsed.subject?.match(/Proof \S+ [0-9a-f]{8}/)?.[0];
    if (company && !m.envelope.to.some((to) => to.startsWith('p-'))) rep.set(company, (rep.get(company) ?? 0) + 1);
  }
  const missing: string[] = [];
  let duplicates = 0;
  for (const a of acks) {
    const r = rep.get(a.company) ?? 0;
    const p = prospect.get(a.email) ?? 0;
    if (!r) missing.push(`${a.company}: rep mail`);
    if (!p) missing.push(`${a.email}: prospect mail`);
    duplicates += Math.max(0, r - 1) + Math.max(0, p - 1);
  }
  return { missing, duplicates };
}
