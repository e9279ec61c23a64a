import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export { narrowPhone } from './browser.js';

export type ScreenCheck = { screen: string; violations: string[]; overflow: number };

/** Waits until the screen has rendered something and nothing on it is still loading. */
export async function settled(page: Page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return Boolean(main?.children.length) && document.querySelectorAll('.loading').length === 0;
  });
}

/**
 * axe-core (WCAG 2.x A/AA and best practices) on the whole page, and how far it scrolls sideways:
 * no screen may be wider than the phone it is shown on.
 */
export async function checkScreen(page: Page, screen: string): Promise<ScreenCheck> {
  await settled(page);
  const result = await new AxeBuilder({ page }).analyze();
  const violations = result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  return { screen, violations, overflow };
}
