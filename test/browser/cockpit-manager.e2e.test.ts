import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionBody } from '../support/fixtures';
import { seriousPageIssues } from './support/axe-page';
import { ROOT } from './support/build-widget';
import { SITE, startE2e, type E2e } from './support/e2e-env';

// The manager's cockpit pages in real Chromium against the real server process and SMTP sink
// (issue 11): sign in by the mailed link as the manager, then the pipeline, the team page (set a
// rep away through its form), the routing tester (answers by form) and the embed page with its
// live previews (the real widget in an iframe, per language). Each page with data: axe
// serious/critical = 0 on the whole document, no sideways scroll at 390 px, screenshots at 390
// and 1280 px (test-results/cockpit/manager-*.png).

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

const DIR = join(ROOT, 'test-results/cockpit');
const MANAGER = 'mila@zeilmaker.example';

async function checkPage(page: Page, name: string): Promise<string[]> {
  const issues: string[] = [];
  mkdirSync(DIR, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) issues.push(`${name}: scrolls sideways at ${width} px (${overflow} px wider)`);
    await page.screenshot({ path: join(DIR, `manager-${name}-${width}.png`), fullPage: true });
  }
  issues.push(...(await seriousPageIssues(page)).map((i) => `${name}: ${i}`));
  return issues;
}

async function submitLead(over: Parameters<typeof submissionBody>[0]): Promise<void> {
  const headers = { Origin: e.host.origin };
  const form = await (await fetch(`${e.api.origin}/api/v1/sites/${SITE}/form`, { headers })).json();
  const res = await fetch(`${e.api.origin}/api/v1/sites/${SITE}/leads`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...submissionBody(over), formToken: form.formToken }),
  });
  expect(res.status).toBe(201);
}

async function signIn(page: Page, email: string) {
  await page.goto(`${e.api.origin}/app/pipeline`);
  expect(new URL(page.url()).pathname).toBe('/app/sign-in');
  const before = e.sink.messages.length;
  await page.getByRole('textbox').fill(email);
  await page.getByRole('button', { name: /link/i }).click();
  await page.waitForLoadState();
  const pattern = new RegExp(`${e.api.origin}/app/sign-in/[\\w-]+`);
  const linkMail = () => e.sink.messages.slice(before).find((m) => m.envelope.to.includes(email) && pattern.test(m.parsed.text ?? ''));
  await expect.poll(linkMail, { timeout: 15_000 }).toBeDefined();
  await page.goto(pattern.exec(linkMail()!.parsed.text!)![0]);
  await Promise.all([page.waitForURL(/\/app\/inbox$/), page.getByRole('button', { name: /^(Aanmelden|Sign in)$/ }).click()]);
}

describe('cockpit manager pages in the browser', () => {
  it('pipeline, team, routing tester and embed with data; axe clean, no sideways scroll at 390 px', async () => {
    for (let i = 0; i < 3; i++) await submitLead({ contact: { email: `p${i}@firm-e2e${i}.example`, company: `Firm ${i}` } });
    await submitLead({ answers: { stage: 'exploring', budget: 'none', decisionProcess: 'unclear', timeline: 'none', costOfInaction: undefined }, contact: { email: 'q@quiet-e2e.example', company: 'Quiet' } });

    const context = await e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && errors.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (err) => errors.push(String(err)));
    const issues: string[] = [];
    try {
      await signIn(page, MANAGER);

      await page.goto(`${e.api.origin}/app/pipeline`);
      expect(await page.locator('[data-total]').textContent()).toBe('4');
      expect(await page.getByRole('img', { name: /niveau en status/i }).count()).toBe(1);
      issues.push(...(await checkPage(page, 'pipeline')));

      await page.goto(`${e.api.origin}/app/team`);
      const bram = page.locator('section.card', { has: page.getByRole('heading', { name: 'Bram Jansen' }) });
      await bram.getByLabel('Afwezig vanaf').fill('2026-01-05');
      await bram.getByLabel('Afwezig tot en met').fill('2026-01-09');
      await Promise.all([page.waitForLoadState(), bram.getByRole('button', { name: 'Opslaan' }).click()]);
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Opgeslagen voor Bram Jansen');
      expect(await page.locator('section.card', { has: page.getByRole('heading', { name: 'Bram Jansen' }) }).textContent()).toContain('door mila@zeilmaker.example');
      issues.push(...(await checkPage(page, 'team')));

      await page.goto(`${e.api.origin}/app/routing-tester`);
      await page.getByLabel('Aankoopfase').selectOption('comparing');
      await page.getByLabel('E-maildomein (bijv. acme.example)').fill('newco-e2e.example');
      await Promise.all([page.waitForURL(/emailDomain=newco-e2e\.example/), page.getByRole('button', { name: 'Wie zou hem krijgen?' }).click()]);
      expect(await page.locator('[data-rep]').textContent()).toMatch(/\S/);
      expect(await page.locator('[data-why]').textContent()).toMatch(/Regel|team/);
      issues.push(...(await checkPage(page, 'routing-tester')));

      await page.goto(`${e.api.origin}/app/embed`);
      expect(await page.getByRole('button', { name: 'Kopiëren' }).count()).toBe(2); // shown once the script ran
      // The live previews: the real widget renders in each language's frame.
      for (const [lang, heading] of [
        ['nl', /Zo werken wij/],
        ['en', /How we work/],
      ] as const) {
        const frame = page.frameLocator(`iframe[src*="lang=${lang}"]`);
        await expect.poll(() => frame.locator('koers-widget').locator('h2').first().textContent(), { timeout: 15_000 }).toMatch(heading);
      }
      issues.push(...(await checkPage(page, 'embed')));
      expect(issues).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
