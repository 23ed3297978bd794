import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { CockpitDeps, CockpitEnv } from '../cockpit-deps';
import { viewerOf } from '../people';
import { SESSION_COOKIE } from './session-cookie';
import { readSession, TOUCH_EVERY_MS } from './sessions';
import { sameSecret } from './secret-token';

// The signed-in area's gate: a live session of someone still in the config, else the sign-in
// page (303). Every POST carries the session's CSRF token (form field `csrf` or header
// X-CSRF-Token), else 403 and nothing happens.

export function requireViewer(deps: CockpitDeps, forbidden: (language: 'nl' | 'en') => string): MiddlewareHandler<CockpitEnv> {
  return async (c, next) => {
    const now = deps.clock.now();
    const cookie = getCookie(c, SESSION_COOKIE);
    const session = readSession(deps.db, cookie, now, deps.sessionPolicy);
    const viewer = session && viewerOf(deps.config, session.email);
    if (!session || !viewer) return c.redirect('/app/sign-in', 303);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const header = c.req.header('X-CSRF-Token');
      const body = header ? undefined : await c.req.parseBody().catch(() => undefined);
      const given = header ?? (typeof body?.csrf === 'string' ? body.csrf : '');
      if (!given || !sameSecret(given, session.csrfToken)) return c.html(forbidden(viewer.language), 403);
    }
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await deps.writer('cockpit-touch', { cookie: cookie! });
    c.set('viewer', viewer);
    c.set('csrf', session.csrfToken);
    await next();
  };
}
