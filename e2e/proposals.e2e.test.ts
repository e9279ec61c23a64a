import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { communityMember } from '../server/test/community-factories.js';
import { tenantWithMember } from '../server/test/factories.js';
import { browserSuite, hasChromium, signInByMail } from './browser.js';

const suite = browserSuite();

const heading = (page: Page, name: string, level = 1) =>
  page.getByRole('heading', { level, name, exact: true }).waitFor();
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function phonePage(email: string) {
  const context = await suite.contextAs(null);
  const page = await context.newPage();
  await signInByMail(page, suite.server, email);
  return page;
}

describe.skipIf(!hasChromium)('proposals on a phone', () => {
  it('a member sends one proposal by name and one anonymously; HR answers and publishes; others support it', async () => {
    const { slug, tenant, member: hr } = await tenantWithMember(suite.server, 'admin');
    const sender = await communityMember(suite.server, { id: tenant.id, slug }, { displayName: '提案 太郎' });
    const reader = await communityMember(suite.server, { id: tenant.id, slug }, { displayName: '賛同 花子' });

    const page = await phonePage(sender.email);
    await page.goto(`${suite.server.publicUrl}/t/${slug}`);
    await page.getByRole('link', { name: '会社への提言', exact: true }).click();
    await heading(page, '会社への提言・ご意見');
    // Nothing typed: the server's message stands next to the field, and nothing is sent.
    await page.getByRole('button', { name: '送信する' }).click();
    await page.getByLabel('件名').and(page.locator('[aria-invalid="true"]')).waitFor();
    await page.getByText('まだ提言を送っていません。').waitFor();

    await page.getByLabel('件名').fill('OB・OG 向けの技術勉強会');
    await page.getByLabel('内容').fill('社内の技術勉強会をアルムナイにも公開してほしいです。');
    await page.getByLabel('分類（任意）').selectOption('community');
    await page.getByRole('button', { name: '送信する' }).click();
    await page.getByText('提言を送信しました。ありがとうございます。').waitFor();
    await page.getByRole('link', { name: 'OB・OG 向けの技術勉強会' }).waitFor();

    await page.getByLabel('件名').fill('評価制度について');
    await page.getByLabel('内容').fill('在職中に感じていた評価の不透明さを率直にお伝えします。');
    await page.getByLabel('匿名で送る').check();
    await page.getByText('会社の担当者にもあなたの名前は分かりません', { exact: false }).waitFor();
    await page.getByRole('button', { name: '送信する' }).click();
    await page.getByRole('link', { name: '評価制度について' }).waitFor();
    await page.getByText('匿名で送信').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);

    // HR: the anonymous one carries no name anywhere on the desk; the named one is answered and published.
    const desk = await phonePage(hr.email);
    await desk.goto(`${suite.server.publicUrl}/t/${slug}/admin`);
    await desk.getByRole('link', { name: '提言・ご意見' }).click();
    await heading(desk, '会社への提言・ご意見', 2);
    const anonymousCard = desk.getByRole('article').filter({ hasText: '評価制度について' });
    await anonymousCard.getByText('匿名（送信者は記録されていません）').waitFor();
    expect(await desk.locator('main').textContent()).not.toContain('提案 太郎 評価');
    const named = desk.getByRole('article').filter({ hasText: 'OB・OG 向けの技術勉強会' });
    await named.getByText('提案 太郎').waitFor();
    await named.getByText('対応する').click();
    await named.getByLabel('対応状況').selectOption('adopted');
    await named.getByLabel('メンバーに公開する（賛同を受け付けます）').check();
    await named.getByLabel('会社からの回答', { exact: false }).fill('来月から勉強会の一部を公開します。');
    await named.getByLabel('内部メモ（担当者のみ）').fill('技術広報と調整済み');
    await named.getByRole('button', { name: '保存する' }).click();
    await named.getByText('保存しました。').waitFor();
    await desk.getByLabel('対応状況で絞り込み').selectOption('adopted');
    await desk.getByRole('article').filter({ hasText: 'OB・OG 向けの技術勉強会' }).waitFor();
    expect(await desk.getByRole('article').count()).toBe(1);
    expect(await sideways(desk)).toBeLessThanOrEqual(0);

    // The sender is told, opens the answer from the bell; internal notes never reach them.
    await suite.server.deps.jobs.drain();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/notifications`);
    await page
      .getByRole('link', {
        name: 'お送りいただいた提言「OB・OG 向けの技術勉強会」に会社から回答がありました',
      })
      .click();
    await heading(page, 'OB・OG 向けの技術勉強会');
    await page.getByText('来月から勉強会の一部を公開します。').waitFor();
    await page.getByText('採用', { exact: true }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('技術広報と調整済み');

    // Another member finds it among the public ones and supports it, once; the anonymous one stays private.
    const other = await phonePage(reader.email);
    await other.goto(`${suite.server.publicUrl}/t/${slug}/proposals`);
    await other.getByRole('radio', { name: '公開中の提言' }).check();
    const card = other.getByRole('article').filter({ hasText: 'OB・OG 向けの技術勉強会' });
    await card.getByRole('button', { name: '賛同する' }).click();
    await card.getByRole('button', { name: '賛同済み（取り消す）' }).waitFor();
    await card.getByText('賛同 1 人').waitFor();
    expect(await other.getByRole('article').count()).toBe(1);
    expect(await other.locator('main').textContent()).not.toContain('提案 太郎');
  });
});
