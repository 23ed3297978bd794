import { openDatabase } from '../server/db/open';
import { eraseEmail } from '../server/privacy/erase';

// npm run erase -- someone@example.com   (uses DATABASE_PATH, default ./data/koers.db)
const email = process.argv[2];
if (!email || !email.includes('@')) {
  console.error('usage: npm run erase -- <email address>');
  process.exit(2);
}
const path = process.env.DATABASE_PATH ?? './data/koers.db';
const db = openDatabase(path);
const result = eraseEmail(db, email);
db.$client.close();
console.log(`erased ${email} from ${path}: ${result.leads} lead(s), ${result.outbox} outbox row(s), ${result.devMail} development mail(s)`);
