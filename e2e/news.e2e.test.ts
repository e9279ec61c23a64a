import { describe, expect, it } from 'vitest';
import { communityMember } from '../server/test/community-factories.js';
import { createTestTenant, signIn } from '../server/test/factories.js';
import { browserSuite, hasChromium, narrowPhone } from './browser.js';

const suite = browserSuite();

describe.skipIf(!hasChromium)('news on a phone', () => {
  it('staff publish an article in a category, a member reads it, and staff see one reader', {
    timeout: 180_000,
  }, async () => {
    const { tenant, slug, ownerEmail } = await createTestTenant(suite.server);
    const owner = await signIn(suite.server, ownerEmail);
    const member = await communityMember(suite.server, { id: tenant.id, slug }, { displayName: '読者 花子' });

    const { page: staff } = await suite.pageAs(owner, { size: narrowPhone });
    await staff.goto(`${suite.server.publicUrl}/t/${slug}/admin/news`);
    await staff.getByRole('heading', { level: 2, name: 'お知らせ', exact: true }).waitFor();
    await staff.getByRole('link', { name: '記事を書く' }).click();
    await staff.getByRole('heading', { level: 2, name: '新しい記事', exact: true }).waitFor();
    await staff.getByLabel('タイトル').fill('副業の制度が始まりました');
    await staff.getByLabel('カテゴリー').selectOption({ label: '制度・働き方' });
    await staff.getByLabel('本文').fill('**4月から**、副業を届け出制で認めます。');
    await staff.getByRole('button', { name: '今すぐ公開' }).click();
    await staff.getByText('公開しました。対象のメンバーに通知しました。').waitFor();
    await staff.getByText('既読 0人（メンバーごとに1回）').waitFor();

    const { page: reader } = await suite.pageAs(member.client, { size: narrowPhone });
    await reader.goto(`${suite.server.publicUrl}/t/${slug}`);
    await reader.getByRole('link', { name: 'ニュース' }).click();
    await reader.getByRole('heading', { level: 1, name: 'ニュース', exact: true }).waitFor();
    const item = reader.getByRole('listitem').filter({ hasText: '副業の制度が始まりました' });
    await item.getByText('未読').waitFor();
    await reader.getByRole('link', { name: '制度・働き方' }).click();
    await reader.getByRole('heading', { level: 1, name: '制度・働き方', exact: true }).waitFor();
    await reader.getByRole('link', { name: '副業の制度が始まりました' }).click();
    await reader.getByRole('heading', { level: 1, name: '副業の制度が始まりました', exact: true }).waitFor();
    expect(await reader.locator('.news-body strong').textContent()).toBe('4月から');
    await reader.getByRole('link', { name: 'ニュース一覧へ戻る' }).click();
    await reader.getByRole('heading', { level: 1, name: 'ニュース', exact: true }).waitFor();
    await item.getByRole('link', { name: '副業の制度が始まりました' }).waitFor();
    expect(await item.getByText('未読').count()).toBe(0);

    await staff.goto(`${suite.server.publicUrl}/t/${slug}/admin/news`);
    await staff.getByRole('heading', { level: 2, name: 'お知らせ', exact: true }).waitFor();
    const row = staff.getByRole('listitem').filter({ hasText: '副業の制度が始まりました' });
    await row.getByText('既読 1人').waitFor();
    expect(await row.getByText('公開中').count()).toBe(1);
  });
});
