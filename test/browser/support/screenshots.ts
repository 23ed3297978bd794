import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './build-widget';

// Screenshots of the current screen at 360 px and 1280 px wide into test-results/ (gitignored),
// for people to look at. The viewport is restored afterwards.
const DIR = join(ROOT, 'test-results/widget');

export async function capture(page: Page, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const before = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: join(DIR, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}
