import { createHmac, timingSafeEqual } from 'node:crypto';

// Compact HMAC-SHA256 tokens: `<payload>.<signature>`, both base64url. Used for the form's
// "shown at" token and for rep action links.

export function sign(key: Buffer, payload: string): string {
  const body = Buffer.from(payload, 'utf8').toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** The payload when the signature is right, else undefined. */
export function verify(key: Buffer, token: string): string | undefined {
  const dot = token.indexOf('.');
  if (dot < 1) return undefined;
  const body = token.slice(0, dot);
  // Compare the text, not decoded bytes: Node's base64url decoder skips foreign characters, so
  // "ab>c" would decode like "abc" and an altered token would pass.
  const given = Buffer.from(token.slice(dot + 1), 'utf8');
  const expected = Buffer.from(mac(key, body), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return Buffer.from(body, 'base64url').toString('utf8');
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}
