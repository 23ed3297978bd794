import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { widgetRoutes } from './widget';

// The widget asset and demo routes through app.request(): no port, no browser.

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const setup = (content?: string) => {
  dir = mkdtempSync(join(tmpdir(), 'koers-widget-'));
  if (content !== undefined) writeFileSync(join(dir, 'widget.js'), content);
  return widgetRoutes({ distDir: dir, demoSiteKey: 'zeilmaker-web', demo: true });
};

describe('GET /widget.js', () => {
  it('serves the bundle with a strong ETag, a day of caching and cross-origin headers', async () => {
    const app = setup('console.log(1)');
    const res = await app.request('/widget.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('etag')).toMatch(/^"[\w-]{16,}"$/);
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=86400/);
    expect(res.headers.get('cache-control')).not.toMatch(/immutable/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 304 to a matching If-None-Match (also weak or in a list), 200 to another', async () => {
    const app = setup('a');
    const etag = (await app.request('/widget.js')).headers.get('etag')!;
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const res = await app.request('/widget.js', { headers: { 'If-None-Match': inm } });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(await res.text()).toBe('');
    }
    expect((await app.request('/widget.js', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
  });

  it('serves the precompressed bundle by Accept-Encoding (brotli, then gzip), each with its own ETag and Vary', async () => {
    const app = setup('console.log("koers")'.repeat(50));
    writeFileSync(join(dir, 'widget.js.br'), brotliCompressSync(readFileSync(join(dir, 'widget.js'))));
    // no .gz beside it (an older build): compressed once in memory
    const br = await app.request('/widget.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe('console.log("koers")'.repeat(50));
    const gz = await app.request('/widget.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe('console.log("koers")'.repeat(50));
    const plain = await app.request('/widget.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const etags = [br, gz, plain].map((r) => r.headers.get('etag'));
    expect(new Set(etags).size).toBe(3);
    const again = await app.request('/widget.js', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etags[0]! } });
    expect(again.status).toBe(304);
  });

  it('reads the file once: later changes on disk are not served until restart', async () => {
    const app = setup('first');
    expect(await (await app.request('/widget.js')).text()).toBe('first');
    writeFileSync(join(dir, 'widget.js'), 'second');
    expect(await (await app.request('/widget.js')).text()).toBe('first');
  });

  it('answers 404 in the API error shape when the widget is not built, and serves it once built', async () => {
    const app = setup();
    const res = await app.request('/widget.js');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    writeFileSync(join(dir, 'widget.js'), 'built');
    expect(await (await app.request('/widget.js')).text()).toBe('built');
  });
});

describe('GET /demo', () => {
  it('embeds the widget exactly like a customer: a [data-koers] element and the async script tag', async () => {
    const html = await (await setup('x').request('/demo')).text();
    expect(html).toContain('<div data-koers></div>');
    expect(html).toContain('<script src="/widget.js" data-site="zeilmaker-web" async></script>');
  });

  it('runs under a strict CSP that allows the widget (and on /demo/cross-origin its other origin) only', async () => {
    const own = (await setup('x').request('http://localhost:3000/demo')).headers.get('Content-Security-Policy');
    expect(own).toContain("default-src 'none'; script-src 'self'; connect-src 'self';");
    const cross = await setup('x').request('http://localhost:3000/demo/cross-origin');
    expect(cross.headers.get('Content-Security-Policy')).toContain("script-src 'self' http://127.0.0.1:3000; connect-src 'self' http://127.0.0.1:3000;");
    expect(await cross.text()).toContain('<script src="http://127.0.0.1:3000/widget.js"');
  });

  it('/demo/launcher has no [data-koers] element, so the widget opens from its launcher', async () => {
    const html = await (await setup('x').request('/demo/launcher')).text();
    expect(html).not.toContain('data-koers');
    expect(html).toContain('data-site="zeilmaker-web"');
  });
});
