import type { Db } from '../db/open';

// Erases one person (by email address) from leads, their history, the outbox and the development
// outbox. secure_delete overwrites what is deleted, VACUUM rewrites the file without stale copies,
// and a WAL checkpoint removes the old copies from the write-ahead log too.

export interface EraseResult {
  leads: number;
  outbox: number;
  devMail: number;
}

export function eraseEmail(db: Db, email: string): EraseResult {
  const sqlite = db.$client;
  const address = email.trim().toLowerCase();
  // Mail payloads and dev mails are JSON/MIME text: match the address as written anywhere in them.
  const like = `%${address.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  sqlite.pragma('secure_delete = ON');
  const result = sqlite.transaction(() => {
    const people = sqlite.prepare('select id, contact_name as name from leads where lower(contact_email) = ?').all(address) as {
      id: string;
      name: string;
    }[];
    const ids = people.map((p) => p.id);
    let outboxRows = 0;
    for (const id of ids) outboxRows += sqlite.prepare('delete from outbox where lead_id = ?').run(id).changes;
    outboxRows += sqlite.prepare(`delete from outbox where lower(payload) like ? escape '\\'`).run(like).changes;
    // Other leads' mails may name this person ("existing account: earlier lead from …"): keep
    // those mails (they may still have to be sent) but take the person out of them.
    for (const { id, name } of people) {
      sqlite
        .prepare(`update outbox set payload = replace(replace(payload, ?, '[erased]'), ?, '[erased]') where instr(payload, ?) > 0`)
        .run(name, id, id);
    }
    const devMail = sqlite.prepare(`delete from dev_mail where lower("to") like ? escape '\\' or lower(raw) like ? escape '\\'`).run(like, like).changes;
    let leadRows = 0;
    for (const id of ids) leadRows += sqlite.prepare('delete from leads where id = ?').run(id).changes; // events cascade
    return { leads: leadRows, outbox: outboxRows, devMail };
  })();
  // secure_delete zeroes deleted cells, but page splits leave stale copies of rows in pages'
  // free space; VACUUM rewrites every page, so no copy survives. It holds the write lock while
  // it runs (seconds per GB): run an erase at a quiet moment.
  sqlite.exec('VACUUM');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}
