import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { signInLinks } from '../../db/schema';
import { hashSecret, newSecret } from './secret-token';

// Magic sign-in links: single use, short-lived; only the token's hash is stored. Using one is a
// POST (mail scanners open links: a GET only shows the button).

export type ConsumeResult = { ok: true; email: string } | { ok: false; problem: 'unknown' | 'used' | 'expired' };

/** A new link's token for `email`, valid `ttlMs`. Old rows are swept on the way. */
export function createSignInLink(db: Db, email: string, now: number, ttlMs: number): string {
  const token = newSecret();
  db.delete(signInLinks).where(lt(signInLinks.expiresAt, now - 24 * 60 * 60_000)).run();
  db.insert(signInLinks).values({ tokenHash: hashSecret(token), email, createdAt: now, expiresAt: now + ttlMs }).run();
  return token;
}

/** What a link's token is worth now, without using it (the GET page). */
export function peekSignInLink(db: Pick<Db, 'select'>, token: string, now: number): ConsumeResult {
  const row = db.select().from(signInLinks).where(eq(signInLinks.tokenHash, hashSecret(token))).get();
  if (!row) return { ok: false, problem: 'unknown' };
  if (row.usedAt !== null) return { ok: false, problem: 'used' };
  if (row.expiresAt < now) return { ok: false, problem: 'expired' };
  return { ok: true, email: row.email };
}

/** Uses the link: once. A second use (a double click, a replay) is "used". Call it inside the write transaction. */
export function consumeSignInLink(db: Db, token: string, now: number): ConsumeResult {
  const seen = peekSignInLink(db, token, now);
  if (!seen.ok) return seen;
  const used = db
    .update(signInLinks)
    .set({ usedAt: now })
    .where(and(eq(signInLinks.tokenHash, hashSecret(token)), isNull(signInLinks.usedAt)))
    .run();
  return used.changes === 1 ? seen : { ok: false, problem: 'used' };
}
