import type { Db } from '../db/open';

// Everything stored about one person, found by their email address as the erase finds them
// (privacy/erase.ts: exactly, case-insensitive): their leads with every column, each lead's
// history, process-agreement turns and outbox rows, and the confirmation-mail count kept for
// their address. Read through the leads_email_domain index, not a scan of all leads.

const JSON_COLUMNS = new Set(['stakeholder_roles', 'utm', 'explanation', 'response', 'proposal', 'changes', 'payload']);

type Row = Record<string, unknown>;
const readable = (row: Row): Row =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => {
      if (JSON_COLUMNS.has(k) && typeof v === 'string') {
        try {
          return [k, JSON.parse(v)];
        } catch {
          return [k, v];
        }
      }
      return [k, v];
    }),
  );

export interface PersonRecord {
  email: string;
  leads: Row[];
  history: Row[];
  agreementTurns: Row[];
  outbox: Row[];
  mailCounts: Row[];
}

export function normalAddress(email: string): string {
  return email.trim().toLowerCase();
}

export function personLeadCount(db: Db, email: string): number {
  const address = normalAddress(email);
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return (db.$client.prepare('select count(*) as n from leads where email_domain = ? and lower(contact_email) = ?').get(domain, address) as { n: number }).n;
}

export function personRecord(db: Db, email: string): PersonRecord {
  const sqlite = db.$client;
  const address = normalAddress(email);
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const leads = sqlite.prepare('select * from leads where email_domain = ? and lower(contact_email) = ? order by created_at').all(domain, address) as Row[];
  const ids = leads.map((l) => String(l.id));
  const byLead = (table: string, order: string) =>
    ids.flatMap((id) => sqlite.prepare(`select * from ${table} where lead_id = ? order by ${order}`).all(id) as Row[]).map(readable);
  return {
    email: address,
    leads: leads.map(readable),
    history: byLead('lead_events', 'at, id'),
    agreementTurns: byLead('agreement_turns', 'id'),
    outbox: byLead('outbox', 'id'),
    mailCounts: sqlite.prepare('select * from prospect_mail_counts where key = ?').all(`to:${address}`) as Row[],
  };
}
