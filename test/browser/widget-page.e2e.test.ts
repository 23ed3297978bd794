import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2e, type E2e } from './support/e2e-env';
import { builtIn, expectScreen, vendorTexts, WAIT, widget } from './support/flow';
import { openWatched } from './support/watch';

// Issue 12 "The page it lives on": the launcher fetches the form before the click (idle, hover,
// focus) so it opens without a "Loading…" pause; its button, the dialog's name and Close follow the
// form's language; each screen starts at the dialog's top and Close stays in view; the inline
// widget is a named region and holds the first screen's space while it loads.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

const formRequests = (page: Page) => {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'GET' && /\/form(\?|$)/.test(r.url())) seen.push(r.url());
  });
  return seen;
};

describe('the page the widget lives on', () => {
  it('launcher: the form is fetched before the click, in its language (the site default, nl) the button, dialog and Close speak Dutch; no fetch at the open', async () => {
    const w = await openWatched(e.browser, '', 360);
    const { page } = w;
    await page.setViewportSize({ width: 360, height: 740 });
    const forms = formRequests(page);
    // A page in German: the embed tag gives no language, so the boot texts are English until the
    // form (in the site's default language) is there.
    await page.goto(e.host.url('/launcher?page-lang=de'));
    const ui = widget(page);
    const nl = builtIn.nl;
    const launcher = ui.getByRole('button', { name: nl.open });
    await launcher.waitFor(WAIT);
    expect(forms).toHaveLength(1); // fetched on idle, before any click
    await launcher.click();
    const dialog = ui.getByRole('dialog', { name: nl.open });
    await expectScreen(dialog, vendorTexts('nl').processTitle);
    expect(await dialog.getByRole('button', { name: nl.close }).isVisible()).toBe(true);
    expect(forms).toHaveLength(1); // the open used the prefetched form

    // Each screen starts at the dialog's top; Close stays in view while the dialog scrolls.
    await dialog.getByRole('button', { name: nl.next }).click();
    await expectScreen(dialog, nl.stand);
    const scroller = page.locator('koers-widget').locator('dialog');
    await scroller.evaluate((d) => d.scrollTo(0, d.scrollHeight));
    expect(await scroller.evaluate((d) => d.scrollTop)).toBeGreaterThan(100);
    const close = (await dialog.getByRole('button', { name: nl.close }).boundingBox())!;
    const box = (await scroller.boundingBox())!;
    expect(close.y).toBeGreaterThanOrEqual(box.y);
    expect(close.y + close.height).toBeLessThanOrEqual(box.y + 60);
    await dialog.getByRole('button', { name: nl.back }).click();
    await expectScreen(dialog, vendorTexts('nl').processTitle);
    await expect.poll(() => scroller.evaluate((d) => d.scrollTop), WAIT).toBe(0);
    expect(w.errors).toEqual([]);
  });

  it('launcher: hover fetches the form when no idle time came; the open uses it (no second fetch)', async () => {
    const w = await openWatched(e.browser, '');
    const { page } = w;
    await page.addInitScript(() => {
      // No idle time on this page: only hover or focus can prefetch.
      (window as any).requestIdleCallback = () => 0;
    });
    const forms = formRequests(page);
    await page.goto(e.host.url('/launcher?lang=en'));
    const ui = widget(page);
    const launcher = ui.getByRole('button', { name: builtIn.en.open });
    await launcher.waitFor(WAIT);
    await page.waitForTimeout(300);
    expect(forms).toHaveLength(0);
    await launcher.hover();
    await expect.poll(() => forms.length, WAIT).toBe(1);
    await launcher.click();
    await expectScreen(ui.getByRole('dialog', { name: builtIn.en.open }), vendorTexts('en').processTitle);
    expect(forms).toHaveLength(1);
  });

  for (const width of [360, 1280]) {
    it(`inline at ${width}: a named region; while the form loads its space is held, so the page below moves little`, async () => {
      const w = await openWatched(e.browser, '', width);
      const { page } = w;
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/form*', async (r) => (await held, r.continue()));
      await page.goto(e.host.url('/inline?lang=nl'));
      const ui = widget(page);
      const region = ui.getByRole('region', { name: builtIn.nl.open });
      await region.getByRole('status').getByText(builtIn.nl.loading).waitFor(WAIT);
      const below = page.getByText('More of the page below the widget.');
      const before = (await below.boundingBox())!.y;
      release();
      await expectScreen(region, vendorTexts('nl').processTitle);
      const after = (await below.boundingBox())!.y;
      expect(Math.abs(after - before)).toBeLessThanOrEqual(40); // without the held space: the whole first screen
    });
  }
});
