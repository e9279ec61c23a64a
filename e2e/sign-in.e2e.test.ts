import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addTestMember, createTestTenant } from '../server/test/factories.js';
import { browserSuite, hasChromium } from './browser.js';

const suite = browserSuite();

/** Asks for a link on the sign-in page, then opens it from the dev mailbox, as a person would. */
async function signInThroughMailbox(
  page: Page,
  email: string,
  labels: { email: string; send: string; sent: string },
) {
  await page.goto(`${suite.server.publicUrl}/signin`);
  await page.getByLabel(labels.email).fill(email);
  await page.getByRole('button', { name: labels.send }).click();
  await page.getByText(labels.sent).waitFor();
  await suite.server.deps.jobs.drain();
  await page.goto(`${suite.server.publicUrl}/dev/mailbox`);
  const mail = page.locator('article', { hasText: email }).first();
  await mail.getByRole('link').first().click();
}

const japanese = { email: 'メールアドレス', send: 'リンクを送信', sent: 'メールをご確認ください' };
const english = { email: 'E-mail address', send: 'Send link', sent: 'Check your e-mail' };

describe.skipIf(!hasChromium)('signing in from a phone', () => {
  it('an alumnus signs in through the dev mailbox and sees the alumni home in Japanese, then in English', async () => {
    const { tenant, slug } = await createTestTenant(suite.server);
    const { email } = await addTestMember(suite.server, tenant.id, 'alumnus', { displayName: '田中 美咲' });
    const context = await suite.contextAs(null);
    const page = await context.newPage();
    const scripts: Promise<{ url: string; body: string }>[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js') && response.url().includes('/assets/'))
        scripts.push(response.text().then((body) => ({ url: response.url(), body })));
    });
    await signInThroughMailbox(page, email, japanese);
    // A member who has not answered the consent questions is asked first; choosing nothing is fine.
    await page.waitForURL(`**/t/${slug}/welcome`);
    await page.getByRole('heading', { level: 1, name: 'ようこそ、田中 美咲 さん', exact: true }).waitFor();
    await page.getByRole('heading', { name: '個人情報の取り扱いについて' }).waitFor();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByRole('heading', { name: 'あなたについて' }).waitFor();
    await page.getByRole('button', { name: 'あとで設定する' }).click();
    await page.getByRole('heading', { name: '得意なこと・興味のあること' }).waitFor();
    await page.getByRole('button', { name: 'あとで設定する' }).click();
    await page.waitForURL(`**/t/${slug}`);
    await page.getByRole('heading', { name: 'ようこそ、田中 美咲 さん' }).waitFor();
    await page.getByText('アルムナイ', { exact: true }).waitFor();
    // The alumni app is split from the HR console: none of the console's code reached this phone,
    // nor the English catalog before English was chosen.
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(3);
    expect(
      loaded.filter(({ body }) => /registry\/(records|imports)/.test(body)).map(({ url }) => url),
    ).toEqual([]);
    expect(loaded.filter(({ body }) => body.includes('Send link'))).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Welcome, 田中 美咲' }).waitFor();
    await page.getByText('Alumnus', { exact: true }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await context.close();
  });

  it('an HR admin signs in in English, lands in the console and adds a moderator', async () => {
    const { tenant, slug } = await createTestTenant(suite.server);
    const { email } = await addTestMember(suite.server, tenant.id, 'admin', { displayName: 'Hanako Sato' });
    const context = await suite.contextAs(null, { language: 'en', pinLanguage: false });
    const page = await context.newPage();
    await signInThroughMailbox(page, email, english);
    await page.waitForURL(`**/t/${slug}/admin`);
    await page.getByRole('heading', { name: 'Admin console' }).waitFor();
    await page.getByRole('link', { name: 'Members and staff' }).click();
    await page.getByLabel('E-mail address').fill('moderator.e2e@example.jp');
    await page.getByLabel('Display name').fill('Ichiro Suzuki');
    await page.getByLabel('Role', { exact: true }).last().selectOption('moderator');
    await page.getByRole('button', { name: 'Add a member' }).click();
    await page.getByText('Ichiro Suzuki was added and invited by e-mail.').waitFor();
    await page.locator('li', { hasText: 'moderator.e2e@example.jp' }).waitFor();
    await context.close();
  });

  it('stays signed in when the page’s first session look-up answers after the sign-in', async () => {
    const { tenant, slug } = await createTestTenant(suite.server);
    const { email } = await addTestMember(suite.server, tenant.id, 'admin', { displayName: 'Jiro Sato' });
    const context = await suite.contextAs(null, { language: 'en', pinLanguage: false });
    const page = await context.newPage();
    // The link page asks who is signed in as it opens (nobody yet). Its answer is held back until a
    // later look-up, made after the sign-in, has answered: a slow network can deliver them so.
    let held = false;
    let releaseHeld: () => void = () => {};
    const laterAnswered = new Promise<void>((resolve) => {
      releaseHeld = resolve;
    });
    page.on('requestfinished', (request) => {
      if (held && request.url().endsWith('/api/v1/session')) releaseHeld();
    });
    await page.route('**/api/v1/session', async (route) => {
      if (held || !page.url().includes('/auth/verify')) return route.continue();
      held = true;
      const response = await route.fetch();
      await laterAnswered;
      await route.fulfill({ response });
    });
    await signInThroughMailbox(page, email, english);
    await page.waitForURL(`**/t/${slug}/admin`);
    await page.getByRole('heading', { name: 'Admin console' }).waitFor();
    expect(held).toBe(true);
    await context.close();
  });

  it('registers a passkey and signs in with it, without e-mail', async () => {
    const { ownerEmail } = await createTestTenant(suite.server);
    const context = await suite.contextAs(null);
    const page = await context.newPage();
    // Chromium's virtual authenticator stands in for the phone's fingerprint sensor.
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await signInThroughMailbox(page, ownerEmail, japanese);
    await page.waitForURL('**/admin');
    await page.goto(`${suite.server.publicUrl}/account`);
    await page.getByRole('button', { name: 'パスキーを追加' }).click();
    await page.getByText('パスキーを登録しました。').waitFor();
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await page.waitForURL(`${suite.server.publicUrl}/`);

    await page.goto(`${suite.server.publicUrl}/signin`);
    await page.getByRole('button', { name: 'パスキーでサインイン' }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: '管理コンソール' }).waitFor();
    await context.close();
  });
});
