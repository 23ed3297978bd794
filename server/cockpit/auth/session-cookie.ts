import type { CookieOptions } from 'hono/utils/cookie';
import type { SessionPolicy } from './sessions';

// The session cookie: HttpOnly, SameSite=Lax, only sent to /app, Secure when the cockpit is on https.

export const SESSION_COOKIE = 'koers_session';

export function sessionCookieOptions(appUrl: string, policy: SessionPolicy): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/app',
    secure: appUrl.startsWith('https:'),
    maxAge: Math.floor(policy.maxMs / 1000),
  };
}
