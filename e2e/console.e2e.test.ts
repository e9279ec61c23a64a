import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { communityMember } from '../server/test/community-factories.js';
import { addTestMember, createTestTenant, tenantWithMember } from '../server/test/factories.js';
import { browserSuite, hasChromium, signInByMail } from './browser.js';

const suite = browserSuite();

/** Every API answer of 400 or more the page receives, as "status method path". */
function failedCalls(page: Page) {
  const failed: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/') && response.status() >= 400) {
      failed.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
    }
  });
  return failed;
}

describe.skipIf(!hasChromium)('the HR console on a phone', () => {
  it('an invitee joins without a failing call, and HR sees the invitation as joined with no reminder', async () => {
    const { slug, client: hrApi, member: hr } = await tenantWithMember(suite.server, 'admin');
    const email = `e2e.invite.${Date.now()}@example.jp`;
    const record = await hrApi.post<{ id: string }>(`/api/v1/t/${slug}/registry/records`, {
      familyName: '井上',
      givenName: '真央',
      familyNameKana: 'イノウエ',
      givenNameKana: 'マオ',
      emails: [email],
      contactConsent: 'granted',
    });
    await hrApi.post(`/api/v1/t/${slug}/registry/invitations`, {
      recordIds: [record.body.id],
      locale: 'ja',
      subject: 'ご招待',
      body: '{氏名} 様\n{リンク}',
      reminderAfterDays: 7,
    });

    const invitee = await suite.contextAs(null);
    const page = await invitee.newPage();
    const failed = failedCalls(page);
    // As in the invitation mail: the link from the dev mailbox, then one tap.
    await suite.server.deps.jobs.drain();
    await page.goto(`${suite.server.publicUrl}/dev/mailbox`);
    await page.locator('article', { hasText: email }).first().getByRole('link').first().click();
    await page.waitForURL(`**/invite/${slug}**`);
    await page.getByRole('button', { name: '参加する' }).click();
    await page.waitForURL(`**/t/${slug}/welcome`);
    await page.getByText('1 / 3', { exact: false }).waitFor();
    expect(failed).toEqual([]);

    const staff = await suite.contextAs(null);
    const desk = await staff.newPage();
    await signInByMail(desk, suite.server, hr.email);
    await desk.goto(`${suite.server.publicUrl}/t/${slug}/admin/invitations`);
    const row = desk.getByRole('listitem').filter({ hasText: '井上 真央' });
    await row.getByText('参加済み').waitFor();
    expect(await row.textContent()).not.toContain('リマインド');
    await Promise.all([invitee.close(), staff.close()]);
  });

  it('HR reaches the company inbox and moderation from the console without the alumni set-up', async () => {
    const { slug, member: hr } = await tenantWithMember(suite.server, 'admin');
    const staff = await suite.contextAs(null);
    const page = await staff.newPage();
    await signInByMail(page, suite.server, hr.email);
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin`);
    const nav = page.getByRole('navigation', { name: '管理コンソール' });
    await nav.getByRole('link', { name: 'モデレーション' }).click();
    await page.getByRole('heading', { name: 'モデレーション', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/t/${slug}/moderation`);
    await page.getByRole('link', { name: '← 管理コンソール' }).click();
    await page
      .getByRole('navigation', { name: '管理コンソール' })
      .getByRole('link', { name: '会社の受信箱' })
      .click();
    await page.getByRole('heading', { name: '会社の受信箱', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/t/${slug}/inbox`);
    // Taking part in the community itself still starts with the consent questions.
    await page.goto(`${suite.server.publicUrl}/t/${slug}`);
    await page.waitForURL(`**/t/${slug}/welcome`);
    await staff.close();
  });

  it('HR opens a reported member from the moderation queue without the alumni set-up', async () => {
    const { tenant, slug, ownerEmail } = await createTestTenant(suite.server);
    const network = { id: tenant.id, slug };
    const reported = await communityMember(suite.server, network, { displayName: '報告 太郎' });
    const reporter = await communityMember(suite.server, network, { displayName: '通報 花子' });
    const report = await reporter.client.post(`/api/v1/t/${slug}/community/reports`, {
      targetType: 'member',
      targetId: reported.id,
      reason: 'spam',
    });
    expect(report.status).toBe(201);

    const staff = await suite.contextAs(null);
    const page = await staff.newPage();
    await signInByMail(page, suite.server, ownerEmail);
    await page.goto(`${suite.server.publicUrl}/t/${slug}/moderation`);
    await page.getByRole('heading', { name: 'モデレーション', level: 1 }).waitFor();
    await page.getByRole('link', { name: '報告 太郎' }).click();
    await page.getByRole('heading', { name: '報告 太郎', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/t/${slug}/people/${reported.id}`);
    // The directory itself is taking part in the community: it still starts with the set-up.
    await page.goto(`${suite.server.publicUrl}/t/${slug}/people`);
    await page.waitForURL(`**/t/${slug}/welcome`);
    await staff.close();
  });

  it('exactly one console item is current on every news and newsletter path', async () => {
    const { slug, client: hrApi } = await tenantWithMember(suite.server, 'admin');
    const { page } = await suite.pageAs(hrApi);
    const nav = page.getByRole('navigation', { name: '管理コンソール' });
    const expectations: [string, string, string][] = [
      ['news', 'お知らせ', 'お知らせ'],
      ['news/new', 'お知らせ', '新しい記事'],
      ['news/newsletters', 'メールマガジン', 'メールマガジン'],
      ['news/newsletters/new', 'メールマガジン', '新しいメールマガジン'],
      ['registry', 'アルムナイ名簿', 'アルムナイ名簿'],
    ];
    for (const [path, item, heading] of expectations) {
      await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/${path}`);
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
      const current = nav.locator('a[aria-current="page"]');
      expect(await current.allTextContents(), path).toEqual([item]);
    }
    await page.context().close();
  });

  it('the members list asks before suspending a member, and changes nothing when cancelled', async () => {
    const { slug, tenant, member: hr } = await tenantWithMember(suite.server, 'admin');
    await addTestMember(suite.server, tenant.id, 'alumnus', { displayName: '中村 智博' });
    const staff = await suite.contextAs(null);
    const page = await staff.newPage();
    await signInByMail(page, suite.server, hr.email);
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/members`);
    const row = page.getByRole('listitem').filter({ hasText: '中村 智博' });
    await row.getByText('中村 智博 さんの操作').click();
    await row.getByRole('button', { name: '利用停止' }).click();
    await row.getByText('中村 智博 さんを利用停止にしますか？', { exact: false }).waitFor();
    await row.getByRole('button', { name: 'キャンセル' }).click();
    expect(await row.getByText('利用停止中').count()).toBe(0);
    await row.getByText('中村 智博 さんの操作').click();
    await row.getByRole('button', { name: '利用停止' }).click();
    await row.getByRole('alert').getByRole('button', { name: '利用停止' }).click();
    await row.getByText('利用停止中').waitFor();
    await staff.close();
  });

  it("the console brings its own words, in either language, and an alumnus's phone never downloads them", async () => {
    const { slug, tenant, client: hrApi } = await tenantWithMember(suite.server, 'admin');
    const { page: desk } = await suite.pageAs(hrApi);
    await desk.goto(`${suite.server.publicUrl}/t/${slug}/admin`);
    await desk.getByRole('link', { name: 'アルムナイ名簿' }).first().waitFor();
    await desk.getByRole('button', { name: 'English' }).click();
    await desk.getByRole('link', { name: 'Alumni registry' }).first().waitFor();
    await desk.context().close();

    const alumnus = await communityMember(suite.server, tenant);
    const { page } = await suite.pageAs(alumnus.client);
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) scripts.push(response.text());
    });
    await page.goto(`${suite.server.publicUrl}/t/${slug}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const bodies = await Promise.all(scripts);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.filter((body) => body.includes('アルムナイ名簿'))).toEqual([]);
    await page.context().close();
  });
});
