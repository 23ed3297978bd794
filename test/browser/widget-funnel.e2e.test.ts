import Database from 'better-sqlite3';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from './support/e2e-env';
import { answerUpToSend, builtIn, expectScreen, vendorTexts, WAIT, widget } from './support/flow';
import { openWatched } from './support/watch';

// The widget's funnel events in real Chromium on a customer page (other origin, strict CSP):
// shown, opened, each screen and sent, each once, as small POSTs without cookies or anything
// personal; the real server counts them and writes the counts in its next batch.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

const counts = (): Record<string, number> => {
  const d = new Database(e.api.dbPath, { readonly: true });
  try {
    const rows = d.prepare("select event, step, language, sum(count) as n from funnel_counts where site = 'zeilmaker-web' group by event, step, language").all() as {
      event: string;
      step: number;
      language: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [`${r.language} ${r.event}${r.step ? ` ${r.step}` : ''}`, r.n]));
  } finally {
    d.close();
  }
};

describe('widget funnel events', () => {
  it('the launcher reports shown, opened, screens 1–5 and sent once each; the server counts them in its next batch', async () => {
    const w = await openWatched(e.browser, '');
    const { page } = w;
    const events: Request[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/sites/zeilmaker-web/events')) events.push(r);
    });
    await page.goto(e.host.url('/launcher?lang=en'));
    const sent = () => events.map((r) => r.postDataJSON() as { e: string | number; l?: string });
    const ui = widget(page);
    const t = builtIn.en;
    const v = vendorTexts('en');

    await expect.poll(() => sent().map((b) => b.e), WAIT).toEqual(['s']);
    await ui.getByRole('button', { name: t.open }).click();
    await expectScreen(ui, v.processTitle);
    await expect.poll(() => sent().map((b) => b.e), WAIT).toEqual(['s', 'o', 1]);
    await ui.getByRole('button', { name: t.next }).click();
    await answerUpToSend(ui, 'en', { name: 'Funnel Tester', email: 'funnel@tester-e2e.example', company: 'Funnel E2E' });
    // Back and forth: a screen already reached is not reported again.
    await ui.getByRole('button', { name: t.back }).click();
    await expectScreen(ui, t.when);
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.you);
    await ui.getByRole('button', { name: t.send }).click();
    await expect.poll(() => ui.getByRole('heading', { level: 2, name: t.done }).isVisible(), WAIT).toBe(true);
    await expect.poll(() => sent().map((b) => b.e), WAIT).toEqual(['s', 'o', 1, 2, 3, 4, 5, 'd']);

    // Small bodies with the code and the language only; no cookies; text/plain (no preflight).
    for (const r of events) {
      expect(Object.keys(r.postDataJSON()).sort()).toEqual(['e', 'l']);
      expect(r.postDataJSON().l).toBe('en');
      const headers = await r.allHeaders();
      expect(headers.cookie).toBeUndefined();
      expect(headers['content-type']).toMatch(/^text\/plain/);
      expect(headers.origin).toBe(e.host.origin);
      expect((await r.response())?.status()).toBe(204);
    }
    expect(w.errors).toEqual([]);
    expect(w.csp).toEqual([]);

    // The server writes its counts every few seconds.
    await expect
      .poll(counts, { timeout: 15_000, interval: 250 })
      .toEqual({ 'en shown': 1, 'en opened': 1, 'en step 1': 1, 'en step 2': 1, 'en step 3': 1, 'en step 4': 1, 'en step 5': 1, 'en submitted': 1 });
    await page.context().close();
  });

  it('inline: shown at once, opened and the screens only once the person answers something', async () => {
    const { page } = await openWatched(e.browser, '');
    const bodies: unknown[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/events')) bodies.push(r.postDataJSON());
    });
    await page.goto(e.host.url('/inline?lang=nl'));
    const ui = widget(page);
    const v = vendorTexts('nl');
    await expectScreen(ui, v.processTitle);
    await expect.poll(() => bodies, WAIT).toEqual([{ e: 's', l: 'nl' }]);
    await ui.getByRole('radio', { name: builtIn.nl.deviate }).check();
    await expect.poll(() => bodies, WAIT).toEqual([{ e: 's', l: 'nl' }, { e: 'o', l: 'nl' }, { e: 1, l: 'nl' }]);
    await page.context().close();
  });
});
