import type { Browser, Page } from 'playwright-core';
import { seriousPageIssues } from './axe-page';
import { capture } from './screenshots';

// A server page (the rep's answer page, the prospect's page, their problem pages) in its own
// browser context, watched for CSP violations and script errors, and checked per state: no
// horizontal scroll at 360 px, axe serious/critical = 0 on the whole document, screenshots at
// 360 and 1280 px (capture()). Problems are collected, named by state, for one readable failure.

export interface ServerPages {
  issues: string[];
  /** Opens `url` in a fresh context; fails unless it answers `status`. */
  open(url: string, status?: number): Promise<Page>;
  check(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export function serverPages(browser: Browser, prefix: string): ServerPages {
  const issues: string[] = [];
  const contexts: { close(): Promise<void> }[] = [];
  return {
    issues,
    async open(url, status = 200) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      context.setDefaultTimeout(10_000); // a missing control fails here, not at the test's timeout
      const page = await context.newPage();
      page.on('console', (m) => {
        // A 403/410/422 page logs its status as an error too: only CSP violations count.
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) issues.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (err) => issues.push(`${page.url()}: ${String(err)}`));
      const res = await page.goto(url);
      if (res?.status() !== status) throw new Error(`GET ${url}: ${res?.status()}, not ${status}`);
      return page;
    },
    async check(page, name) {
      await page.setViewportSize({ width: 360, height: 740 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) issues.push(`${name}: scrolls sideways at 360 px (${overflow} px wider)`);
      issues.push(...(await seriousPageIssues(page)).map((i) => `${name}: ${i}`));
      await page.setViewportSize({ width: 1280, height: 900 });
      await capture(page, `${prefix}-${name}`);
    },
    async close() {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
    },
  };
}
