import { describe, expect, it } from 'vitest';
import { communityMember } from '../server/test/community-factories.js';
import { createTestTenant, signIn } from '../server/test/factories.js';
import { browserSuite, hasChromium, narrowPhone } from './browser.js';
import { checkScreen } from './screens.js';

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
  it('a member reports a comment on an article; a moderator hides it from the community queue, its author sees why, and staff restore it on the article', {
    timeout: 180_000,
  }, async () => {
    const { tenant, slug } = await createTestTenant(suite.server);
    const network = { id: tenant.id, slug };
    const staff = await communityMember(suite.server, network, { role: 'admin', displayName: '人事 一郎' });
    const author = await communityMember(suite.server, network, { displayName: '投稿 太郎' });
    const reader = await communityMember(suite.server, network, { displayName: '通報 花子' });
    const moderator = await communityMember(suite.server, network, { role: 'moderator' });
    const { categories } = (
      await staff.client.get<{ categories: { id: string }[] }>(`/api/v1/t/${slug}/news/categories`)
    ).body;
    const article = (
      await staff.client.post<{ id: string }>(`/api/v1/t/${slug}/news-desk/articles`, {
        title: '新しい評価制度について',
        body: '来期から評価制度を変えます。',
        categoryId: categories[0]!.id,
        allowComments: true,
      })
    ).body;
    expect(
      (await staff.client.post(`/api/v1/t/${slug}/news-desk/articles/${article.id}/publish`)).status,
    ).toBe(200);
    const posted = await author.client.post(`/api/v1/t/${slug}/news/articles/${article.id}/comments`, {
      body: '前の部長は最悪でした',
    });
    expect(posted.status).toBe(201);
    const articleUrl = `${suite.server.publicUrl}/t/${slug}/news/${article.id}`;

    const { page: readerPage } = await suite.pageAs(reader.client, { size: narrowPhone });
    await readerPage.goto(articleUrl);
    const comment = readerPage.getByRole('listitem').filter({ hasText: '前の部長は最悪でした' });
    await comment.getByRole('button', { name: '通報する' }).click();
    await comment.getByLabel('通報の理由').selectOption('harassment');
    await comment.getByRole('button', { name: '通報を送る' }).click();
    await comment.getByText('通報を受け付けました。', { exact: false }).waitFor();

    const { page: moderatorPage } = await suite.pageAs(moderator.client, { size: narrowPhone });
    await moderatorPage.goto(`${suite.server.publicUrl}/t/${slug}/moderation`);
    const report = moderatorPage.getByRole('article', { name: '通報 花子 さんからの通報' });
    await report.getByRole('link', { name: '新しい評価制度について' }).waitFor();
    await report.getByText('前の部長は最悪でした').waitFor();
    const queueCheck = await checkScreen(moderatorPage, 'moderation queue with an article comment');
    expect(queueCheck.violations).toEqual([]);
    expect(queueCheck.overflow).toBeLessThanOrEqual(0);
    await report
      .getByLabel('対応の理由（投稿者に表示されます）')
      .fill('特定の個人への中傷にあたるため非表示にしました。');
    await report.getByRole('button', { name: '非表示にする' }).click();
    await moderatorPage.getByText('対応が必要な通報はありません。').waitFor();

    await readerPage.reload();
    await readerPage.getByText('まだコメントはありません。').waitFor();
    const { page: authorPage } = await suite.pageAs(author.client, { size: narrowPhone });
    await authorPage.goto(articleUrl);
    await authorPage
      .getByText(
        'このコメントはモデレーターにより非表示になりました（ほかの方には表示されません）。理由：特定の個人への中傷にあたるため非表示にしました。',
      )
      .waitFor();

    const { page: staffPage } = await suite.pageAs(staff.client, { size: narrowPhone });
    await staffPage.goto(articleUrl);
    const hidden = staffPage.getByRole('listitem').filter({ hasText: '前の部長は最悪でした' });
    await hidden.getByText(/^非表示中のコメントです/).waitFor();
    const articleCheck = await checkScreen(staffPage, 'article with a hidden comment (staff)');
    expect(articleCheck.violations).toEqual([]);
    expect(articleCheck.overflow).toBeLessThanOrEqual(0);
    await hidden.getByRole('button', { name: 'コメントを再表示する' }).click();
    await hidden.getByText('このコメントを非表示にする').waitFor();
    expect(await hidden.getByText(/^非表示中のコメントです/).count()).toBe(0);
    await readerPage.reload();
    await readerPage.getByText('前の部長は最悪でした').waitFor();
  });
});
