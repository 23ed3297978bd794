import type { Db } from '../db/open';
import { checkpointWal } from './checkpoint';
import { personMatchers } from './match-person';
import { scrubJson } from './scrub-json';
import type { VendorConfig } from '../../shared/config';
import { webhookErased } from '../webhooks/events';

// Erases one person (by email address, matched exactly and case-insensitively) from leads, their
// history, the outbox and the development outbox. Outbox payloads are edited as parsed JSON, never
// as text: other leads' mails that name the person keep going out with "[erased]" in their place.
// secure_delete overwrites what is deleted, VACUUM rewrites the file without stale copies, and a
// checked WAL checkpoint removes the old copies from the write-ahead log (or the erase fails).

export interface EraseResult {
  leads: number;
  /** Outbox rows deleted (the person's own, and mails to them). */
  outbox: number;
  /** Other outbox rows from which the person was taken out. */
  outboxEdited: number;
  devMail: number;
  /** `lead.erased` deliveries queued (one per erased lead and webhook that wants it). */
  webhookEvents: number;
}

export interface EraseOptions {
  /** Checkpoint attempts before the erase fails (the data is then erased but still in the -wal file). */
  checkpointAttempts?: number;
  checkpointWaitMs?: number;
  /** Queue `lead.erased` for these webhooks, in the erase's transaction (the cockpit's erase, and the command line when it could load the config). */
  webhooks?: { config: Pick<VendorConfig, 'webhooks' | 'reps'>; now: number };
}

/** The leads of one email address (exact, case-insensitive): what an erase of it removes. */
export function peopleOf(db: Db, email: string): { id: string; name: string }[] {
  return db.$client.prepare('select id, contact_name as name from leads where lower(contact_email) = ?').all(email.trim().toLowerCase()) as { id: string; name: string }[];
}

export function eraseEmail(db: Db, email: string, opts: EraseOptions = {}): EraseResult {
  const sqlite = db.$client;
  const address = email.trim().toLowerCase();
  sqlite.pragma('secure_delete = ON');
  const result = sqlite.transaction(() => {
    const people = peopleOf(db, address);
    const leadIds = people.map((p) => p.id);
    const match = personMatchers({ address, leadIds, names: [...new Set(people.map((p) => p.name))] });

    let outboxRows = 0;
    let outboxEdited = 0;
    const deleteRow = sqlite.prepare('delete from outbox where id = ?');
    for (const id of leadIds) outboxRows += sqlite.prepare('delete from outbox where lead_id = ?').run(id).changes;
    const setPayload = sqlite.prepare('update outbox set payload = ? where id = ?');
    for (const row of sqlite.prepare('select id, payload from outbox').all() as { id: number; payload: string }[]) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(row.payload);
      } catch {
        // Not JSON (the worker marks it dead): it cannot be edited, so if it names them it goes.
        if (match.identifies(row.payload) || match.scrub(row.payload) !== row.payload) outboxRows += deleteRow.run(row.id).changes;
        continue;
      }
      const scrubbed = scrubJson(parsed, match, leadIds);
      if (scrubbed.addressed) outboxRows += deleteRow.run(row.id).changes;
      else if (scrubbed.changed) outboxEdited += setPayload.run(JSON.stringify(scrubbed.value), row.id).changes;
    }

    // Development mails are finished MIME: those to the person, or naming their address or a lead of theirs, go whole.
    let devMail = 0;
    const deleteDevMail = sqlite.prepare('delete from dev_mail where id = ?');
    const devMails = sqlite.prepare('select id, "to", text, html, raw from dev_mail').all() as { id: number; to: string; text: string; html: string | null; raw: string }[];
    for (const m of devMails) {
      const to = m.to.split(',').some((a) => match.isAddress(a));
      if (to || [m.text, m.html ?? '', m.raw].some((t) => match.identifies(t))) devMail += deleteDevMail.run(m.id).changes;
    }

    // The per-recipient cap counts of confirmation mails (leads/prospect-mail-cap.ts) name the address.
    sqlite.prepare('delete from prospect_mail_counts where key = ?').run(`to:${address}`);

    let leadRows = 0;
    for (const id of leadIds) leadRows += sqlite.prepare('delete from leads where id = ?').run(id).changes; // events cascade
    // After the scrub above (it would take the ids out).
    const webhookEvents = opts.webhooks ? webhookErased({ db, config: opts.webhooks.config }, leadIds, opts.webhooks.now) : 0;
    return { leads: leadRows, outbox: outboxRows, outboxEdited, devMail, webhookEvents };
  })();
  // secure_delete zeroes deleted cells, but page splits leave stale copies of rows in pages'
  // free space; VACUUM rewrites every page, so no copy survives. It holds the write lock while
  // it runs (seconds per GB): run an erase at a quiet moment.
  sqlite.exec('VACUUM');
  checkpointWal(sqlite, { attempts: opts.checkpointAttempts, waitMs: opts.checkpointWaitMs });
  return result;
}
