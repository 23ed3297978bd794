import type { WriteDeps } from '../../threads/writes';
import { enqueueMail } from '../../outbox/enqueue';
import { viewerOf } from '../people';
import { signInMail } from './sign-in-mail';
import { consumeSignInLink, createSignInLink, type ConsumeResult } from './sign-in-links';
import { createSession, endSession, touchSession, type SessionPolicy } from './sessions';

// The cockpit's sign-in writes (threads/writes.ts runs them in the store thread): asking for a
// link, using it, keeping a session alive, signing out. Each in one immediate transaction.

/** A link for a known address, mailed through the outbox; an unknown address gets nothing (the page says the same either way). */
export function requestSignInLink(deps: WriteDeps, input: { email: string; appUrl: string; linkTtlMs: number }): { mailed: boolean } {
  const viewer = viewerOf(deps.config, input.email);
  if (!viewer) return { mailed: false };
  return deps.db.transaction(
    () => {
      const now = deps.clock.now();
      const token = createSignInLink(deps.db, viewer.email, now, input.linkTtlMs);
      const href = `${input.appUrl}/sign-in/${token}`;
      enqueueMail(deps.db, signInMail({ config: deps.config, to: { name: viewer.name, address: viewer.email }, language: viewer.language, href, ttlMs: input.linkTtlMs }), { now });
      return { mailed: true };
    },
    { behavior: 'immediate' },
  );
}

export type SignInResult = { ok: true; cookie: string; csrfToken: string; email: string } | Extract<ConsumeResult, { ok: false }> | { ok: false; problem: 'not-allowed' };

/** Uses the link once and opens a session — for someone who is (still) in the config. */
export function signIn(deps: WriteDeps, input: { token: string; policy: SessionPolicy }): SignInResult {
  return deps.db.transaction(
    () => {
      const now = deps.clock.now();
      const used = consumeSignInLink(deps.db, input.token, now);
      if (!used.ok) return used;
      if (!viewerOf(deps.config, used.email)) return { ok: false as const, problem: 'not-allowed' as const };
      return { ok: true as const, email: used.email, ...createSession(deps.db, used.email, now, input.policy) };
    },
    { behavior: 'immediate' },
  );
}

export function touch(deps: WriteDeps, input: { cookie: string }): void {
  touchSession(deps.db, input.cookie, deps.clock.now());
}

export function signOut(deps: WriteDeps, input: { cookie: string }): void {
  endSession(deps.db, input.cookie, deps.clock.now());
}
