import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionBody } from '../support/fixtures';
import { seriousPageIssues } from './support/axe-page';
import { ROOT } from './support/build-widget';
import { SITE, startE2e, type E2e } from './support/e2e-env';
import { tabTo } from './support/keyboard';

// The cockpit's inbox and lead page in real Chromium against the real server process and SMTP
// sink (issue 11): ask for a sign-in link, take it from the mail, sign in, the inbox with data used
// by keyboard only (Tab to Accept, Enter), the lead page. Each page: axe serious/critical = 0 on the
// whole document, no sideways scroll at 390 px, screenshots at 390 and 1280 px
// (test-results/cockpit/inbox-*.png).

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

const DIR = join(ROOT, 'test-results/cockpit');

async function checkPage(page: Page, name: string): Promise<string[]> {
  const issues: string[] = [];
  mkdirSync(DIR, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) issues.push(`${name}: scrolls sideways at ${width} px (${overflow} px wider)`);
    await page.screenshot({ path: join(DIR, `${name}-${width}.png`), fullPage: true });
  }
  issues.push(...(await seriousPageIssues(page)).map((i) => `${name}: ${i}`));
  return issues;
}

async function submitLead(over: Parameters<typeof submissionBody>[0]): Promise<string> {
  const headers = { Origin: e.host.origin };
  const form = await (await fetch(`${e.api.origin}/api/v1/sites/${SITE}/form`, { headers })).json();
  const res = await fetch(`${e.api.origin}/api/v1/sites/${SITE}/leads`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...submissionBody(over), formToken: form.formToken }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).leadId;
}

const leadRow = (id: string) => {
  const d = new Database(e.api.dbPath, { readonly: true });
  try {
    return d.prepare('SELECT status, rep_id AS repId FROM leads WHERE id = ?').get(id) as { status: string; repId: string };
  } finally {
    d.close();
  }
};

async function signIn(page: Page, email: string) {
  await page.goto(`${e.api.origin}/app/inbox`);
  expect(new URL(page.url()).pathname).toBe('/app/sign-in'); // no session: the sign-in page
  const before = e.sink.messages.length;
  await page.getByRole('textbox').fill(email);
  await page.getByRole('button', { name: /link/i }).click();
  await page.waitForLoadState();
  const pattern = new RegExp(`${e.api.origin}/app/sign-in/[\\w-]+`);
  const linkMail = () => e.sink.messages.slice(before).find((m) => m.envelope.to.includes(email) && pattern.test(m.parsed.text ?? ''));
  await expect.poll(linkMail, { timeout: 15_000 }).toBeDefined();
  const link = pattern.exec(linkMail()!.parsed.text!)![0];
  await page.goto(link);
  await Promise.all([page.waitForURL(/\/app\/inbox$/), page.getByRole('button', { name: /^(Aanmelden|Sign in)$/ }).click()]);
}

describe('cockpit inbox in the browser', () => {
  it('signs in by the mailed link, accepts a lead by keyboard only, shows the lead page; axe clean at 390 and 1280 px', async () => {
    // Two leads of one company: one rep (account ownership).
    const first = await submitLead({ contact: { email: 'sanne@visser-e2e.example', company: 'Visser E2E' } });
    const second = await submitLead({ contact: { name: 'Joost Visser', email: 'joost@visser-e2e.example', company: 'Visser E2E' }, context: { utm: { source: 'linkedin' } } });
    const repId = leadRow(first).repId;
    expect(leadRow(second).repId).toBe(repId);
    const email = e.api.config.reps.find((r) => (r as { id?: string }).id === repId)!.email;

    const context = await e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && cspErrors.push(m.text()));
    page.on('pageerror', (err) => cspErrors.push(String(err)));
    try {
      await signIn(page, email);
      const issues = await checkPage(page, 'inbox');
      await expect.poll(() => page.locator('ol.inbox > li').count()).toBe(2);

      // Keyboard only: from the top, Tab to the first Accept button and press Enter.
      await page.locator('body').focus();
      await tabTo(page, 'the first accept button', (f) => f.tag === 'button' && /^(Accepteren|Accept)$/.test(f.text));
      await Promise.all([page.waitForURL(/done=accept/), page.keyboard.press('Enter')]);
      expect(await page.getByRole('status').textContent()).toMatch(/Geaccepteerd|Accepted/);
      const acceptedOne = [first, second].find((id) => leadRow(id).status === 'accepted');
      expect(acceptedOne).toBeDefined();
      expect([first, second].filter((id) => leadRow(id).status === 'accepted')).toHaveLength(1);
      issues.push(...(await checkPage(page, 'inbox-after-accept')));

      // The lead page, reached by its link in the inbox.
      await Promise.all([page.waitForURL(/\/app\/leads\//), page.locator('ol.inbox a').first().click()]);
      await expect.poll(() => page.locator('h1').textContent()).toContain('Visser E2E');
      expect(await page.locator('main').textContent()).toMatch(/Geschiedenis|History/);
      issues.push(...(await checkPage(page, 'lead')));
      expect(issues).toEqual([]);
      expect(cspErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
