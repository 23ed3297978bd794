import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

/**
 * The server's secret for signed tokens and links, made at first start and kept in the database,
 * so links in mails stay valid over restarts and no one has to configure a secret.
 */
export function loadSigningKey(db: Db): Buffer {
  const fresh = randomBytes(32).toString('base64url');
  db.insert(settings).values({ key: 'signing-key', value: fresh }).onConflictDoNothing().run();
  const row = db.$client.prepare(`select value from settings where key = 'signing-key'`).get() as { value: string };
  return Buffer.from(row.value, 'base64url');
}
