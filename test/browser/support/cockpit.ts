import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { submissionBody } from '../../support/fixtures';
import { seriousPageIssues } from './axe-page';
import { ROOT } from './build-widget';
import { SITE, type E2e } from './e2e-env';

// What the cockpit's browser tests share: sign in by the mailed link as a person does, store a
// lead as the widget would, and check a page (no sideways scroll at 390 px, screenshots at 390
// and 1280 px into test-results/cockpit/, axe serious/critical on the whole document).

const DIR = join(ROOT, 'test-results/cockpit');

/** The problems of the page as it is now; `name` names its screenshots. */
export async function checkCockpitPage(page: Page, name: string): Promise<string[]> {
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

/** A lead through the public API with a genuine form token (as the widget sends it); answers its id. */
export async function submitLead(e: E2e, over: Parameters<typeof submissionBody>[0]): Promise<string> {
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

/** Opens `start` (the sign-in page comes instead), asks for a link, takes it from the SMTP sink and signs in. */
export async function signInByMail(e: E2e, page: Page, email: string, start = '/app/inbox') {
  await page.goto(`${e.api.origin}${start}`);
  expect(new URL(page.url()).pathname).toBe('/app/sign-in'); // no session: the sign-in page
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
