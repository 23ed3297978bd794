/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { escapeHtml } from '../mail/escape';
import { Hono, type Context } from 'hono';
import type { Site } from '../../shared/config';
import { LANGUAGES, type Language } from '../../shared/localized';
import { cockpitCsp } from './assets';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { embedTexts } from './embed-texts';
import { renderPage } from './layout';
import { cockpitTexts } from './texts';

// /app/embed (managers; anyone else 404): per site the snippet (launcher and inline) with a copy
// button (SCRIPTS.copy; without script the snippet is selectable text) and a live preview per
// language: an iframe of /app/embed/preview, a page on this server's own origin that loads
// /widget.js like a customer's page. The API already accepts the server's own origin (PUBLIC_URL,
// as for /demo), so no site needs the cockpit's origin in its list.

/** The embed code; with the vendor's fallback contact, which the widget shows when the form cannot load. */
export const snippets = (publicUrl: string, site: string, fallback?: { email?: string; phone?: string }) => {
  const src = `${publicUrl.replace(/\/$/, '')}/widget.js`;
  const contact = `${fallback?.email ? ` data-fallback-email="${escapeHtml(fallback.email)}"` : ''}${fallback?.phone ? ` data-fallback-phone="${escapeHtml(fallback.phone)}"` : ''}`;
  const script = `<script src="${src}" data-site="${site}"${contact} async></script>`;
  // The other pages of the site: remembers the visit's first UTM parameters and click ids, shows nothing.
  const capture = `<script src="${src}" data-site="${site}" data-mode="capture" async></script>`;
  return { launcher: script, inline: `<div data-koers></div>\n${script}`, capture };
};


const languageName = (code: string, language: Language) => new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;

export function embedRoutes(deps: CockpitDeps) {
  const app = new Hono<CockpitEnv>();
  const notFound = (c: Context<CockpitEnv>) => {
    const viewer = c.get('viewer');
    const t = cockpitTexts[viewer.language];
    return c.html(renderPage({ language: viewer.language, title: t.notFoundTitle, viewer, csrf: c.get('csrf'), children: <p class="note">{t.notFound}</p> }), 404);
  };

  app.get('/', (c) => {
    const viewer = c.get('viewer');
    if (viewer.role !== 'manager') return notFound(c);
    if (Object.keys(c.req.queries()).length) return notFound(c);
    const t = embedTexts[viewer.language];
    // The page frames its own previews: frame-src 'self' on top of the cockpit's policy.
    c.header('Content-Security-Policy', `${cockpitCsp()}; frame-src 'self'`);
    return c.html(
      renderPage({
        language: viewer.language,
        title: t.title,
        viewer,
        csrf: c.get('csrf'),
        current: 'embed',
        scripts: ['copy'],
        children: (
          <>
            <p>{t.intro}</p>
            {deps.config.sites.map((site) => (
              <SiteEmbed site={site} language={viewer.language} publicUrl={deps.publicUrl} fallback={deps.config.vendor.fallbackContact} />
            ))}
          </>
        ),
      }),
    );
  });

  app.get('/preview', (c) => {
    const viewer = c.get('viewer');
    if (viewer.role !== 'manager') return notFound(c);
    const site = deps.config.sites.find((s) => s.key === c.req.query('site'));
    const lang = c.req.query('lang');
    const unknown = Object.keys(c.req.queries()).filter((k) => k !== 'site' && k !== 'lang');
    if (!site || !lang || !site.languages.includes(lang as Language) || unknown.length) return notFound(c);
    const t = embedTexts[viewer.language];
    // Like a careful customer's page: only our own script and API; framed only by the cockpit
    // (frame-ancestors 'self' takes precedence over the X-Frame-Options: DENY of every answer).
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; script-src 'self'; connect-src 'self'; img-src data:; style-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
    );
    const title = t.previewPageTitle(site.key, languageName(lang, viewer.language));
    // Written out (not JSX, which would move the script into <head>): the page as a customer writes it.
    return c.html(
      `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
<div data-koers></div>
</main>
<script src="/widget.js" data-site="${escapeHtml(site.key)}" data-lang="${lang}" async></script>
</body>
</html>
`,
    );
  });
  return app;
}

function Snippet({ id, title, code, language }: { id: string; title: string; code: string; language: Language }) {
  const t = embedTexts[language];
  return (
    <div class="snippet">
      <h3 id={`${id}-title`}>{title}</h3>
      <pre>
        <code id={id} aria-labelledby={`${id}-title`}>
          {code}
        </code>
      </pre>
      <button type="button" class="secondary" data-copy={id} data-done={t.copied} data-fail={t.copyFailed} hidden>
        {t.copy}
      </button>{' '}
      <span id={`${id}-status`} role="status"></span>
    </div>
  );
}

function SiteEmbed({ site, language, publicUrl, fallback }: { site: Site; language: Language; publicUrl: string; fallback?: { email?: string; phone?: string } }) {
  const t = embedTexts[language];
  const code = snippets(publicUrl, site.key, fallback);
  return (
    <section aria-labelledby={`site-${site.key}`} data-site={site.key}>
      <h2 id={`site-${site.key}`}>{t.site(site.key)}</h2>
      <dl class="facts">
        <dt>{t.origins}</dt>
        <dd>{site.origins.join(', ')}</dd>
        <dt>{t.languages}</dt>
        <dd>{site.languages.map((l) => languageName(l, language)).join(', ')}</dd>
      </dl>
      <Snippet id={`launcher-${site.key}`} title={t.launcherTitle} code={code.launcher} language={language} />
      <Snippet id={`inline-${site.key}`} title={t.inlineTitle} code={code.inline} language={language} />
      <Snippet id={`capture-${site.key}`} title={t.captureTitle} code={code.capture} language={language} />
      <p class="muted">{t.captureIntro}</p>
      <h3>{t.eventsTitle}</h3>
      <p>{t.eventsIntro}</p>
      <h3>{t.previewTitle}</h3>
      <p class="muted">{t.previewIntro}</p>
      <div class="previews">
        {site.languages
          .filter((l) => (LANGUAGES as readonly string[]).includes(l))
          .map((l) => (
            <iframe
              src={`/app/embed/preview?site=${encodeURIComponent(site.key)}&lang=${l}`}
              title={t.previewFrame(site.key, languageName(l, language))}
              loading="lazy"
              class="preview"
            ></iframe>
          ))}
      </div>
    </section>
  );
}
