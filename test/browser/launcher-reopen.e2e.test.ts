import { afterAll, beforeAll, expect, it } from 'vitest';
import { startE2e, type E2e } from './support/e2e-env';
import { builtIn, expectScreen, vendorTexts, WAIT, widget } from './support/flow';
import { deepFocus, openWatched } from './support/watch';

// The launcher's dialog after a close: it opens again on the screen the person left, with focus
// on that screen's heading (the flow stays mounted), by button and by Koers('open').

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

it("the launcher's dialog opens again where it was left, focus on its heading; Koers('open') while open changes nothing", async () => {
  const w = await openWatched(e.browser, e.host.url('/launcher?lang=en'));
  const { page } = w;
  const t = builtIn.en;
  const ui = widget(page);
  const dialog = ui.getByRole('dialog', { name: t.open });
  const headingFocused = (text: string) => expect.poll(async () => (await deepFocus(page))?.text, WAIT).toBe(text);

  await ui.getByRole('button', { name: t.open }).click();
  await expectScreen(dialog, vendorTexts('en').processTitle);
  await dialog.getByRole('button', { name: t.next }).click();
  await expectScreen(dialog, t.stand);
  await headingFocused(t.stand);

  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.isVisible(), WAIT).toBe(false);
  await ui.getByRole('button', { name: t.open }).click();
  await expectScreen(dialog, t.stand);
  await headingFocused(t.stand);

  await dialog.getByRole('button', { name: t.close }).click();
  await expect.poll(() => dialog.isVisible(), WAIT).toBe(false);
  await page.evaluate(() => (window as any).Koers('open'));
  await expectScreen(dialog, t.stand);
  await headingFocused(t.stand);
  await page.evaluate(() => (window as any).Koers('open'));
  await headingFocused(t.stand);
  expect(await dialog.isVisible()).toBe(true);
  expect(w.errors).toEqual([]);
});
