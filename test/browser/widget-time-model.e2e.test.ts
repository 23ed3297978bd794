import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screens } from '../../bench/time-model';
import { startE2e, type E2e } from './support/e2e-env';
import { builtIn, expectScreen, radio, vendorTexts, WAIT, widget } from './support/flow';
import { openWatched } from './support/watch';

// Issue 12's time model (bench/time-model.ts) lists the actions of the default path per screen;
// this replays that path in the real widget, counting the clicks it takes, and measures the extra
// scrolls each screen needs at 360×740 (phone) and 1280×800 (laptop): both must be the model's.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

/** Extra scrolls to get from the screen's heading (the page's top on the first screen) to its Next / Send. */
async function scrollsNeeded(page: Page, ui: Locator, first: boolean, button: string) {
  const top = first ? 0 : await ui.getByRole('heading', { level: 2 }).evaluate((h) => h.getBoundingClientRect().top + scrollY);
  const bottom = await ui.getByRole('button', { name: button, exact: true }).evaluate((b) => b.getBoundingClientRect().bottom + scrollY);
  const vh = page.viewportSize()!.height;
  return Math.max(0, Math.ceil((bottom - top) / vh) - 1);
}

const devices = [
  { device: 'phone' as const, width: 360, height: 740 },
  { device: 'laptop' as const, width: 1280, height: 800 },
];

describe('the time model is the widget', () => {
  for (const { device, width, height } of devices) {
    it(`${device} (${width}×${height}): the default path takes the model's clicks and extra scrolls per screen`, async () => {
      const w = await openWatched(e.browser, '', width);
      const { page } = w;
      await page.setViewportSize({ width, height });
      await page.goto(e.host.url('/inline?lang=en'));
      const ui = widget(page);
      const t = builtIn.en;
      const v = vendorTexts('en');
      let clicks = 0;
      let typed = 0;
      const click = async (l: Locator) => {
        await l.click();
        clicks++;
      };
      const check = async (l: Locator) => {
        await l.check();
        clicks++;
      };
      const measured: { clicks: number; scrolls: number; typed: number }[] = [];
      const screen = async (heading: string, i: number, act: () => Promise<void>) => {
        await expectScreen(ui, heading);
        const scrolls = await scrollsNeeded(page, ui, i === 0, i === 4 ? t.send : t.next);
        clicks = typed = 0;
        await act();
        measured.push({ clicks, scrolls, typed });
      };
      const next = () => click(ui.getByRole('button', { name: t.next }));

      await screen(v.processTitle, 0, next); // "This works for me" is preselected
      await screen(t.stand, 1, async () => {
        await check(radio(ui, v.stage.label, v.stage.o.comparing));
        await check(radio(ui, v.budget.label, v.budget.o.approved));
        await check(radio(ui, v.decisionProcess.label, v.decisionProcess.o.roughly));
        await next();
      });
      await screen(t.who, 2, async () => {
        await check(radio(ui, v.finalSay.label, v.finalSay.o.me));
        await next();
      });
      await screen(t.when, 3, async () => {
        await check(radio(ui, v.timeline.label, v.timeline.o['3m']));
        await next();
      });
      await screen(t.you, 4, async () => {
        for (const [label, text] of [[t.name, 'Sanne Visser'], [t.email, 'sanne@visser.nl'], [t.company, 'Visser Logistiek']]) {
          const box = ui.getByRole('textbox', { name: label, exact: true });
          await click(box);
          await box.pressSequentially(text);
          typed += text.length;
        }
        await check(ui.getByRole('checkbox', { name: new RegExp(t.privacy) }));
        await click(ui.getByRole('button', { name: t.send }));
      });
      await expectScreen(ui, t.done);
      await expect.poll(() => w.leadPosts.length, WAIT).toBe(1);
      expect(measured).toEqual(screens.map((s) => ({ clicks: s.clicks, scrolls: s.scrolls[device], typed: s.typed })));
    });
  }
});
