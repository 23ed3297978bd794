import { existsSync } from 'node:fs';
import { keyFilePath, readKeyFile, rotateKeys, writeKeyFile } from '../server/security/signing-keys';

// `npm run keys:rotate`: adds a new signing key to the key file (the newest signs; every key in
// the file still verifies) and drops keys that stopped signing more than 30 days ago (all links
// they signed have expired). Restart Koers afterwards to sign with the new key.

const path = keyFilePath({ SIGNING_KEY_FILE: process.env.SIGNING_KEY_FILE || undefined, DATABASE_PATH: process.env.DATABASE_PATH || './data/koers.db' });
if (!existsSync(path)) {
  console.error(`No key file at ${path}. Start Koers once (it makes the file), or set SIGNING_KEY_FILE / DATABASE_PATH as the server has them.`);
  process.exit(1);
}
try {
  const { keys, added, dropped } = rotateKeys(readKeyFile(path), Date.now());
  writeKeyFile(path, keys);
  console.log(`${path}: added key ${added.id}; it signs after the next restart of Koers.`);
  if (dropped.length) console.log(`Dropped ${dropped.map((k) => k.id).join(', ')}: every link they signed has expired.`);
  console.log(`Keys now: ${keys.map((k) => k.id).join(', ')}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
