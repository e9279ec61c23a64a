import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestClient } from '../server/test/client.js';
import { type CommunityMember, communityMember } from '../server/test/community-factories.js';
import { createTestTenant } from '../server/test/factories.js';
import { browserSuite, hasChromium, narrowPhone } from './browser.js';

let slug: string;
let alumnus: CommunityMember;

const suite = browserSuite(async (server) => {
  const created = await createTestTenant(server);
  slug = created.slug;
  alumnus = await communityMember(server, { id: created.tenant.id, slug }, { displayName: '高橋 健' });
});

/** A 360 px phone in the language, signed in as the client's account (signed out for null). */
const phoneAs = (client: TestClient | null, language: 'ja' | 'en') =>
  suite.pageAs(client, { language, size: narrowPhone });

/** The header's height, its items, and 1 + how many of them are off the brand's row. */
function measureHeader(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('header.topbar') as HTMLElement;
    const items = [
      header.querySelector('.brand'),
      ...header.querySelectorAll('.topnav > *'),
    ] as HTMLElement[];
    // Items on one row all cross the brand's middle line.
    const brand = items[0]!.getBoundingClientRect();
    const middle = (brand.top + brand.bottom) / 2;
    const offRow = items.filter((item) => {
      const box = item.getBoundingClientRect();
      return box.top > middle || box.bottom < middle;
    });
    return { height: header.getBoundingClientRect().height, rows: 1 + offRow.length, items: items.length };
  });
}

/** For each tab: its label, on how many lines it is laid out, and whether it spills out of its tab. */
function measureTabs(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('nav.tabbar a')].map((tab) => {
      const label = tab.querySelector('.tab-label') as HTMLElement;
      const box = label.getBoundingClientRect();
      const tabBox = tab.getBoundingClientRect();
      const lineHeight = Number.parseFloat(getComputedStyle(label).lineHeight);
      return {
        label: label.textContent,
        lines: Math.round(box.height / lineHeight),
        spills:
          box.left < tabBox.left - 0.5 ||
          box.right > tabBox.right + 0.5 ||
          label.scrollWidth > label.clientWidth,
      };
    }),
  );
}

describe.skipIf(!hasChromium)('the app shell on a 360 px phone', () => {
  for (const language of ['ja', 'en'] as const) {
    it(`(${language}) the header is one row and no tab label wraps or spills`, async () => {
      const { context, page } = await phoneAs(alumnus.client, language);
      await page.goto(`${suite.server.publicUrl}/t/${slug}`);
      const timeline = language === 'ja' ? 'タイムライン' : 'Timeline';
      await page.getByRole('heading', { name: timeline }).first().waitFor();
      await page.locator('nav.tabbar').waitFor();

      const header = await measureHeader(page);
      expect(header.items).toBe(4); // brand, language, account, sign out
      expect(header.rows).toBe(1);
      expect(header.height).toBeLessThanOrEqual(56);

      const tabs = await measureTabs(page);
      expect(tabs.length).toBeGreaterThanOrEqual(5);
      expect(tabs.filter((tab) => tab.lines !== 1 || tab.spills)).toEqual([]);
      // The names hidden on a phone are still there for screen readers.
      const account = language === 'ja' ? 'アカウント' : 'Account';
      const signOut = language === 'ja' ? 'サインアウト' : 'Sign out';
      await page.getByRole('link', { name: account, exact: true }).waitFor();
      await page.getByRole('button', { name: signOut, exact: true }).waitFor();
      await context.close();
    });

    it(`(${language}) signed out, the header is one row too`, async () => {
      const { context, page } = await phoneAs(null, language);
      await page.goto(`${suite.server.publicUrl}/`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const header = await measureHeader(page);
      expect(header.rows).toBe(1);
      expect(header.height).toBeLessThanOrEqual(56);
      await context.close();
    });
  }
});
