import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Random bearer secrets (sign-in links, session cookies, CSRF tokens): 32 random bytes, base64url.
// Only their SHA-256 is stored, so a copy of the database lets nobody sign in.

export const newSecret = () => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** Constant-time comparison of two strings (CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
