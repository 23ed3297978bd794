import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { chooseEncoding } from '../http/compress';

// GET /widget.js — the built widget (read once, then from memory; brotli or gzip by
// Accept-Encoding, precompressed by the build), and GET /demo(/launcher) —
// a fictional vendor's page that embeds it exactly like a customer would (API.md "Embed").
// The asset is fetched by other sites' pages: CORP must be cross-origin (secureHeaders()'s
// default same-origin would block it), and the URL is unversioned, so one day of caching with a
// strong ETag rather than an immutable year.

export interface WidgetRoutesOptions {
  distDir: string;
  demoSiteKey: string;
  /** Serve the /demo pages (the example vendor's texts): only with development pages on (dev-pages.ts). */
  demo: boolean;
}

interface Asset {
  /** The bundle as it is, and compressed (precompressed files of the build, else compressed here once). */
  bodies: { identity: Buffer; br: Buffer; gzip: Buffer };
  etag: string;
}

export function widgetRoutes(opts: WidgetRoutesOptions): Hono {
  const app = new Hono();
  let asset: Promise<Asset> | undefined;

  const load = () =>
    (asset ??= (async () => {
      const file = join(opts.distDir, 'widget.js');
      const identity = await readFile(file);
      // A build older than the precompressed files (or a dist/ copied without them): compress here, once.
      const orCompress = async (suffix: string, compress: (b: Buffer) => Buffer) => readFile(`${file}${suffix}`).catch(() => compress(identity));
      return {
        bodies: {
          identity,
          br: await orCompress('.br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
          gzip: await orCompress('.gz', (b) => gzipSync(b, { level: 9 })),
        },
        etag: createHash('sha256').update(identity).digest('base64url').slice(0, 32),
      };
    })());

  app.get('/widget.js', async (c) => {
    let a: Asset;
    try {
      a = await load();
    } catch {
      asset = undefined; // not built yet: try again on the next request
      return c.json({ error: { code: 'not_found', message: 'widget.js is not built (run `npm run build`)' } }, 404);
    }
    const encoding = chooseEncoding(c.req.header('Accept-Encoding')) ?? 'identity';
    // One ETag per representation (a compressed body is another entity).
    const etag = `"${a.etag}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    c.header('ETag', etag);
    c.header('Vary', 'Accept-Encoding');
    c.header('Cache-Control', 'public, max-age=86400, stale-while-revalidate=604800');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('X-Content-Type-Options', 'nosniff');
    if (ifNoneMatch(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    if (encoding !== 'identity') c.header('Content-Encoding', encoding);
    return c.body(new Uint8Array(a.bodies[encoding]));
  });

  if (!opts.demo) return app;
  app.get('/demo', (c) => c.html(demoPage(opts.demoSiteKey, true, ''), 200, demoHeaders('')));
  app.get('/demo/launcher', (c) => c.html(demoPage(opts.demoSiteKey, false, ''), 200, demoHeaders('')));
  // The same page, loading the widget from this server under its other loopback name, so the
  // page and the API are two origins (real CORS): open http://localhost:PORT/demo/cross-origin.
  app.get('/demo/cross-origin', (c) => {
    const api = new URL(c.req.url);
    api.hostname = api.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    return c.html(demoPage(opts.demoSiteKey, true, api.origin), 200, demoHeaders(api.origin));
  });
  return app;
}

/** The demo runs under a strict CSP, like a careful customer's page: the widget must cope. */
function demoHeaders(apiOrigin: string): Record<string, string> {
  const api = apiOrigin ? ` ${apiOrigin}` : '';
  return {
    'Content-Security-Policy': `default-src 'none'; script-src 'self'${api}; connect-src 'self'${api}; style-src 'self' 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`,
  };
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The fictional vendor Zeilmaker's contact page: inline (with [data-koers]) or with the launcher. */
function demoPage(site: string, inline: boolean, apiOrigin: string): string {
  const key = escapeAttr(site);
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Contact — Zeilmaker Software</title>
<style>
  body { margin: 0; font: 17px/1.6 Georgia, serif; color: #222; background: #f6f3ee; }
  header { background: #123c5a; color: #fff; padding: 16px 24px; }
  header a { color: #fff; margin-right: 16px; }
  main { max-width: 720px; margin: 0 auto; padding: 24px 16px 96px; }
  h1 { font-size: 2rem; margin: 0 0 8px; }
</style>
</head>
<body>
<header><strong>Zeilmaker</strong> &nbsp; <a href="/demo">Contact (inline)</a><a href="/demo/launcher?utm_source=demo&amp;utm_medium=web">Launcher</a><a href="/demo/cross-origin">Cross-origin</a></header>
<main>
<h1>Contact</h1>
<p>Planningssoftware voor logistieke teams. Vertel ons waar u staat; wij laten eerst zien hoe wij werken.</p>
${inline ? '<div data-koers></div>\n' : '<p>Het formulier opent met de knop rechtsonder.</p>\n'}</main>
<script src="${escapeAttr(apiOrigin)}/widget.js" data-site="${key}" async></script>
</body>
</html>
`;
}
