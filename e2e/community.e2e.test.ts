import { describe, expect, it } from 'vitest';
import { communityMember, photoBytes } from '../server/test/community-factories.js';
import { tenantWithMember } from '../server/test/factories.js';
import { browserSuite, hasChromium, openMailLink, signInByMail } from './browser.js';

const suite = browserSuite();

/**
 * Opens the newest mail to an address from the dev mailbox (with the given subject, when other mail
 * such as notifications may have arrived with it) and follows its first link.
 */
describe.skipIf(!hasChromium)('the alumni community on a phone', () => {
  it('an invited alumnus joins in three screens, adds #起業, finds a group through it and posts; another member sees it arrive live; then blocks them', async () => {
    const { slug, tenant, client: hr } = await tenantWithMember(suite.server, 'admin');
    const founder = await communityMember(
      suite.server,
      { id: tenant.id, slug },
      {
        displayName: '起業 先輩',
        profile: {
          displayNameKana: 'きぎょう せんぱい',
          hashtags: ['起業'],
          currentCompany: '株式会社はじまり',
        },
      },
    );
    await founder.client.post(`/api/v1/t/${slug}/community/groups`, {
      name: '起業部',
      description: '起業した人、したい人の集まりです。',
      visibility: 'open',
      hashtags: ['起業'],
    });
    const email = `e2e.join.${Date.now()}@example.jp`;
    const record = await hr.post<{ id: string }>(`/api/v1/t/${slug}/registry/records`, {
      familyName: '新井',
      givenName: '結衣',
      familyNameKana: 'アライ',
      givenNameKana: 'ユイ',
      emails: [email],
      contactConsent: 'granted',
    });
    await hr.post(`/api/v1/t/${slug}/registry/invitations`, {
      recordIds: [record.body.id],
      locale: 'ja',
      subject: 'アルムナイネットワークへのご招待',
      body: '{氏名} 様\n{リンク}',
    });

    // The founder is already reading their timeline on their phone.
    const other = await suite.contextAs(null);
    const otherPage = await other.newPage();
    await signInByMail(otherPage, suite.server, founder.email);
    await otherPage.waitForURL(`**/t/${slug}`);
    await otherPage.getByRole('heading', { name: 'タイムライン' }).waitFor();

    const context = await suite.contextAs(null);
    const page = await context.newPage();
    await openMailLink(page, suite.server, email);
    await page.getByRole('button', { name: '参加する' }).click();

    // Screen 1: consent, nothing pre-ticked.
    await page.waitForURL(`**/t/${slug}/welcome`);
    await page.getByText('1 / 3', { exact: false }).waitFor();
    await page.getByLabel('メンバー名簿に掲載する').check();
    await page.getByLabel('会社からのお知らせをメールで受け取る').check();
    await page.getByRole('button', { name: '次へ' }).click();
    // Screen 2: name and reading come from HR's record.
    await page.getByRole('heading', { name: 'あなたについて' }).waitFor();
    expect(await page.getByLabel('フリガナ').inputValue()).toBe('アライ ユイ');
    await page.getByLabel('現在の勤務先').fill('フリーランス');
    await page.getByRole('button', { name: '次へ' }).click();
    // Screen 3: hashtags and intents.
    await page.getByRole('heading', { name: '得意なこと・興味のあること' }).waitFor();
    await page.getByLabel('ハッシュタグ').fill('＃起業');
    await page.getByLabel('ハッシュタグ').press('Enter');
    await page.getByRole('button', { name: '#起業 を外す' }).waitFor();
    await page.getByLabel('協業・業務委託').check();
    await page.getByRole('button', { name: 'はじめる' }).click();
    await page.waitForURL(`**/t/${slug}`);
    await page.getByRole('heading', { name: 'ようこそ、新井 結衣 さん' }).waitFor();

    // Through the hashtag the newcomer finds the group, joins it and posts there.
    const tabs = page.getByRole('navigation', { name: 'コミュニティ' }).last();
    await tabs.getByRole('link', { name: 'ハッシュタグ' }).click();
    await page.getByRole('heading', { name: 'よく使われているハッシュタグ' }).waitFor();
    await page.getByRole('link', { name: '#起業' }).first().click();
    await page.getByRole('heading', { name: '#起業' }).waitFor();
    // Chosen during set-up, so already followed.
    await page.getByRole('button', { name: '#起業 のフォローをやめる' }).waitFor();
    await page.getByRole('link', { name: '起業部' }).click();
    await page.getByRole('heading', { name: '起業部' }).waitFor();
    await page.getByRole('button', { name: '参加する' }).click();
    await page.getByRole('button', { name: 'グループから退出する' }).waitFor();
    await page.getByLabel('投稿する').fill('はじめまして！ **フリーランス**で新規事業を手伝っています #起業');
    await page.getByRole('button', { name: '投稿', exact: true }).click();
    await page.getByRole('article', { name: '新井 結衣 さんの投稿' }).waitFor();

    // The founder's open timeline shows the post without a reload.
    await otherPage
      .getByRole('article', { name: '新井 結衣 さんの投稿' })
      .getByText('フリーランス')
      .waitFor();

    // The founder finds the newcomer by reading in hiragana.
    await otherPage.goto(`${suite.server.publicUrl}/t/${slug}/people?q=${encodeURIComponent('あらい')}`);
    await otherPage.getByRole('link', { name: '新井 結衣' }).waitFor();

    // The newcomer blocks the founder: they vanish from each other's directory and timeline.
    await page.goto(`${suite.server.publicUrl}/t/${slug}/people/${founder.id}`);
    await page.getByText('株式会社はじまり').waitFor();
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'ブロックする' }).click();
    await page.waitForURL(`**/t/${slug}/people`);
    await page.getByLabel('名前・フリガナで検索').fill('きぎょう');
    await page.getByRole('button', { name: '検索' }).click();
    await page.getByText('該当するメンバーはいません。').waitFor();
    await otherPage.reload();
    await otherPage.getByText('該当するメンバーはいません。').waitFor();
    await otherPage.goto(`${suite.server.publicUrl}/t/${slug}`);
    await otherPage.getByRole('heading', { name: 'タイムライン' }).waitFor();
    await otherPage.getByText('タイムラインにはまだ何もありません。', { exact: false }).waitFor();

    // The block can be lifted from the profile settings.
    await page.goto(`${suite.server.publicUrl}/t/${slug}/me`);
    await page.getByRole('button', { name: 'ブロックを解除' }).click();
    await page.getByText('ブロックしているメンバーはいません。').waitFor();
    await other.close();
    await context.close();
  });

  it('a member reports a post and a moderator hides it; the author sees why', async () => {
    const { slug, tenant } = await tenantWithMember(suite.server, 'admin');
    const network = { id: tenant.id, slug };
    const author = await communityMember(suite.server, network, { displayName: '投稿 太郎' });
    const reporter = await communityMember(suite.server, network, { displayName: '通報 花子' });
    const moderator = await communityMember(suite.server, network, {
      role: 'moderator',
      displayName: '見守り 次郎',
    });
    await reporter.client.put(`/api/v1/t/${slug}/community/hashtags/起業/follow`, {});
    await author.client.post(`/api/v1/t/${slug}/community/posts`, {
      body: '来期の社外秘の売上計画を共有します #起業',
    });

    const reporterContext = await suite.contextAs(null);
    const reporterPage = await reporterContext.newPage();
    await signInByMail(reporterPage, suite.server, reporter.email);
    const post = reporterPage.getByRole('article', { name: '投稿 太郎 さんの投稿' });
    await post.getByText('社外秘の売上計画').waitFor();
    await post.getByRole('button', { name: '通報する' }).click();
    await post.getByLabel('通報の理由').selectOption('confidential');
    await post.getByLabel('補足（任意）').fill('社外秘の資料のようです');
    await post.getByRole('button', { name: '通報を送る' }).click();
    await post.getByText('通報を受け付けました。', { exact: false }).waitFor();

    const moderatorContext = await suite.contextAs(null);
    const moderatorPage = await moderatorContext.newPage();
    await signInByMail(moderatorPage, suite.server, moderator.email);
    await moderatorPage.getByRole('link', { name: 'モデレーション' }).click();
    const report = moderatorPage.getByRole('article', { name: '通報 花子 さんからの通報' });
    await report.getByText('社外秘の資料のようです').waitFor();
    await report.getByText('社外秘の売上計画').waitFor();
    await report
      .getByLabel('対応の理由（投稿者に表示されます）')
      .fill('社外秘の情報が含まれていたため非表示にしました。');
    await report.getByRole('button', { name: '非表示にする' }).click();
    await moderatorPage.getByText('対応が必要な通報はありません。').waitFor();

    await reporterPage.reload();
    await reporterPage.getByRole('heading', { name: 'タイムライン' }).waitFor();
    await reporterPage.getByText('タイムラインにはまだ何もありません。', { exact: false }).waitFor();

    const authorContext = await suite.contextAs(null);
    const authorPage = await authorContext.newPage();
    await signInByMail(authorPage, suite.server, author.email);
    await authorPage
      .getByText(
        'この投稿はモデレーターにより非表示になりました。理由：社外秘の情報が含まれていたため非表示にしました。',
      )
      .waitFor();
    await Promise.all([reporterContext.close(), moderatorContext.close(), authorContext.close()]);
  });

  it('mentions a member picked from the suggestions and attaches a picture; the member is told and tunes their notifications', async () => {
    const { slug, tenant } = await tenantWithMember(suite.server, 'admin');
    const network = { id: tenant.id, slug };
    const author = await communityMember(suite.server, network, { displayName: '投稿 太郎' });
    const friend = await communityMember(suite.server, network, {
      displayName: '友人 花子',
      profile: { displayNameKana: 'ゆうじん はなこ' },
    });
    const context = await suite.contextAs(null);
    const page = await context.newPage();
    await signInByMail(page, suite.server, author.email);
    await page.getByRole('heading', { name: 'タイムライン' }).waitFor();
    await page.getByLabel('投稿する').fill('来週の勉強会で登壇をお願いしました@ゆうじん');
    await page
      .getByRole('list', { name: 'メンションするメンバーの候補' })
      .getByRole('button', { name: '@友人 花子' })
      .click();
    await page.getByLabel('画像を追加').setInputFiles({
      name: 'slide.png',
      mimeType: 'image/png',
      buffer: Buffer.from(await photoBytes(1200, 900)),
    });
    await page.getByRole('img', { name: '添付する画像 1' }).waitFor();
    await page.getByRole('button', { name: '投稿', exact: true }).click();
    const post = page.getByRole('article', { name: '投稿 太郎 さんの投稿' });
    await post.getByRole('link', { name: '@友人 花子' }).waitFor();
    const picture = post.getByRole('img', { name: '投稿 太郎 さんの投稿の画像 1' });
    await picture.waitFor();
    await page.waitForFunction(
      (element) => element instanceof HTMLImageElement && element.complete && element.naturalWidth === 1200,
      await picture.elementHandle(),
    );

    const friendContext = await suite.contextAs(null);
    const friendPage = await friendContext.newPage();
    await signInByMail(friendPage, suite.server, friend.email);
    await friendPage.getByRole('link', { name: /^お知らせ/ }).click();
    await friendPage.getByRole('link', { name: '投稿 太郎 さんが投稿であなたをメンションしました' }).click();
    await friendPage
      .getByRole('article', { name: '投稿 太郎 さんの投稿' })
      .getByText('来週の勉強会')
      .waitFor();

    // The friend keeps mentions in the app but not by e-mail; the choice is still there after a reload.
    await friendPage.goto(`${suite.server.publicUrl}/t/${slug}/me`);
    await friendPage.getByLabel('メンション：メール').uncheck();
    await friendPage.getByLabel('ダイジェストメール', { exact: false }).selectOption('daily');
    await friendPage.getByRole('button', { name: '通知の設定を保存' }).click();
    await friendPage.getByText('通知の設定を保存しました。').waitFor();
    await friendPage.reload();
    await friendPage.getByRole('heading', { name: '通知の設定' }).waitFor();
    expect(await friendPage.getByLabel('メンション：メール').isChecked()).toBe(false);
    expect(await friendPage.getByLabel('メンション：アプリ内').isChecked()).toBe(true);
    expect(await friendPage.getByLabel('ダイジェストメール', { exact: false }).inputValue()).toBe('daily');
    await Promise.all([context.close(), friendContext.close()]);
  });
});
