import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core over the widget (its host element and the open shadow root below it; the customer's
// page around it is not ours to judge, and the hostile one fails on purpose). Injected through the DevTools
// protocol, which the page's CSP does not govern; run it after the global-leak check (it adds
// window.axe). Returns the serious and critical violations, formatted for a readable failure.
const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function seriousA11yIssues(page: Page): Promise<string[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as any).axe;
    // Issue 12: contrast reaches WCAG AAA for text (color-contrast-enhanced, off in axe by default).
    const r = await axe.run(document.querySelector('koers-widget'), { resultTypes: ['violations'], rules: { 'color-contrast-enhanced': { enabled: true } } });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n: any) => `${JSON.stringify(n.target)} ${n.failureSummary}`),
    }));
  });
  return violations
    .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: { id: string; impact: string; nodes: string[] }) => `${v.impact} ${v.id}: ${v.nodes.join(' | ')}`);
}
