import type { Browser, Page, Request } from 'playwright-core';

// A page of the customer's site, watched for what must never happen: CSP violations and errors
// thrown into the page. Violations are reported by an init script (CDP-injected, so the page's
// CSP does not apply to it, and it defines no global) and by Chromium's own console messages.

export interface Watched {
  page: Page;
  csp: string[];
  errors: string[];
  /** POST bodies the widget sent to the leads endpoint. */
  leadPosts: Record<string, any>[];
  leadRequests: Request[];
  /** formToken of every form the widget fetched. */
  formTokens: string[];
}

export async function openWatched(browser: Browser, url: string, width = 1280): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const w: Watched = { page, csp: [], errors: [], leadPosts: [], leadRequests: [], formTokens: [] };
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /CSP violation|Content Security Policy/i.test(m.text())) w.csp.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/leads')) {
      w.leadRequests.push(r);
      w.leadPosts.push(r.postDataJSON());
    }
  });
  page.on('response', (r) => {
    // A page closed while its answer is read (the test is done with it): nothing to record.
    if (r.url().includes('/form') && r.ok()) r.json().then((form) => void w.formTokens.push(form.formToken), () => {});
  });
  if (url) await page.goto(url);
  return w;
}

/** The element that really has focus, looking through (open) shadow roots. */
export async function deepFocus(page: Page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return null;
    const el = a as HTMLInputElement;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      name: el.getAttribute('name'),
      value: el.value,
      text: (el.textContent ?? '').trim(),
      checked: el.checked,
      describedBy: el.getAttribute('aria-describedby'),
      outline: `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`,
    };
  });
}

/** Names on window that the page without the widget does not have. */
export async function extraGlobals(withWidget: Page, blank: Page): Promise<string[]> {
  const names = (p: Page) => p.evaluate(() => Object.getOwnPropertyNames(window));
  const base = new Set(await names(blank));
  return (await names(withWidget)).filter((n) => !base.has(n));
}
