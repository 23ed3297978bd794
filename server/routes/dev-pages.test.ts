import { serve, type ServerType } from '@hono/node-server';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/test-app';
import { devPagesEnabled } from './dev-pages';
import { widgetRoutes } from './widget';

// Security review 8: /dev/mail shows every lead and live action links. It answered any Host (a
// page on an attacker's domain resolving to 127.0.0.1 could read it: DNS rebinding) and counted a
// proxy on this machine as "local"; the /demo pages ran in production too.

let server: ServerType | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function listen(trustedProxies: string[] = []) {
  const t = testApp({ deps: { devMail: true, protection: { perClientPerMinute: 0, perSitePerMinute: 0, trustedProxies } } });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server!.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  /** GET over a loopback socket with the Host header given (fetch would not let us set it). */
  const get = (path: string, host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
  return { port, get };
}

describe('/dev/mail', () => {
  it('answers this machine under its own names only: another Host (DNS rebinding) gets 404', async () => {
    const { port, get } = await listen();
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost']) expect(await get('/dev/mail/messages', host), host).toBe(200);
    for (const host of [`attacker.example:${port}`, 'localhost.attacker.example', `127.0.0.1.nip.io:${port}`]) expect(await get('/dev/mail/messages', host), host).toBe(404);
  });

  it('counts nothing as local when TRUSTED_PROXIES is set (a proxy on this machine relays strangers)', async () => {
    const { port, get } = await listen(['127.0.0.1']);
    expect(await get('/dev/mail/messages', `localhost:${port}`)).toBe(404);
  });
});

describe('development pages (DEV_PAGES)', () => {
  it('are on for a plain local run, off by default once PUBLIC_URL or SMTP_URL is set, and follow DEV_PAGES when set', () => {
    expect(devPagesEnabled({})).toBe(true);
    expect(devPagesEnabled({ PUBLIC_URL: 'https://koers.example.com' })).toBe(false);
    expect(devPagesEnabled({ SMTP_URL: 'smtp://mail.example.com:587' })).toBe(false);
    expect(devPagesEnabled({ PUBLIC_URL: 'https://koers.example.com', DEV_PAGES: 'on' })).toBe(true);
    expect(devPagesEnabled({ DEV_PAGES: 'off' })).toBe(false);
  });

  it('serve /demo only when on; /widget.js always', async () => {
    const off = widgetRoutes({ distDir: '/nonexistent', demoSiteKey: 'zeilmaker-web', demo: false });
    for (const path of ['/demo', '/demo/launcher', '/demo/cross-origin']) expect((await off.request(path)).status).toBe(404);
    expect((await off.request('/widget.js')).status).toBe(404); // not built here, but routed
    expect(await (await off.request('/widget.js')).text()).toContain('not built');
    const on = widgetRoutes({ distDir: '/nonexistent', demoSiteKey: 'zeilmaker-web', demo: true });
    expect((await on.request('/demo')).status).toBe(200);
  });
});
