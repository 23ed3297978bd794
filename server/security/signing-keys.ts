import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../db/open';
import type { Log } from '../log';
import { ACTION_LINK_MAX_AGE_MS } from './action-links';
import { LEGACY_KEY_ID, type SigningKey } from './signed-token';

// The secrets that sign rep links and form tokens live in a key file beside the database (or
// SIGNING_KEY_FILE), mode 0600, not in the database: a database backup can no longer forge links.
// Made at first start; `npm run keys:rotate` adds a key (scripts/rotate-signing-key.ts). Before
// key files the one key was in the `settings` table: the first start after the upgrade moves it
// into the file (so links already mailed keep working) and deletes it from the database.

export const KEY_FILE_NAME = 'signing-keys.json';

interface KeyFile {
  keys: { id: string; secret: string; createdAt: string }[];
}

/** SIGNING_KEY_FILE, else `signing-keys.json` in the database's folder. */
export function keyFilePath(env: { SIGNING_KEY_FILE?: string; DATABASE_PATH: string }): string {
  return env.SIGNING_KEY_FILE ?? join(dirname(env.DATABASE_PATH), KEY_FILE_NAME);
}

export function newKey(now: number): SigningKey {
  const day = new Date(now).toISOString().slice(0, 10);
  return { id: `${day}-${randomBytes(3).toString('hex')}`, secret: randomBytes(32), createdAt: now };
}

/** The keys of a key file, oldest first; throws with what is wrong. */
export function readKeyFile(path: string): SigningKey[] {
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  } catch (error) {
    throw new Error(`${path}: not a readable key file (${(error as Error).message})`);
  }
  const keys = Array.isArray(parsed?.keys) ? parsed.keys : [];
  if (!keys.length) throw new Error(`${path}: no keys (expected {"keys":[{"id","secret","createdAt"}]}; delete the file to make a new one, which ends every link already mailed)`);
  return keys.map((k, i) => {
    const secret = Buffer.from(String(k.secret), 'base64url');
    if (!/^[\w-]+$/.test(String(k.id)) || secret.length < 32 || Number.isNaN(Date.parse(k.createdAt))) {
      throw new Error(`${path}: keys[${i}] needs an id of letters, digits, - or _, a base64url secret of at least 32 bytes and an ISO createdAt`);
    }
    return { id: k.id, secret, createdAt: Date.parse(k.createdAt) };
  });
}

/** Writes the file whole (temporary file, fsync, rename), readable by its owner only. */
export function writeKeyFile(path: string, keys: readonly SigningKey[]): void {
  const body: KeyFile = {
    keys: keys.map((k) => ({ id: k.id, secret: Buffer.from(k.secret).toString('base64url'), createdAt: new Date(k.createdAt).toISOString() })),
  };
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(body, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/**
 * Adds a new signing key, and drops keys that stopped signing (a newer key came) longer than
 * ACTION_LINK_MAX_AGE_MS ago: every link they signed has expired.
 */
export function rotateKeys(keys: readonly SigningKey[], now: number): { keys: SigningKey[]; added: SigningKey; dropped: SigningKey[] } {
  const added = newKey(now);
  const all = [...keys, added];
  const dropped = all.filter((_, i) => i < all.length - 1 && now - all[i + 1].createdAt > ACTION_LINK_MAX_AGE_MS);
  return { keys: all.filter((k) => !dropped.includes(k)), added, dropped };
}

/** The keys in force: from the key file, made (or moved from the database) when needed. */
export function loadSigningKeys(deps: { path: string; db: Db; now: number; log: Log }): SigningKey[] {
  const { path, db, now, log } = deps;
  let keys = existsSync(path) ? readKeyFile(path) : [];
  const legacy = db.$client.prepare(`select value from settings where key = 'signing-key'`).get() as { value: string } | undefined;
  let changed = false;
  if (legacy && !keys.some((k) => k.id === LEGACY_KEY_ID)) {
    // Before the newest key, so it only verifies links already mailed; a fresh key signs.
    keys = [{ id: LEGACY_KEY_ID, secret: Buffer.from(legacy.value, 'base64url'), createdAt: now }, ...keys];
    if (keys.length === 1) keys.push(newKey(now));
    changed = true;
  }
  if (!keys.length) {
    keys = [newKey(now)];
    changed = true;
  }
  if (changed) {
    writeKeyFile(path, keys);
    log.info(`Signing keys: ${path}${legacy ? ' (the key moved here from the database)' : ' (new)'}`);
  }
  if (legacy) {
    // Only once the file holds it; with secure_delete so its bytes are overwritten in the file.
    db.$client.pragma('secure_delete = ON');
    db.$client.prepare(`delete from settings where key = 'signing-key'`).run();
    db.$client.pragma('secure_delete = OFF');
  }
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) log.warn(`${path} is readable by others (mode ${mode.toString(8)}): chmod 600 ${path}`);
  return keys;
}
