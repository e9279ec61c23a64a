import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { alumniRecords, segments } from '../server/db/schema/index.js';
import { enterTenant, inTenant } from '../server/db/scope.js';
import { audienceMember, audienceRecord } from '../server/modules/programmes/audience/audience-factories.js';
import { createTestTenant, mailsTo, signIn } from '../server/test/factories.js';
import { browserSuite, hasChromium, phone } from './browser.js';
import { checkScreen, narrowPhone } from './screens.js';

const suite = browserSuite();

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
    const { slug, ownerEmail } = await createTestTenant(suite.server);
    const owner = await signIn(suite.server, ownerEmail);
    const page = (await suite.pageAs(owner)).page;
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/settings`);
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
    // Counting opens and clicks is off until staff tick it.
    const tracking = page.getByLabel('メールマガジンの開封数とクリック数を計測する');
    expect(await tracking.isChecked()).toBe(false);
    await tracking.check();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました').waitFor();
    expect(await sender.getByText('まだ送信できません').count()).toBe(0);
    const saved = await owner.get<Record<string, string | boolean>>(`/api/v1/t/${slug}/settings`);
    expect(saved.body).toMatchObject({
      senderName: 'デモ株式会社 人事部',
      senderAddress: '〒100-0005 東京都千代田区丸の内1-1-1',
      senderContact: 'alumni@demo.example',
      newsletterTracking: true,
    });

    await page.reload();
    await sender.getByLabel('連絡先').waitFor();
    expect(await sender.getByLabel('連絡先').inputValue()).toBe('alumni@demo.example');
    const english = (await suite.pageAs(owner, { language: 'en' })).page;
    await english.goto(`${suite.server.publicUrl}/t/${slug}/admin/settings`);
    await english
      .getByRole('group', { name: /Newsletter sender/ })
      .getByLabel('Postal address')
      .waitFor();
    await expectAccessible(english, 'settings (en)');
  });

  it('staff send a newsletter to a segment with a record who has not joined; the mailbox shows its unsubscribe headers and the link turns company mail off', {
    timeout: 240_000,
  }, async () => {
    const n = await newsletterNetwork();
    const page = (await suite.pageAs(n.owner)).page;
    await page.goto(`${suite.server.publicUrl}/t/${n.slug}/admin/news`);
    await page.getByRole('heading', { level: 2, name: 'お知らせ', exact: true }).waitFor();
    await page.locator('.console-body').getByRole('link', { name: 'メールマガジン', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'メールマガジン', exact: true }).waitFor();
    await page.getByText('まだメールマガジンはありません。').waitFor();
    await expectAccessible(page, 'newsletters (ja)');

    await page.getByRole('link', { name: 'メールマガジンを作成' }).click();
    await page.getByRole('heading', { level: 2, name: '新しいメールマガジン' }).waitFor();
    await page.getByLabel('件名').fill('12月のアルムナイ通信');
    await page
      .getByLabel('案内文')
      .fill('いつもありがとうございます。今月は新しい人事制度をお知らせします。');
    await page.getByLabel('新しい人事制度のお知らせ').check();
    await page.getByLabel('名簿のセグメント').check();
    await page.getByLabel('まだ参加していない方（名簿）にも案内する').check();
    // The preview counts the consenting member and the consenting record, and names who is left out.
    await page.getByText('2人にメールが届きます').waitFor();
    await page.getByText('（メンバー1人・未参加の方1人）').waitFor();
    await page.getByText(/連絡への同意なし: 1人/).waitFor();
    await expectAccessible(page, 'newsletter compose (ja)');
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByText('下書きを保存しました。').waitFor();
    await page.getByRole('heading', { level: 2, name: 'メールマガジンの編集' }).waitFor();
    const campaignUrl = page.url();

    await page.getByRole('button', { name: '自分にテスト送信' }).click();
    await page
      .getByText(`テストメールを ${n.ownerEmail} に送りました（件名に［テスト］が付きます）。`)
      .waitFor();
    const tests = await mailsTo(suite.server, n.ownerEmail);
    expect(tests.filter((mail) => mail.subject.includes('12月のアルムナイ通信'))).toHaveLength(1);

    // Send now, from two tabs at once (as a double click would): the server takes it once and the
    // other tab shows why it was refused.
    const second = await page.context().newPage();
    await second.goto(page.url());
    for (const tab of [page, second]) {
      await tab.getByRole('button', { name: '今すぐ送信' }).click();
      await tab.getByText('対象の方に今すぐ送信します。送信を始めると取り消せません。').waitFor();
    }
    await page.getByRole('button', { name: '送信する', exact: true }).click();
    await page.getByText('送信を始めました。配信状況は自動で更新されます。').waitFor();
    await second.getByRole('button', { name: '送信する', exact: true }).click();
    await second.getByText('このメールマガジンはすでに送信中か送信済みです。').waitFor();
    await second.close();
    await suite.server.deps.jobs.drain();
    const counts = page.getByRole('definition');
    // The page asks again while the campaign is going out, until it is sent.
    await page.locator('.badge', { hasText: '送信済み' }).waitFor();
    await page.getByRole('heading', { level: 3, name: '配信状況' }).waitFor();
    await expect.poll(() => counts.allTextContents(), { timeout: 15_000 }).toEqual(['0', '2', '0', '0', '0']);
    expect(await mailsTo(suite.server, n.member.email)).toHaveLength(1);
    expect(await mailsTo(suite.server, n.record.email!)).toHaveLength(1);
    expect(await mailsTo(suite.server, n.noConsentRecord.email!)).toHaveLength(0);
    await expectAccessible(page, 'newsletter sent (ja)');

    // Each recipient's state, address and the consent the mail went out under, filtered by state.
    await page.getByRole('link', { name: '宛先ごとの配信状況を見る' }).click();
    await page.getByRole('heading', { level: 2, name: '宛先ごとの配信状況' }).waitFor();
    const recipients = page.getByRole('list', { name: '宛先一覧' });
    const recordRow = recipients.getByRole('listitem').filter({ hasText: n.record.email! });
    await recordRow.getByText('記録 一郎').waitFor();
    await recordRow.locator('.badge', { hasText: '送信済み' }).waitFor();
    await recordRow.getByText(/名簿の連絡同意/).waitFor();
    const memberRow = recipients.getByRole('listitem').filter({ hasText: n.member.email });
    await memberRow.getByText(/同意台帳/).waitFor();
    expect(await recipients.getByRole('listitem').count()).toBe(2);
    await page.getByText('全2件中 1〜2件目').waitFor();
    await expectAccessible(page, 'newsletter recipients (ja)');
    const deliveriesUrl = page.url();
    await page.getByLabel('状態で絞り込む').selectOption('unsubscribed');
    await page.getByText('この状態の宛先はありません。').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('unsubscribed');
    const csv = page.getByRole('link', { name: 'CSV（Shift_JIS・Excel向け）をダウンロード' });
    expect(await csv.getAttribute('href')).toMatch(/deliveries\/export\?encoding=cp932&status=unsubscribed$/);

    // The dev mailbox shows the record's mail with its RFC 8058 headers and their own stop link.
    await page.goto(`${suite.server.publicUrl}/dev/mailbox`);
    const mail = page.locator('article', { hasText: n.record.email! });
    await mail.getByRole('heading', { name: '12月のアルムナイ通信' }).waitFor();
    const headers = mail.getByRole('definition');
    expect(await mail.getByRole('term').allTextContents()).toEqual([
      'List-Unsubscribe',
      'List-Unsubscribe-Post',
    ]);
    expect(await headers.nth(0).textContent()).toMatch(
      /^<http:\/\/.+\/api\/v1\/programmes\/unsubscribe\/one-click\?/,
    );
    expect(await headers.nth(1).textContent()).toBe('List-Unsubscribe=One-Click');
    await expectAccessible(page, 'dev mailbox with headers (ja)');
    const text = (await mail.locator('pre').textContent()) ?? '';
    const stopLink = /https?:\/\/\S+\/stop\/\S+/.exec(text)?.[0];
    expect(stopLink).toBeDefined();
    expect(text).toContain(`/invite/${n.slug}#token=`);

    // The person follows it without signing in: their company mail is off at once, and the record says so.
    const stranger = await suite.contextAs(null);
    const stop = await stranger.newPage();
    await stop.goto(stopLink!);
    await stop.getByRole('button', { name: '配信を停止する' }).click();
    await stop.getByText('配信を停止しました。今後このお知らせはメールで届きません。').waitFor();
    await stranger.close();
    const detail = await n.owner.get<{
      record: { contactConsent: string };
      history: { source: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    }>(`/api/v1/t/${n.slug}/registry/records/${n.record.id}`);
    expect(detail.body.record.contactConsent).toBe('withdrawn');
    expect(detail.body.history.find((entry) => entry.source === 'unsubscribe')?.changes).toContainEqual({
      field: 'contactConsent',
      from: 'granted',
      to: 'withdrawn',
    });
    expect(await n.recordConsent()).toEqual([{ consent: 'withdrawn' }]);

    await page.goto(campaignUrl);
    await page.locator('.badge', { hasText: '送信済み' }).waitFor();
    // The campaign's counts show the person as unsubscribed now.
    expect(await counts.allTextContents()).toEqual(['0', '1', '0', '0', '1']);
    // On the recipients screen the person is now unsubscribed, and the only one in that state.
    await page.goto(`${deliveriesUrl}?status=unsubscribed`);
    const stopped = page.getByRole('list', { name: '宛先一覧（配信停止）' }).getByRole('listitem');
    await stopped.filter({ hasText: n.record.email! }).locator('.badge', { hasText: '配信停止' }).waitFor();
    expect(await stopped.count()).toBe(1);
    await page.goto(campaignUrl);
    await page.locator('.badge', { hasText: '送信済み' }).waitFor();
    await page.getByRole('link', { name: 'メールマガジン一覧へ戻る' }).click();
    const row = page.getByRole('listitem').filter({ hasText: '12月のアルムナイ通信' });
    await row.locator('.badge', { hasText: '送信済み' }).waitFor();
    await row.getByText(/宛先 2人/).waitFor();
  });

  it('staff schedule a newsletter and cancel the schedule, in English', { timeout: 120_000 }, async () => {
    const n = await newsletterNetwork();
    const created = await n.owner.post<{ id: string }>(`/api/v1/t/${n.slug}/news-desk/newsletters`, {
      subject: 'Alumni news for December',
      articleIds: [n.articleId],
    });
    expect(created.status).toBe(201);
    const page = (await suite.pageAs(n.owner, { language: 'en' })).page;
    await page.goto(`${suite.server.publicUrl}/t/${n.slug}/admin/news/newsletters/${created.body.id}`);
    await page.getByRole('heading', { level: 2, name: 'Edit newsletter' }).waitFor();
    await expectAccessible(page, 'newsletter compose (en)');
    await page.getByLabel('Send at (Japan time)').fill('2020-01-01T09:00');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByText('The send time must be in the future.').waitFor();
    await page.getByLabel('Send at (Japan time)').fill(`${new Date().getFullYear() + 1}-01-05T09:00`);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByText(/^Scheduled for /).waitFor();
    await page.getByText('Scheduled', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Cancel the scheduled send' }).click();
    await page.getByText('The scheduled send was cancelled.').waitFor();
    await page.getByText('Schedule cancelled', { exact: true }).waitFor();
    await page.goto(`${suite.server.publicUrl}/t/${n.slug}/admin/news/newsletters`);
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Alumni news for December' })
      .getByText('Schedule cancelled')
      .waitFor();
    await expectAccessible(page, 'newsletters (en)');
  });

  it('says that nothing can be sent until the sender is set, with the way to the settings', {
    timeout: 60_000,
  }, async () => {
    const { slug, ownerEmail } = await createTestTenant(suite.server);
    const owner = await signIn(suite.server, ownerEmail);
    const page = (await suite.pageAs(owner)).page;
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/news/newsletters`);
    await page.getByText(/送信者の住所と連絡先（特定電子メール法の表示）が未設定のため/).waitFor();
    await page.getByRole('link', { name: 'ネットワーク設定で送信者を入力する' }).click();
    await page.getByRole('group', { name: 'メールマガジンの送信者（特定電子メール法の表示）' }).waitFor();
  });
});

/** A network with a sender, a published article, and a segment (営業) holding people with and without consent. */
async function newsletterNetwork() {
  const created = await createTestTenant(suite.server);
  const tenantId = created.tenant.id;
  const owner = await signIn(suite.server, created.ownerEmail);
  const base = `/api/v1/t/${created.slug}`;
  expect(
    (
      await owner.patch(`${base}/settings`, {
        senderAddress: '東京都千代田区丸の内1-1-1',
        senderContact: 'alumni@example.com',
      })
    ).status,
  ).toBe(200);
  await suite.server.deps.database.db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    await tx.insert(segments).values({ tenantId, name: '営業部出身', filter: { department: '営業' } });
  });
  const sales = { lastDepartment: '営業' };
  const member = await audienceMember(suite.server, tenantId, {
    displayName: '同意 花子',
    consents: ['company_news'],
    record: sales,
  });
  const record = await audienceRecord(suite.server, tenantId, {
    familyName: '記録',
    givenName: '一郎',
    contactConsent: 'granted',
    consentSource: 'exit_survey',
    ...sales,
  });
  const noConsentRecord = await audienceRecord(suite.server, tenantId, { familyName: '未同意', ...sales });
  const categories = (await owner.get<{ categories: { id: string }[] }>(`${base}/news/categories`)).body
    .categories;
  const article = await owner.post<{ id: string }>(`${base}/news-desk/articles`, {
    title: '新しい人事制度のお知らせ',
    body: '副業が認められました。',
    categoryId: categories[0]!.id,
  });
  expect((await owner.post(`${base}/news-desk/articles/${article.body.id}/publish`)).status).toBe(200);
  const recordConsent = () =>
    inTenant(suite.server.deps.database.db, tenantId, (tx) =>
      tx
        .select({ consent: alumniRecords.contactConsent })
        .from(alumniRecords)
        .where(and(eq(alumniRecords.tenantId, tenantId), eq(alumniRecords.id, record.id))),
    );
  return {
    slug: created.slug,
    owner,
    ownerEmail: created.ownerEmail,
    member,
    record,
    noConsentRecord,
    articleId: article.body.id,
    recordConsent,
  };
}
