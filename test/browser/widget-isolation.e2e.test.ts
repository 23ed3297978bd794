import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2e, type E2e } from './support/e2e-env';
import { builtIn, expectScreen, vendorTexts, WAIT, widget } from './support/flow';
import { extraGlobals, openWatched } from './support/watch';

// Isolation both ways: the host page's CSS (even hostile) does not change the widget, the widget
// leaves one global (window.Koers) and its queued commands work; the /demo pages embed it.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

/** Sizes (not positions: the host page's text around the widget may move it) of widget parts. */
const boxes = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('koers-widget')!.shadowRoot!;
    const host = [document.querySelector('koers-widget')!];
    const parts = ['.k', '.prog', 'h2', 'h3', 'dl', 'legend', '.opt', 'input', 'button', 'dialog'];
    return [...host, ...parts.flatMap((s) => Array.from(root.querySelectorAll(s)))].map((el) => {
      const r = el.getBoundingClientRect();
      return `${el.tagName.toLowerCase()}.${el.className} ${r.width.toFixed(1)}x${r.height.toFixed(1)}`;
    });
  });

describe('widget isolation', () => {
  for (const width of [1280, 360]) {
    it(`inline at ${width} px: the same box sizes with and without hostile CSS`, async () => {
      const plain = await openWatched(e.browser, e.host.url('/inline?lang=en'), width);
      const hostile = await openWatched(e.browser, e.host.url('/inline?lang=en&hostile=1'), width);
      const title = vendorTexts('en').processTitle;
      await expectScreen(widget(plain.page), title);
      await expectScreen(widget(hostile.page), title);
      const a = await boxes(plain.page);
      expect(a.length).toBeGreaterThan(15);
      expect(await boxes(hostile.page)).toEqual(a);
      expect(hostile.csp).toEqual([]);
      expect(hostile.errors).toEqual([]);
    });
  }

  it('launcher and its dialog: the same box sizes with and without hostile CSS', async () => {
    const sizes = async (path: string) => {
      const w = await openWatched(e.browser, e.host.url(path), 360);
      const launcher = widget(w.page).getByRole('button', { name: builtIn.nl.open });
      await launcher.waitFor();
      const closed = await boxes(w.page);
      await launcher.click();
      await expectScreen(widget(w.page).getByRole('dialog'), vendorTexts('nl').processTitle);
      expect(w.errors).toEqual([]);
      return [...closed, ...(await boxes(w.page))];
    };
    const a = await sizes('/launcher?lang=nl');
    expect(await sizes('/launcher?lang=nl&hostile=1')).toEqual(a);
  });

  it("Koers('open') queued before widget.js loaded opens the dialog; one global, no CSP violation", async () => {
    const w = await openWatched(e.browser, e.host.url('/queue?page-lang=nl'));
    await expectScreen(widget(w.page).getByRole('dialog', { name: builtIn.nl.open }), vendorTexts('nl').processTitle);
    const blank = await openWatched(e.browser, e.host.url('/blank'));
    expect(await extraGlobals(w.page, blank.page)).toEqual(['Koers']);
    expect(await w.page.evaluate(() => typeof (window as any).Koers.q)).toBe('undefined'); // the queue was drained
    await w.page.evaluate(() => (window as any).Koers('close'));
    await expect.poll(() => widget(w.page).getByRole('dialog').isVisible(), WAIT).toBe(false);
    expect(w.csp).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('an unreachable API: the widget says so and offers a retry; no error thrown into the page', async () => {
    const w = await openWatched(e.browser, '');
    await w.page.route('**/api/v1/sites/**', (route) => route.abort());
    await w.page.goto(e.host.url('/inline?lang=en'));
    await widget(w.page).getByRole('alert').getByText(builtIn.en.loadFailed).waitFor();
    await w.page.unroute('**/api/v1/sites/**');
    await widget(w.page).getByRole('button', { name: builtIn.en.retry }).click();
    await expectScreen(widget(w.page), vendorTexts('en').processTitle);
    expect(w.errors).toEqual([]);
  });

  const demos = [
    ['/demo', true, '/widget.js'],
    ['/demo/launcher', false, '/widget.js'],
    ['/demo/cross-origin', true, 'http://127.0.0.1:PORT/widget.js'],
  ] as const;
  for (const [path, inline, src] of demos) {
    it(`GET ${path} embeds the widget like a customer would and it works there`, async () => {
      const w = await openWatched(e.browser, `${e.api.origin}${path}`);
      const ui = widget(w.page);
      if (!inline) await ui.getByRole('button', { name: builtIn.nl.open }).click();
      await expectScreen(ui, vendorTexts('nl').processTitle);
      const port = new URL(e.api.origin).port;
      expect(await w.page.locator(`script[src="${src.replace('PORT', port)}"][data-site="zeilmaker-web"]`).count()).toBe(1);
      expect(await w.page.locator('[data-koers]').count()).toBe(inline ? 1 : 0);
      expect(w.errors).toEqual([]);
    });
  }
});
