/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Language } from '../../shared/localized';
import { cockpitCsp } from './assets';
import { requireViewer } from './auth/require-viewer';
import { SESSION_COOKIE } from './auth/session-cookie';
import { signInRoutes } from './auth/sign-in-routes';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { renderPage } from './layout';
import { cockpitPages } from './pages';
import { cockpitTexts } from './texts';

// The cockpit at /app (issue 11): sign-in, then the pages of cockpit/pages.ts behind the gate.
// Every answer: no-store, noindex, the cockpit's CSP.

export function cockpitRoutes(deps: CockpitDeps) {
  const app = new Hono<CockpitEnv>();
  const note = (language: Language, title: string, text: string) =>
    renderPage({ language, title, children: <p class="note">{text}</p> });

  app.onError((err, c) => {
    deps.log.error('cockpit page failed', { path: c.req.path, method: c.req.method, error: err.stack ?? String(err) });
    const language = c.get('viewer')?.language ?? deps.config.sites[0].defaultLanguage;
    const t = cockpitTexts[language];
    return c.html(note(language, t.errorTitle, t.error), 500);
  });
  app.use('*', async function cockpitHeaders(c, next) {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', cockpitCsp());
  });

  app.route('/sign-in', signInRoutes(deps));
  app.use('*', requireViewer(deps, (language) => note(language, cockpitTexts[language].forbiddenTitle, cockpitTexts[language].forbidden)));
  app.get('/', (c) => c.redirect('/app/inbox', 303));
  app.post('/sign-out', async (c) => {
    const language = c.get('viewer').language;
    await deps.writer('cockpit-sign-out', { cookie: getCookie(c, SESSION_COOKIE)! });
    deleteCookie(c, SESSION_COOKIE, { path: '/app' });
    const t = cockpitTexts[language].signIn;
    return c.html(
      renderPage({
        language,
        title: t.signedOutTitle,
        children: (
          <p class="note">
            {t.signedOut} <a href={`/app/sign-in?lang=${language}`}>{t.title}</a>
          </p>
        ),
      }),
    );
  });
  for (const page of cockpitPages) app.route(page.path, page.routes(deps));
  // Last: anything else (a parent app's notFound would answer JSON).
  app.all('*', (c) => {
    const viewer = c.get('viewer');
    const t = cockpitTexts[viewer.language];
    return c.html(renderPage({ language: viewer.language, title: t.notFoundTitle, viewer, csrf: c.get('csrf'), children: <p class="note">{t.notFound}</p> }), 404);
  });
  return app;
}
