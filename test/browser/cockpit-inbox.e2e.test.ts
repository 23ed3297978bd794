import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCockpitPage, signInByMail, submitLead } from './support/cockpit';
import { startE2e, type E2e } from './support/e2e-env';
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




const leadRow = (id: string) => {
  const d = new Database(e.api.dbPath, { readonly: true });
  try {
    return d.prepare('SELECT status, rep_id AS repId FROM leads WHERE id = ?').get(id) as { status: string; repId: string };
  } finally {
    d.close();
  }
};


describe('cockpit inbox in the browser', () => {
  it('signs in by the mailed link, accepts a lead by keyboard only, shows the lead page; axe clean at 390 and 1280 px', async () => {
    // Two leads of one company: one rep (account ownership).
    const first = await submitLead(e, { contact: { email: 'sanne@visser-e2e.example', company: 'Visser E2E' } });
    const second = await submitLead(e, { contact: { name: 'Joost Visser', email: 'joost@visser-e2e.example', company: 'Visser E2E' }, context: { utm: { source: 'linkedin' } } });
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
      await signInByMail(e, page, email, '/app/inbox');
      const issues = await checkCockpitPage(page, 'inbox');
      await expect.poll(() => page.locator('ol.inbox > li').count()).toBe(2);

      // Keyboard only: from the top, Tab to the first Accept button and press Enter.
      await page.locator('body').focus();
      await tabTo(page, 'the first accept button', (f) => f.tag === 'button' && /^(Accepteren|Accept)$/.test(f.text));
      await Promise.all([page.waitForURL(/done=accept/), page.keyboard.press('Enter')]);
      expect(await page.getByRole('status').textContent()).toMatch(/Geaccepteerd|Accepted/);
      const acceptedOne = [first, second].find((id) => leadRow(id).status === 'accepted');
      expect(acceptedOne).toBeDefined();
      expect([first, second].filter((id) => leadRow(id).status === 'accepted')).toHaveLength(1);
      issues.push(...(await checkCockpitPage(page, 'inbox-after-accept')));

      // The lead page, reached by its link in the inbox.
      await Promise.all([page.waitForURL(/\/app\/leads\//), page.locator('ol.inbox a').first().click()]);
      await expect.poll(() => page.locator('h1').textContent()).toContain('Visser E2E');
      expect(await page.locator('main').textContent()).toMatch(/Geschiedenis|History/);
      issues.push(...(await checkCockpitPage(page, 'lead')));
      expect(issues).toEqual([]);
      expect(cspErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
