import { openDatabase } from '../server/db/open';
import { eraseEmail } from '../server/privacy/erase';

// npm run erase -- someone@example.com   (uses DATABASE_PATH, default ./data/koers.db)
// Exit 0: erased, no copy left in the files. Exit 1: not (or not completely) erased, with why.
const email = process.argv[2];
if (!email || !email.includes('@')) {
  console.error('usage: npm run erase -- <email address>');
  process.exit(2);
}
const path = process.env.DATABASE_PATH ?? './data/koers.db';
const db = openDatabase(path);
try {
  const r = eraseEmail(db, email);
  console.log(
    `erased ${email} from ${path}: ${r.leads} lead(s), ${r.outbox} outbox row(s), ${r.devMail} development mail(s); ` +
      `taken out of ${r.outboxEdited} other outbox row(s)`,
  );
} catch (error) {
  console.error(`ERASE INCOMPLETE for ${email} in ${path}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
