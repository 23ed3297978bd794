/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { Language } from '../../shared/localized';
import { CSS, SCRIPTS } from './assets';
import type { Viewer } from './people';
import { cockpitTexts } from './texts';

// The cockpit's page shell: skip link, header with the navigation a person's role may use, who is
// signed in and sign-out (a POST with the CSRF token), and the page in <main>. Hono's JSX escapes
// every value.

export type NavKey = keyof (typeof cockpitTexts)['en']['nav'];
const NAV: { key: NavKey; href: string; managers?: boolean }[] = [
  { key: 'inbox', href: '/app/inbox' },
  { key: 'pipeline', href: '/app/pipeline' },
  { key: 'funnel', href: '/app/funnel', managers: true },
  { key: 'team', href: '/app/team', managers: true },
  { key: 'tester', href: '/app/routing-tester' },
  { key: 'embed', href: '/app/embed', managers: true },
  { key: 'data', href: '/app/data', managers: true },
];

export interface LayoutProps {
  language: Language;
  title: string;
  /** Signed in: the navigation and sign-out. */
  viewer?: Viewer;
  csrf?: string;
  current?: NavKey;
  /** Names in SCRIPTS this page runs. */
  scripts?: string[];
  children?: Child;
}

export function Layout(p: LayoutProps) {
  const t = cockpitTexts[p.language];
  return (
    <html lang={p.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${p.title} · ${t.appName}`}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skip}
        </a>
        <header>
          <strong>{t.appName}</strong>
          {p.viewer && (
            <nav aria-label={t.navLabel}>
              <ul>
                {NAV.filter((n) => !n.managers || p.viewer!.role === 'manager').map((n) => (
                  <li>
                    <a href={n.href} aria-current={p.current === n.key ? 'page' : undefined}>
                      {t.nav[n.key]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {p.viewer && (
            <span class="who">
              {t.signedInAs(p.viewer.name, p.viewer.role)}{' '}
              <form method="post" action="/app/sign-out">
                <input type="hidden" name="csrf" value={p.csrf ?? ''} />
                <button type="submit">{t.signOut}</button>
              </form>
            </span>
          )}
        </header>
        <main id="main" tabindex={-1}>
          <h1>{p.title}</h1>
          {p.children}
        </main>
        {(p.scripts ?? []).map((name) => (
          <script dangerouslySetInnerHTML={{ __html: SCRIPTS[name] }} />
        ))}
      </body>
    </html>
  );
}

/** The whole document as a string. */
export function renderPage(p: LayoutProps): string {
  return `<!doctype html>${String(<Layout {...p} />)}`;
}

/** The CSRF field every state-changing form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}
