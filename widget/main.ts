import { h as el, render } from 'preact';
import type { Language } from '../shared/localized';
import { api } from './api';
import { App } from './App';
import type { Commands } from './commands';
import { rememberAttribution } from './context';
import { Launcher } from './Launcher';
import css from './styles.css?inline';

// Entry of widget.js: <script src="https://HOST/widget.js" data-site="KEY" [data-lang] async>.
// Reads its settings from its own tag, renders into an open shadow root, and leaves exactly one
// global behind: window.Koers (a stub queue may exist before load). Never throws into the page.

type KoersFn = ((cmd: string) => void) & { q?: ArrayLike<unknown>[]; loaded?: boolean };
declare global {
  interface Window {
    Koers?: KoersFn;
  }
}

// currentScript is set while a classic script (async too) first runs, and only then: read it now.
const script = document.currentScript as HTMLScriptElement | null;

const pickLang = (v?: string | null): Language | undefined => {
  const l = v?.slice(0, 2).toLowerCase();
  return l === 'nl' || l === 'en' ? l : undefined;
};

function boot() {
  const site = script?.dataset.site;
  if (!script) return;
  rememberAttribution(location.search);
  // data-mode="capture" (every page but the contact page): remember attribution, show nothing.
  if (!site || script.dataset.mode === 'capture' || window.Koers?.loaded) return;
  const slot = document.querySelector('[data-koers]');
  const host = document.createElement('koers-widget');
  (slot || document.body).append(host);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];

  const commands: Commands = {};
  const props = {
    api: api(new URL(script.src).origin, site, host),
    site,
    lang: pickLang(script.dataset.lang) || pickLang(document.documentElement.lang),
    // Known without the form: shown when the form cannot load (config: vendor.fallbackContact).
    fb: { email: script.dataset.fallbackEmail, phone: script.dataset.fallbackPhone },
  };
  render(slot ? el(App, props) : el(Launcher, { ...props, commands }), root);
  if (slot) commands.open = () => root.querySelector('h2')?.focus();

  const queued = window.Koers?.q || [];
  const koers: KoersFn = (cmd) => {
    try {
      commands[cmd as keyof Commands]?.();
    } catch {
      /* never into the host page */
    }
  };
  koers.loaded = true;
  window.Koers = koers;
  for (const args of Array.from(queued)) koers(String(args[0]));
}

const safeBoot = () => {
  try {
    boot();
  } catch {
    /* an old browser or an odd page: no widget, but no error in the host page either */
  }
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', safeBoot);
else safeBoot();
