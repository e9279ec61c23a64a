import { describe, expect, it } from 'vitest';
import { communityMember, linkedRecord } from '../server/test/community-factories.js';
import { addTestMember, createTestTenant } from '../server/test/factories.js';
import { browserSuite, hasChromium, signInByMail } from './browser.js';

const suite = browserSuite();

describe.skipIf(!hasChromium)('a new member’s first timeline on a phone', () => {
  it('follows the hashtag chosen at sign-up, says what to do next beside a pinned announcement, and suggests tags, groups and colleagues', async () => {
    const created = await createTestTenant(suite.server);
    const tenant = { id: created.tenant.id, slug: created.slug };
    const slug = tenant.slug;
    const hr = await communityMember(suite.server, tenant, { role: 'admin', displayName: '人事 部長' });
    const announcement = await hr.client.post<{ id: string }>(`/api/v1/t/${slug}/community/posts`, {
      body: 'アルムナイネットワークへようこそ。',
      announcement: true,
    });
    await hr.client.put(`/api/v1/t/${slug}/community/posts/${announcement.body.id}/pin`, { pinned: true });
    const writer = await communityMember(suite.server, tenant, {
      displayName: '起業 先輩',
      profile: { hashtags: ['起業'] },
    });
    await writer.client.post(`/api/v1/t/${slug}/community/posts`, {
      body: '来月、起業の勉強会をします #起業',
    });
    const designer = await communityMember(suite.server, tenant, {
      displayName: '意匠 三郎',
      profile: { hashtags: ['デザイン'] },
    });
    await designer.client.post(`/api/v1/t/${slug}/community/groups`, {
      name: 'デザイン部',
      visibility: 'open',
      hashtags: ['デザイン'],
    });
    const colleague = await communityMember(suite.server, tenant, {
      displayName: '同僚 一郎',
      profile: { visibility: { tenure: 'members' } },
    });
    await linkedRecord(suite.server, tenant, colleague.id, {
      familyName: '同僚',
      joinedOn: '2014-04-01',
      leftOn: '2021-03-31',
      lastDepartment: '営業部',
    });
    const newcomer = await addTestMember(suite.server, tenant.id, 'alumnus', { displayName: '新人 花子' });
    await linkedRecord(suite.server, tenant, newcomer.membership.id, {
      familyName: '新人',
      joinedOn: '2012-04-01',
      leftOn: '2019-03-31',
      lastDepartment: '営業部',
    });

    const context = await suite.contextAs(null);
    const page = await context.newPage();
    await signInByMail(page, suite.server, newcomer.email);
    await page.waitForURL(`**/t/${slug}/welcome`);
    await page.getByLabel('メンバー名簿に掲載する').check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByLabel('在籍期間と所属部署をメンバーに公開する').check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByLabel('ハッシュタグ').fill('デザイン');
    await page.getByLabel('ハッシュタグ').press('Enter');
    await page.getByRole('button', { name: '#デザイン を外す' }).waitFor();
    await page.getByRole('button', { name: 'はじめる' }).click();
    await page.waitForURL(`**/t/${slug}`);

    // The pinned announcement, then an empty state that does not deny it and tells the next step.
    await page.getByRole('article', { name: '人事 部長 さんの投稿' }).getByText('ようこそ').waitFor();
    await page.getByText('お知らせのほかには、まだ投稿がありません。', { exact: false }).waitFor();
    expect(await page.getByText('まだ投稿はありません', { exact: false }).count()).toBe(0);
    await page.getByRole('heading', { name: 'よく使われているハッシュタグ' }).waitFor();
    // #デザイン was followed at sign-up, so only #起業 is offered.
    expect(await page.getByRole('button', { name: '#デザイン をフォロー' }).count()).toBe(0);
    await page.getByRole('heading', { name: '参加できるグループ' }).waitFor();
    await page.getByRole('link', { name: 'デザイン部' }).waitFor();
    await page.getByRole('heading', { name: '知り合いかもしれないメンバー' }).waitFor();
    await page.getByRole('link', { name: '同僚 一郎' }).waitFor();
    await page.getByRole('link', { name: '意匠 三郎' }).waitFor();

    // Following a suggested tag fills the timeline at once.
    await page.getByRole('button', { name: '#起業 をフォロー' }).click();
    await page.getByRole('article', { name: '起業 先輩 さんの投稿' }).getByText('起業の勉強会').waitFor();
    expect(await page.getByText('お知らせのほかには', { exact: false }).count()).toBe(0);

    // The group page tells a member who joined how to start, not to join groups.
    await page.goto(`${suite.server.publicUrl}/t/${slug}/groups`);
    await page.getByRole('link', { name: 'デザイン部' }).click();
    await page.getByRole('heading', { name: 'デザイン部' }).waitFor();
    await page.getByText('まだ投稿はありません。参加すると、このグループに投稿できます。').waitFor();
    await page.getByRole('button', { name: '参加する' }).click();
    await page.getByRole('button', { name: 'グループから退出する' }).waitFor();
    await page.getByText('まだ投稿はありません。最初の投稿で、メンバーにあいさつしてみましょう。').waitFor();
    expect(await page.getByText('グループに参加したり', { exact: false }).count()).toBe(0);
    await context.close();
  });
});
