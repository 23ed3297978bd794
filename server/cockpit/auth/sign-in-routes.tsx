/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Language } from '../../../shared/localized';
import { createLimiter } from '../../http/rate-limit';
import { CsrfField, renderPage } from '../layout';
import { cockpitTexts } from '../texts';
import type { CockpitDeps } from '../cockpit-deps';
import { peekSignInLink } from './sign-in-links';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

// /app/sign-in: ask for a link (the answer is the same whether or not the address may sign in;
// limited per address and per client), open it (GET shows a button: mail scanners open links),
// use it (POST: once; sets the session cookie). Sign-in pages are in the site's default language
// and offer the other one.

const email = z.email().max(254);

export function signInRoutes(deps: CockpitDeps) {
  const app = new Hono();
  const perEmail = createLimiter({ limit: 5, windowMs: 15 * 60_000, clock: deps.clock });
  const perClient = createLimiter({ limit: 20, windowMs: 15 * 60_000, clock: deps.clock });
  const languageOf = (q: string | undefined): Language => (q === 'nl' || q === 'en' ? q : deps.config.sites[0].defaultLanguage);
  const other = (l: Language): Language => (l === 'nl' ? 'en' : 'nl');
  const switchLink = (l: Language, path: string) => (
    <p>
      <a href={`${path}?lang=${other(l)}`} lang={other(l)}>
        {other(l) === 'nl' ? 'Nederlands' : 'English'}
      </a>
    </p>
  );

  const form = (language: Language, error?: string, value = '') => {
    const t = cockpitTexts[language].signIn;
    return renderPage({
      language,
      title: t.title,
      children: (
        <>
          <p>{t.intro}</p>
          <form method="post" action={`/app/sign-in?lang=${language}`}>
            <label for="email">{t.email}</label>
            <input id="email" name="email" type="email" autocomplete="email" required value={value} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'email-error' : undefined} />
            {error && (
              <p id="email-error" class="error">
                {error}
              </p>
            )}
            <p>
              <button type="submit">{t.send}</button>
            </p>
          </form>
          {switchLink(language, '/app/sign-in')}
        </>
      ),
    });
  };
  const message = (language: Language, title: string, text: string, again = false) =>
    renderPage({
      language,
      title,
      children: (
        <>
          <p class="note">{text}</p>
          {again && (
            <p>
              <a href={`/app/sign-in?lang=${language}`}>{cockpitTexts[language].signIn.again}</a>
            </p>
          )}
        </>
      ),
    });

  app.get('/', (c) => c.html(form(languageOf(c.req.query('lang')))));

  app.post('/', async (c) => {
    const language = languageOf(c.req.query('lang'));
    const t = cockpitTexts[language].signIn;
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const given = typeof body.email === 'string' ? body.email.trim() : '';
    const parsed = email.safeParse(given);
    if (!parsed.success) return c.html(form(language, t.invalidEmail, given), 422);
    const address = parsed.data.toLowerCase();
    const wait = perClient.hit(deps.clientKey(c)) ?? perEmail.hit(address);
    if (wait !== undefined) {
      c.header('Retry-After', String(wait));
      return c.html(message(language, t.title, t.tooMany(Math.ceil(wait / 60))), 429);
    }
    await deps.writer('cockpit-request-link', { email: address, appUrl: deps.appUrl, linkTtlMs: deps.linkTtlMs });
    deps.onLeadStored?.(); // the sign-in mail is in the outbox: send soon
    return c.html(message(language, t.sentTitle, t.sent(Math.round(deps.linkTtlMs / 60_000))));
  });

  app.get('/:token', (c) => {
    const language = languageOf(c.req.query('lang'));
    const t = cockpitTexts[language].signIn;
    const seen = peekSignInLink(deps.db, c.req.param('token'), deps.clock.now());
    if (!seen.ok) return c.html(problem(language, seen.problem), seen.problem === 'unknown' ? 404 : 410);
    return c.html(
      renderPage({
        language,
        title: t.confirmTitle,
        children: (
          <>
            <p>{t.confirm}</p>
            <form method="post">
              <button type="submit">{t.confirmButton}</button>
            </form>
          </>
        ),
      }),
    );
  });

  app.post('/:token', async (c) => {
    const language = languageOf(c.req.query('lang'));
    const result = await deps.writer('cockpit-sign-in', { token: c.req.param('token'), policy: deps.sessionPolicy });
    if (!result.ok) return c.html(problem(language, result.problem), result.problem === 'unknown' ? 404 : result.problem === 'not-allowed' ? 403 : 410);
    setCookie(c, SESSION_COOKIE, result.cookie, sessionCookieOptions(deps.appUrl, deps.sessionPolicy));
    return c.redirect('/app/inbox', 303);
  });

  const problem = (language: Language, p: 'unknown' | 'used' | 'expired' | 'not-allowed') => {
    const t = cockpitTexts[language].signIn;
    const [title, text] =
      p === 'used' ? [t.usedTitle, t.used] : p === 'expired' ? [t.expiredTitle, t.expired] : p === 'not-allowed' ? [t.unknownTitle, t.notAllowed] : [t.unknownTitle, t.unknown];
    return message(language, title, text, true);
  };

  return app;
}

export { CsrfField };
