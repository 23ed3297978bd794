import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A customer's web site on another origin than the API, with a strict CSP and, on request,
// hostile CSS. Pages:
//   /inline   <div data-koers> + the script tag      /launcher  the script tag only
//   /blank    no widget at all (baseline for globals) /queue     Koers('open') queued before load
//   /capture  the script tag with data-mode="capture" (another page of the site: attribution only)
// Query: lang=nl|en → data-lang; fallback=1 → data-fallback-email/-phone; page-lang=… → <html lang>; hostile=1 → hostile.css; site=… → data-site;
// listen=1 → /listen.js: a tag manager's dataLayer, and every koers:* event the page hears in window.heard.

/** The e2e config's vendor.fallbackContact (api-server.ts), also what `fallback=1` puts on the tag. */
export const FALLBACK = { email: 'sales@zeilmaker.example', phone: '+31 20 123 4567' };

export interface HostSite {
  origin: string;
  /** The API origin the pages load widget.js from (and allow in their CSP). */
  api: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Root font size 6px, line-height 3 on everything, loud rules for every control and text. */
export const HOSTILE_CSS = `
html { font-size: 6px !important; }
* { line-height: 3 !important; letter-spacing: .3em !important; box-sizing: content-box !important; }
body { font-family: "Comic Sans MS", cursive; color: #f0f; background: #ffc; }
button, input, select, textarea {
  all: unset; display: block !important; width: 300px !important; padding: 30px !important;
  border: 5px dashed lime !important; background: red !important; color: yellow !important;
  font-size: 40px !important; text-transform: uppercase !important; }
h1, h2, h3, p, label, legend, fieldset, form, ol, li, dl, dt, dd, span, a, dialog, div div {
  margin: 20px !important; padding: 10px !important; font-size: 3rem !important; color: #0f0 !important; }
koers-widget, [data-koers] > * {
  display: inline !important; position: absolute !important; padding: 50px !important;
  border: 10px solid red !important; font: 50px/5 serif !important; color: red !important; }
dialog::backdrop { background: lime !important; }
`;

const BASE_CSS = `
body { margin: 0; font: 16px/1.5 Georgia, serif; background: #f4f1ea; color: #222; }
main { width: 600px; max-width: calc(100vw - 32px); margin: 0 auto; padding: 24px 0 120px; }
h1 { font-size: 32px; margin: 0 0 16px; }
`;

/** Installs window.Koers as a stub queue and queues `open` before widget.js has loaded. */
const QUEUE_JS = `window.Koers = window.Koers || function () { (window.Koers.q = window.Koers.q || []).push(arguments); };
window.Koers('open');`;

/** What a marketer's analytics sees: the dataLayer pushes and the DOM events at window. */
const LISTEN_JS = `window.dataLayer = [];
window.heard = [];
for (const type of ['koers:open', 'koers:step', 'koers:submitted'])
  window.addEventListener(type, (e) => window.heard.push({ type: e.type, detail: e.detail, target: e.target.localName, bubbles: e.bubbles }));`;

function page(apiOrigin: string, site: string, path: string, q: URLSearchParams): string {
  const lang = q.get('lang');
  // fallback=1: the vendor's fallback contact on the tag too (FALLBACK), as widget/README.md says.
  const fallback = q.get('fallback') ? ` data-fallback-email="${FALLBACK.email}" data-fallback-phone="${FALLBACK.phone}"` : '';
  const mode = path === '/capture' ? ' data-mode="capture"' : '';
  const widget = path === '/blank' ? '' :
    `<script src="${apiOrigin}/widget.js" data-site="${q.get('site') ?? site}"${lang ? ` data-lang="${lang}"` : ''}${fallback}${mode} async></script>`;
  return `<!doctype html>
<html lang="${q.get('page-lang') ?? 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer site ${path}</title>
<link rel="stylesheet" href="/base.css">${q.get('hostile') ? '\n<link rel="stylesheet" href="/hostile.css">' : ''}
${path === '/queue' ? '<script src="/queue.js"></script>' : ''}${q.get('listen') ? '<script src="/listen.js"></script>' : ''}
</head>
<body><main><h1>Contact us</h1><p>Some text of the customer's page around the widget.</p>
${path === '/inline' ? '<div data-koers></div>' : ''}
<p>More of the page below the widget.</p></main>
${widget}
</body></html>`;
}

export async function startHostSite(site: string): Promise<HostSite> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (type: string, body: string, csp?: string) => {
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, ...(csp ? { 'content-security-policy': csp } : {}) });
      res.end(body);
    };
    if (url.pathname === '/base.css') return send('text/css', BASE_CSS);
    if (url.pathname === '/hostile.css') return send('text/css', HOSTILE_CSS);
    if (url.pathname === '/queue.js') return send('text/javascript', QUEUE_JS);
    if (url.pathname === '/listen.js') return send('text/javascript', LISTEN_JS);
    if (['/inline', '/launcher', '/blank', '/queue', '/capture'].includes(url.pathname)) {
      // The issue's policy; /queue and listen=1 also allow their own script file.
      const self = url.pathname === '/queue' || url.searchParams.get('listen') ? "'self' " : '';
      const csp = `default-src 'none'; script-src ${self}${host.api}; connect-src ${host.api}; style-src 'self'`;
      return send('text/html', page(host.api, site, url.pathname, url.searchParams), csp);
    }
    res.writeHead(404).end();
  });
  // 127.0.0.1 here, `localhost` for the API: two different origins.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const host: HostSite = {
    origin,
    api: '',
    url: (path) => origin + path,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return host;
}
