import { eq, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { sessions } from '../../db/schema';
import { hashSecret, newSecret } from './secret-token';

// Cockpit sessions: the cookie holds a random secret, the database its hash, the person's email,
// an idle and an absolute expiry, and the CSRF token its forms carry.

export interface SessionPolicy {
  /** Ends after this long without a request. */
  idleMs: number;
  /** Ends this long after sign-in, whatever the activity. */
  maxMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 8 * 60 * 60_000, maxMs: 7 * 24 * 60 * 60_000 };
/** lastSeen is written at most this often (a page view is not a write each time). */
export const TOUCH_EVERY_MS = 60_000;

export type Session = typeof sessions.$inferSelect;

export function createSession(db: Db, email: string, now: number, policy: SessionPolicy): { cookie: string; csrfToken: string } {
  const cookie = newSecret();
  const csrfToken = newSecret();
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run(); // sweep ended ones
  db.insert(sessions).values({ idHash: hashSecret(cookie), email, createdAt: now, lastSeenAt: now, expiresAt: now + policy.maxMs, csrfToken }).run();
  return { cookie, csrfToken };
}

/** The live session of a cookie, or undefined (unknown, idle too long, past its absolute end). */
export function readSession(db: Pick<Db, 'select'>, cookie: string | undefined, now: number, policy: SessionPolicy): Session | undefined {
  if (!cookie) return undefined;
  const row = db.select().from(sessions).where(eq(sessions.idHash, hashSecret(cookie))).get();
  if (!row || row.expiresAt <= now || row.lastSeenAt + policy.idleMs <= now) return undefined;
  return row;
}

export function touchSession(db: Db, cookie: string, now: number): void {
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, hashSecret(cookie))).run();
}

/** Signs out: the session row is gone (also every ended one). */
export function endSession(db: Db, cookie: string, now: number): void {
  db.delete(sessions).where(or(eq(sessions.idHash, hashSecret(cookie)), lt(sessions.expiresAt, now))).run();
}
