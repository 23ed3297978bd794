import { createHmac, timingSafeEqual } from 'node:crypto';

// Compact HMAC-SHA256 tokens: `<key id>.<payload>.<signature>` (payload and signature base64url),
// used for the form's token and for rep action links. Signed with the newest key of the key file
// (signing-keys.ts); verified with whichever key the id names, so links signed before a rotation
// keep working. A token without a key id (`<payload>.<signature>`, before key files) is checked
// with the key that was moved out of the database (id LEGACY_KEY_ID).

export interface SigningKey {
  /** Letters, digits, `-` and `_` (no dot). */
  id: string;
  secret: Uint8Array;
  createdAt: number;
}
/** The keys in force, oldest first; the last one signs. A bare secret is a ring of one (tests). */
export type SigningKeys = readonly SigningKey[] | Uint8Array;

export const LEGACY_KEY_ID = 'db';
const BARE_KEY_ID = 'k0';

const ring = (keys: SigningKeys): readonly SigningKey[] => (keys instanceof Uint8Array ? [{ id: BARE_KEY_ID, secret: keys, createdAt: 0 }] : keys);

export function sign(keys: SigningKeys, payload: string): string {
  const all = ring(keys);
  const key = all[all.length - 1];
  const signed = `${key.id}.${Buffer.from(payload, 'utf8').toString('base64url')}`;
  return `${signed}.${mac(key.secret, signed)}`;
}

/** The payload when the signature is right, else undefined. */
export function verify(keys: SigningKeys, token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length < 2 || parts.length > 3) return undefined;
  const id = parts.length === 3 ? parts[0] : LEGACY_KEY_ID;
  const key = ring(keys).find((k) => k.id === id);
  if (!key || !parts[parts.length - 2]) return undefined;
  const signed = parts.slice(0, -1).join('.');
  // Compare the text, not decoded bytes: Node's base64url decoder skips foreign characters, so
  // "ab>c" would decode like "abc" and an altered token would pass.
  const given = Buffer.from(parts[parts.length - 1], 'utf8');
  const expected = Buffer.from(mac(key.secret, signed), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return Buffer.from(parts[parts.length - 2], 'base64url').toString('utf8');
}

function mac(secret: Uint8Array, signed: string): string {
  return createHmac('sha256', secret).update(signed).digest('base64url');
}
