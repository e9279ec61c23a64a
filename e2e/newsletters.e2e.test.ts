import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../server/test/client.js';
import { createTestTenant, signIn } from '../server/test/factories.js';
import { startTestServer, type TestServer } from '../server/test/harness.js';
import { hasChromium, launchChromium, phone, webRoot } from './browser.js';
import { checkScreen, narrowPhone } from './screens.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startTestServer({}, { webRoot });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A phone signed in as the client's account, in the given language. */
async function phoneAs(client: TestClient, language: 'ja' | 'en'): Promise<BrowserContext> {
  const context = await browser.newContext({ ...phone, locale: language === 'ja' ? 'ja-JP' : 'en-US' });
  const url = server.publicUrl;
  await context.addCookies([
    { name: 'enishi_lang', value: language, url },
    ...[...client.cookies].map(([name, value]) => ({ name, value, url })),
  ]);
  return context;
}

/** axe finds nothing, and at 360 px the screen does not scroll sideways. */
async function expectAccessible(page: Page, screen: string) {
  const wide = await checkScreen(page, screen);
  expect(wide.violations, screen).toEqual([]);
  await page.setViewportSize(narrowPhone.viewport);
  const narrow = await checkScreen(page, `${screen} at 360 px`);
  expect(narrow.overflow, screen).toBeLessThanOrEqual(0);
  await page.setViewportSize(phone.viewport);
}

describe.skipIf(!hasChromium)('newsletters on a phone', () => {
  it('staff fill in the newsletter sender on the settings page, with half a sender refused', {
    timeout: 120_000,
  }, async () => {
    const { slug, ownerEmail } = await createTestTenant(server);
    const owner = await signIn(server, ownerEmail);
    const page = await (await phoneAs(owner, 'ja')).newPage();
    await page.goto(`${server.publicUrl}/t/${slug}/admin/settings`);
    const sender = page.getByRole('group', { name: 'メールマガジンの送信者（特定電子メール法の表示）' });
    await sender.getByText('住所と連絡先が未入力のため、メールマガジンはまだ送信できません。').waitFor();
    await expectAccessible(page, 'settings (ja)');

    await sender.getByLabel('住所').fill('〒100-0005 東京都千代田区丸の内1-1-1');
    await page.getByRole('button', { name: '保存する' }).click();
    await sender.getByText('住所を入力した場合は、連絡先も入力してください。').waitFor();
    const unsaved = await owner.get<{ senderAddress: string }>(`/api/v1/t/${slug}/settings`);
    expect(unsaved.body.senderAddress).toBe('');

    await sender.getByLabel('連絡先').fill('x'.repeat(201));
    await page.getByRole('button', { name: '保存する' }).click();
    await sender.getByText('200 文字以内で入力してください。').waitFor();

    await sender.getByLabel('送信者名').fill('デモ株式会社 人事部');
    await sender.getByLabel('連絡先').fill('alumni@demo.example');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました').waitFor();
    expect(await sender.getByText('まだ送信できません').count()).toBe(0);
    const saved = await owner.get<Record<string, string>>(`/api/v1/t/${slug}/settings`);
    expect(saved.body).toMatchObject({
      senderName: 'デモ株式会社 人事部',
      senderAddress: '〒100-0005 東京都千代田区丸の内1-1-1',
      senderContact: 'alumni@demo.example',
    });

    await page.reload();
    await sender.getByLabel('連絡先').waitFor();
    expect(await sender.getByLabel('連絡先').inputValue()).toBe('alumni@demo.example');
    const english = await (await phoneAs(owner, 'en')).newPage();
    await english.goto(`${server.publicUrl}/t/${slug}/admin/settings`);
    await english
      .getByRole('group', { name: /Newsletter sender/ })
      .getByLabel('Postal address')
      .waitFor();
    await expectAccessible(english, 'settings (en)');
  });
});
