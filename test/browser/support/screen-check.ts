import type { Page } from 'playwright-core';
import { seriousA11yIssues } from './axe';
import { capture } from './screenshots';

/** Per screen of a flow: axe's serious and critical issues (collected, named by screen) and screenshots. */
export function screenCheck(page: Page, prefix: string) {
  const issues: string[] = [];
  return {
    issues,
    async screen(name: string) {
      issues.push(...(await seriousA11yIssues(page)).map((i) => `${name}: ${i}`));
      await capture(page, `${prefix}-${name}`);
    },
  };
}
