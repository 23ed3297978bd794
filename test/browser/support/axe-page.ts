import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core over a whole server-rendered page (the rep's and the prospect's pages: all of it is
// ours, unlike the customer's page around the widget, see axe.ts). Injected through the DevTools
// protocol, which the pages' `default-src 'none'` does not govern. Returns the serious and
// critical violations, formatted for a readable failure.
const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function seriousPageIssues(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const violations: { id: string; impact: string; nodes: string[] }[] = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n: any) => `${JSON.stringify(n.target)} ${n.failureSummary}`),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.join(' | ')}`);
}
