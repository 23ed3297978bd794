import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from './support/e2e-env';
import { builtIn, expectScreen, notYet, radio, role, vendorTexts, WAIT, widget } from './support/flow';
import { screenCheck } from './support/screen-check';
import { openWatched } from './support/watch';

// Issue 12 "The stakeholder screen": who decides first, then which roles are involved as one
// checkbox per role with "not involved yet" for a ticked one (a role can be cleared by unticking
// it), optional parts marked, and the screen at most ~1.2 phone screens (≤ 890 px at 360 wide).

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

describe('the stakeholder screen', () => {
  for (const lang of ['en', 'nl'] as const) {
    it(`${lang}, 360×740: final say first, roles as checkboxes with "not involved yet", optional marked, ≤ 890 px tall; the POST keeps its shape`, async () => {
      const w = await openWatched(e.browser, '', 360);
      const { page } = w;
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(e.host.url(`/inline?lang=${lang}`));
      const ui = widget(page);
      const t = builtIn[lang];
      const v = vendorTexts(lang);
      await expectScreen(ui, v.processTitle);
      await ui.getByRole('button', { name: t.next }).click();
      await expectScreen(ui, t.stand);
      await radio(ui, v.stage.label, v.stage.o.comparing).check();
      await radio(ui, v.budget.label, v.budget.o.approved).check();
      await radio(ui, v.decisionProcess.label, v.decisionProcess.o.roughly).check();
      await ui.getByRole('button', { name: t.next }).click();
      await expectScreen(ui, t.who);

      // The final say comes first, then the roles; the roles and the two texts say "(optional)".
      const groups = await ui.getByRole('group').evaluateAll((els) => els.map((g) => g.querySelector('legend')?.textContent));
      expect(groups[0]).toBe(v.finalSay.label);
      expect(groups[1]).toBe(`${v.stakeholders} (${t.optional})`);
      for (const name of [t.orgInterest, t.personalInterest])
        expect(await ui.getByRole('textbox', { name: `${name} (${t.optional})`, exact: true }).isVisible()).toBe(true);
      // Nothing about a role is asked before it is ticked.
      expect(await ui.getByRole('checkbox', { name: t.notYet }).count()).toBe(0);

      await radio(ui, v.finalSay.label, v.finalSay.o.me).check();
      await role(ui, v.roles.users).check();
      await role(ui, v.roles['budget-holder']).check();
      await notYet(ui, t, v.roles['budget-holder']).check();
      await role(ui, v.roles.procurement).check();
      await notYet(ui, t, v.roles.procurement).check();
      // Cleared again: unticked roles are not sent.
      await role(ui, v.roles.procurement).uncheck();
      expect(await notYet(ui, t, v.roles.procurement).count()).toBe(0);

      const { issues, screen } = screenCheck(page, `who-${lang}-360`);
      await screen('3-who');
      const height = await ui.locator('.k').evaluate((k) => k.getBoundingClientRect().height);
      expect(height).toBeLessThanOrEqual(890);
      expect(issues).toEqual([]);

      // On to the end; the body says who is involved (yes / not yet) and who has the final say.
      await ui.getByRole('button', { name: t.next }).click();
      await expectScreen(ui, t.when);
      await radio(ui, v.timeline.label, v.timeline.o['1m']).check();
      await ui.getByRole('button', { name: t.next }).click();
      await expectScreen(ui, t.you);
      await ui.getByRole('textbox', { name: t.name }).fill('Wim Wie');
      await ui.getByRole('textbox', { name: t.email }).fill(`wim.${lang}@wie.example`);
      await ui.getByRole('textbox', { name: t.company }).fill('Wie BV');
      await ui.getByRole('checkbox', { name: new RegExp(t.privacy) }).check();
      await ui.getByRole('button', { name: t.send }).click();
      await expectScreen(ui, t.done);
      await expect.poll(() => w.leadPosts.length, WAIT).toBe(1);
      expect(w.leadPosts[0].stakeholders).toEqual({
        roles: [
          { role: 'budget-holder', involved: false },
          { role: 'users', involved: true },
        ],
        finalSay: 'me',
      });
      expect(w.errors).toEqual([]);
    });
  }
});
