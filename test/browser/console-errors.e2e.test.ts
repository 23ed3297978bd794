import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from './support/e2e-env';
import { startHostSite, type HostSite } from './support/host-site';
import { openWatched } from './support/watch';

// Issue 9, "Operating it": a vendor whose widget does not show opens the browser console. An
// unknown site key or a page origin the site does not list must show there as what it is (a 404,
// a 403 whose body the page may read), not as a bare CORS error.

let e: E2e;
let stranger: HostSite;
beforeAll(async () => {
  e = await startE2e();
  stranger = await startHostSite('zeilmaker-web'); // an origin the config does not list
  stranger.api = e.api.origin;
}, 60_000);
afterAll(async () => {
  await stranger?.close();
  await e?.close();
});

async function consoleOf(url: string) {
  const w = await openWatched(e.browser, '');
  const lines: string[] = [];
  w.page.on('console', (m) => lines.push(m.text()));
  const form = w.page.waitForResponse((r) => r.url().includes('/form'));
  await w.page.goto(url);
  const response = await form;
  // The page itself can read the answer (the widget's fetch gets it), so the body says why.
  const body = await w.page.evaluate(async (u) => (await fetch(u)).json().catch(() => null), response.url());
  await w.page.waitForTimeout(200); // console messages of the failed load
  await w.page.context().close();
  return { status: response.status(), lines, body };
}

describe('the browser console', () => {
  it('shows an unknown site as a 404 that names the site, not as a CORS error', async () => {
    const { status, lines, body } = await consoleOf(e.host.url('/inline?site=no-such-site'));
    expect(status).toBe(404);
    expect(lines.some((l) => /status of 404/.test(l))).toBe(true);
    expect(lines.filter((l) => /CORS/i.test(l))).toEqual([]);
    expect(body.error.message).toContain('No site "no-such-site"');
  });

  it('shows an origin the site does not list as a 403 that names the origin, not as a CORS error', async () => {
    const { status, lines, body } = await consoleOf(stranger.url('/inline'));
    expect(status).toBe(403);
    expect(lines.some((l) => /status of 403/.test(l))).toBe(true);
    expect(lines.filter((l) => /CORS/i.test(l))).toEqual([]);
    expect(body.error).toMatchObject({ code: 'origin_not_allowed', message: expect.stringContaining(stranger.origin) });
  });
});
