import { describe, expect, it } from 'vitest';
import type { TestClient } from '../server/test/client.js';
import { type CommunityMember, communityMember } from '../server/test/community-factories.js';
import { createTestTenant, latestMail, signIn, tokenFrom } from '../server/test/factories.js';
import { browserSuite, hasChromium, narrowPhone } from './browser.js';

let slug: string;
let alumnus: CommunityMember;
let postId: string;

const suite = browserSuite(async (server) => {
  const created = await createTestTenant(server);
  slug = created.slug;
  alumnus = await communityMember(server, { id: created.tenant.id, slug }, { displayName: '高橋 健' });
  const post = await alumnus.client.post<{ id: string }>(`/api/v1/t/${slug}/community/posts`, {
    body: '近況報告です。',
  });
  postId = post.body.id;
});

/** A 360 px phone in the language, signed in as the client's account (signed out for null). */
const phoneAs = (client: TestClient | null, language: 'ja' | 'en') =>
  suite.pageAs(client, { language, size: narrowPhone });

describe.skipIf(!hasChromium)('rough edges on a 360 px phone', () => {
  it('a post opens from the feed on its own page, with a heading and a way back', async () => {
    const { context, page } = await phoneAs(alumnus.client, 'ja');
    await page.goto(`${suite.server.publicUrl}/t/${slug}`);
    await page
      .getByRole('link', { name: /投稿を開く/ })
      .first()
      .click();
    await page.waitForURL(`**/t/${slug}/posts/${postId}`);
    // The heading names the author once the post has loaded (a plain 「投稿」 until then).
    await page.getByRole('heading', { level: 1, name: '高橋 健 さんの投稿', exact: true }).waitFor();
    await page.getByText('近況報告です。').waitFor();
    await page.getByRole('link', { name: 'タイムラインへ戻る' }).click();
    await page.waitForURL(`**/t/${slug}`);
    await page.getByRole('heading', { name: 'タイムライン' }).waitFor();
    await context.close();
  });

  it('an alumnus at the HR console is told they have no access and led home; an unknown page is a real 404', async () => {
    const { context, page } = await phoneAs(alumnus.client, 'ja');
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin`);
    await page.getByRole('heading', { level: 1, name: 'このページを開く権限がありません' }).waitFor();
    await expect(page.getByText('エラーが発生しました。').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'コミュニティへ戻る' }).click();
    await page.waitForURL(`**/t/${slug}`);

    await page.goto(`${suite.server.publicUrl}/t/${slug}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'ページが見つかりません。' }).waitFor();
    await page.getByRole('link', { name: 'トップへ戻る' }).waitFor();
    await context.close();
  });

  it('the English consent history uses English punctuation', async () => {
    const { context, page } = await phoneAs(alumnus.client, 'en');
    await page.goto(`${suite.server.publicUrl}/t/${slug}/me`);
    // Opened from the keyboard: at the foot of the page the fixed tab bar covers where a tap would land.
    await page.getByText('History of your choices').focus();
    await page.keyboard.press('Enter');
    const history = page.locator('ul.history');
    await history.getByText('(When joining, 2026-11)').first().waitFor();
    const text = (await history.textContent()) ?? '';
    expect(text).not.toMatch(/[（）：・]/);
    await context.close();
  });

  it('the composer formats with buttons instead of Markdown hints, and the post shows the formatting', async () => {
    const { context, page } = await phoneAs(alumnus.client, 'ja');
    await page.goto(`${suite.server.publicUrl}/t/${slug}`);
    const box = page.getByLabel('投稿する', { exact: true });
    await box.waitFor();
    await expect(page.getByText('**太字**').count()).resolves.toBe(0);
    await box.fill('転職しました');
    await box.selectText();
    await page.getByRole('button', { name: '太字', exact: true }).click();
    await expect(box.inputValue()).resolves.toBe('**転職しました**');
    // A list item on a new line, from the list button with nothing selected.
    await box.press('End');
    await box.press('Enter');
    await page.getByRole('button', { name: '箇条書き', exact: true }).click();
    await box.pressSequentially('新しい名刺');
    await expect(box.inputValue()).resolves.toBe('**転職しました**\n- 新しい名刺');
    await page.getByRole('button', { name: '投稿', exact: true }).click();
    const posted = page.locator('article').filter({ hasText: '転職しました' }).first();
    await posted.locator('strong', { hasText: '転職しました' }).waitFor();
    await posted.locator('li', { hasText: '新しい名刺' }).waitFor();
    await context.close();
  });

  it('the account page names each signed-in device like 「Chrome · Android · 今」 and marks this one', async () => {
    const android =
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
    const context = await suite.contextAs(null, { size: narrowPhone, userAgent: android });
    const url = suite.server.publicUrl;
    // Signed in from this (Android) browser, and once more elsewhere.
    const email = alumnus.email;
    await context.request.get(`${url}/api/v1/session`);
    const csrf = (await context.cookies(url)).find((cookie) => cookie.name === 'enishi_csrf')?.value ?? '';
    const headers = { 'x-csrf-token': csrf };
    expect(
      (await context.request.post(`${url}/api/v1/auth/magic-link`, { data: { email }, headers })).status(),
    ).toBe(202);
    const mail = await latestMail(suite.server, email);
    const token = tokenFrom(mail!.textBody);
    expect(
      (await context.request.post(`${url}/api/v1/auth/verify`, { data: { token }, headers })).status(),
    ).toBe(200);
    await signIn(suite.server, email);

    const page = await context.newPage();
    await page.goto(`${url}/account`);
    await page.getByRole('heading', { level: 2, name: 'サインイン中の端末' }).waitFor();
    const current = page
      .locator('li.list-row')
      .filter({ has: page.locator('.badge', { hasText: 'この端末' }) });
    await expect(current.count()).resolves.toBe(1);
    await current.getByText('Chrome · Android · 今').waitFor();
    await expect(current.getByRole('button', { name: 'この端末をサインアウト' }).count()).resolves.toBe(0);
    // No raw user-agent string anywhere on the page.
    await expect(page.getByText('Mozilla/5.0').count()).resolves.toBe(0);
    await context.close();
  });
});
