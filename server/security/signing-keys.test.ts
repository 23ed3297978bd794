import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { silentLog } from '../log';
import { ACTION_LINK_MAX_AGE_MS, readActionToken, signActionToken } from './action-links';
import { keyFilePath, loadSigningKeys, readKeyFile, rotateKeys, writeKeyFile } from './signing-keys';
import { sign, verify } from './signed-token';

// Security review 11: the signing key lived in the database (every backup could forge links
// forever), with no key id and no rotation.

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const setup = () => {
  dir = mkdtempSync(join(tmpdir(), 'koers-keys-'));
  const databasePath = join(dir, 'koers.db');
  const db = openDatabase(databasePath);
  const path = keyFilePath({ DATABASE_PATH: databasePath });
  const load = (now = 1_000_000) => loadSigningKeys({ path, db, now, log: silentLog });
  const settingsKey = () => db.$client.prepare(`select value from settings where key = 'signing-key'`).get() as { value: string } | undefined;
  return { db, path, load, settingsKey };
};

describe('signing keys', () => {
  it('are made at first start in a file beside the database, readable by its owner only, never in the database', () => {
    const { path, load, settingsKey } = setup();
    expect(path).toBe(join(dir, 'signing-keys.json'));
    const keys = load();
    expect(keys).toHaveLength(1);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(settingsKey()).toBeUndefined();
    expect(load().map((k) => k.id)).toEqual(keys.map((k) => k.id)); // the same keys on the next start
    const token = sign(keys, 'form:zeilmaker-web:1');
    expect(token.split('.')[0]).toBe(keys[0].id); // the token names its key
    expect(verify(load(), token)).toBe('form:zeilmaker-web:1');
  });

  it('move the old key out of the database at the first start after the upgrade: links already mailed keep working', () => {
    const { db, path, load, settingsKey } = setup();
    const old = Buffer.alloc(32, 9);
    db.$client.prepare(`insert into settings (key, value) values ('signing-key', ?)`).run(old.toString('base64url'));
    // A link as the old code signed it: `<payload>.<signature>`, no key id.
    const claim = { action: 'accept' as const, leadId: 'l-1', repId: 'anna', issuedAt: 900_000, expiresAt: 2_000_000 };
    const body = Buffer.from(`rep-action:accept:l-1:anna:900000:2000000`).toString('base64url');
    const oldLink = `${body}.${createHmac('sha256', old).update(body).digest('base64url')}`;

    const keys = load();
    expect(settingsKey()).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toContain(old.toString('base64url'));
    expect(readActionToken(keys, oldLink, 1_000_000)).toEqual({ ok: true, claim });
    // New links are signed with a fresh key, not the one every old backup holds.
    const fresh = signActionToken(keys, claim);
    expect(readActionToken(old, fresh, 1_000_000)).toEqual({ ok: false, problem: 'forged' });
    expect(readActionToken(load(), fresh, 1_000_000)).toEqual({ ok: true, claim });
  });

  it('rotate: the newest key signs, every key in the file verifies, keys retired over 30 days ago are dropped', () => {
    const { path, load } = setup();
    const first = load(0);
    const before = sign(first, 'x');
    const once = rotateKeys(readKeyFile(path), 1000);
    writeKeyFile(path, once.keys);
    const keys = load();
    expect(keys.map((k) => k.id)).toEqual([first[0].id, once.added.id]);
    expect(sign(keys, 'y').split('.')[0]).toBe(once.added.id);
    expect(verify(keys, before)).toBe('x');
    const later = rotateKeys(keys, 1000 + ACTION_LINK_MAX_AGE_MS + 1);
    expect(later.dropped.map((k) => k.id)).toEqual([first[0].id]);
    expect(verify(later.keys, before)).toBeUndefined();
  });

  it('npm run keys:rotate adds a key to the file the server uses', () => {
    const { path, load } = setup();
    const [first] = load();
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/rotate-signing-key.ts'], {
      env: { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'koers.db') },
      encoding: 'utf8',
    });
    expect(out).toMatch(/added key [\w-]+; it signs after the next restart/);
    const keys = readKeyFile(path);
    expect(keys).toHaveLength(2);
    expect(keys[0].id).toBe(first.id);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuse a broken key file at start, saying what is wrong', () => {
    const { path, load } = setup();
    writeFileSync(path, '{"keys":[]}');
    expect(() => load()).toThrow(/no keys/);
    writeFileSync(path, '{"keys":[{"id":"a.b","secret":"short","createdAt":"2026-01-01T00:00:00Z"}]}');
    expect(() => load()).toThrow(/keys\[0\] needs an id/);
    expect(existsSync(path)).toBe(true);
  });
});
