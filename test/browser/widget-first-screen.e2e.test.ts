import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startE2e, type E2e } from './support/e2e-env';
import { answerUpToSend, builtIn, expectScreen, radio, vendorTexts, WAIT, widget } from './support/flow';
import { screenCheck } from './support/screen-check';

// Issue 12 "First screen in ten seconds": one sentence on what this is and takes, the process as a
// timeline (each step's duration, the total), the details on demand, and the accept question and
// Next in the first viewport at 360×740 and 1280×800 for the example config; the submission says
// whether the prospect chose "this works for me" or left the default.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

async function open(size: { width: number; height: number }, path: string): Promise<{ page: Page; ui: Locator; posts: any[] }> {
  const context = await e.browser.newContext({ viewport: size });
  const page = await context.newPage();
  const posts: any[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/leads')) posts.push(r.postDataJSON());
  });
  await page.goto(e.host.url(path));
  let ui = widget(page);
  if (path.startsWith('/launcher')) {
    await ui.getByRole('button', { name: builtIn.en.open }).click();
    ui = ui.getByRole('dialog');
  }
  await expectScreen(ui, vendorTexts('en').processTitle);
  return { page, ui, posts };
}

const sizes = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

describe('the first screen', () => {
  for (const size of sizes) {
    for (const path of ['/inline?lang=en', '/launcher?lang=en']) {
      it(`${size.width}×${size.height} ${path.split('?')[0].slice(1)}: the sentence, the timeline with durations and total, and the accept question and Next without scrolling`, async () => {
        const { page, ui } = await open(size, path);
        const t = builtIn.en;
        const v = vendorTexts('en');
        expect(await ui.getByText(t.lead).isVisible()).toBe(true);
        for (const s of v.steps) expect(await ui.getByRole('listitem').filter({ hasText: `${s.title} ${s.duration}` }).first().isVisible()).toBe(true);
        expect(await ui.getByText(t.total.replace('{t}', '5 weeks')).isVisible()).toBe(true);
        // The details are there on demand.
        expect(await ui.getByText(v.steps[0].weDo).isVisible()).toBe(false);
        for (const el of [radio(ui, t.fit, t.accept), radio(ui, t.fit, t.deviate), ui.getByRole('button', { name: t.next })]) {
          const box = (await el.boundingBox())!;
          expect(box.y + box.height).toBeLessThanOrEqual(size.height);
          expect(box.y).toBeGreaterThanOrEqual(0);
        }
        const { issues, screen } = screenCheck(page, `first-${size.width}-${path.split('?')[0].slice(1)}`);
        await screen('1-process');
        await ui.getByText(t.more).click();
        expect(await ui.getByText(v.steps[0].weDo).isVisible()).toBe(true);
        await screen('1-details');
        expect(issues).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('process.choice: "default" when the prospect left "this works for me" as it was, "chosen" when they picked it', async () => {
    for (const pick of [false, true]) {
      const { page, ui, posts } = await open(sizes[1], '/inline?lang=en');
      const t = builtIn.en;
      if (pick) {
        await radio(ui, t.fit, t.deviate).check();
        await radio(ui, t.fit, t.accept).check();
      }
      await ui.getByRole('button', { name: t.next }).click();
      await answerUpToSend(ui, 'en', { name: 'Cas Keuze', email: `cas${+pick}@keuze.example`, company: 'Keuze BV' });
      await ui.getByRole('button', { name: t.send }).click();
      await expectScreen(ui, t.done);
      await expect.poll(() => posts.length, WAIT).toBe(1);
      expect(posts[0].process).toEqual({ accepted: true, choice: pick ? 'chosen' : 'default' });
      await page.context().close();
    }
  });
});
