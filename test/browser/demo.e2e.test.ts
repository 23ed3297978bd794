import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfigJson } from '../support/fixtures';
import { freePort, startServer, type ServerProcess } from '../support/server-process';
import { ensureWidgetBuilt } from './support/build-widget';
import { launchChromium } from './support/chromium';
import { openWatched } from './support/watch';

// The server's own demo pages, as a newcomer opens them after `npm start`: the widget renders
// under the demo's strict CSP, same-origin and cross-origin, with no violation and no error.

let server: ServerProcess;
let browser: Browser;
beforeAll(async () => {
  ensureWidgetBuilt();
  // As a vendor would: the page's origin is listed for the site (the example lists :3000 only).
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'koers-demo-'));
  const config = exampleConfigJson();
  config.sites[0].origins.push(`http://localhost:${port}`);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  server = await startServer({ DATABASE_PATH: join(dir, 'koers.db'), KOERS_CONFIG: join(dir, 'config.json') }, port);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the demo pages', () => {
  for (const path of ['/demo', '/demo/cross-origin', '/demo/launcher']) {
    it(`${path} shows the widget under its CSP`, async () => {
      const w = await openWatched(browser, `http://localhost:${server.port}${path}`);
      if (path === '/demo/launcher') await w.page.getByRole('button', { name: /contact|neem contact|vraag/i }).first().click();
      await expect.poll(() => w.page.getByRole('heading', { name: 'Zo werken wij' }).count(), { timeout: 10_000 }).toBe(1);
      expect(w.csp).toEqual([]);
      expect(w.errors).toEqual([]);
      await w.page.context().close();
    });
  }
});
