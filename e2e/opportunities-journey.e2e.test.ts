import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, todayInTokyo } from '../server/modules/opportunities/dates.js';
import { network } from '../server/modules/opportunities/opportunity-test-factories.js';
import { audienceMember } from '../server/modules/programmes/audience/audience-factories.js';
import { signIn } from '../server/test/factories.js';
import { browserSuite, hasChromium, phone } from './browser.js';
import { checkScreen } from './screens.js';

const suite = browserSuite();

/** axe finds nothing, and nothing scrolls sideways at 390 px nor on the narrowest phone (360 px). */
async function expectSound(page: Page, screen: string) {
  const wide = await checkScreen(page, screen);
  expect(wide.violations, screen).toEqual([]);
  expect(wide.overflow, screen).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 360, height: 780 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), screen).toBe(0);
  await page.setViewportSize(phone.viewport);
}

/** A small PDF as a phone would pick it. */
const cv = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Title (職務経歴書) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

describe.skipIf(!hasChromium)('a comeback role on a phone', () => {
  it('HR posts it for the would-return segment; an alumnus answers with a PDF; HR marks them 入社', {
    timeout: 240_000,
  }, async () => {
    const net = await network(suite.server);
    const returner = await audienceMember(suite.server, net.id, {
      displayName: '復帰 花子',
      consents: ['company_contact', 'directory_listing'],
      record: { familyName: '復帰', givenName: '花子', wouldReturn: 'yes' },
    });
    const elsewhere = await audienceMember(suite.server, net.id, {
      displayName: '残留 次郎',
      consents: ['company_contact'],
      record: { familyName: '残留', givenName: '次郎', wouldReturn: 'no' },
    });

    // Signed in before the announcement, so the sign-in link is the newest mail each has.
    const returnerClient = await signIn(suite.server, returner.email);
    const elsewhereClient = await signIn(suite.server, elsewhere.email);

    // HR writes the comeback role for 再入社希望ありの方, opens it and announces it.
    const hr = await (await suite.pageAs(net.hr)).page;
    await hr.goto(`${suite.server.publicUrl}/t/${net.slug}/admin/opportunities`);
    await hr.getByRole('heading', { level: 3, name: '募集を作成' }).waitFor();
    await hr.getByLabel('種類').selectOption({ label: 'カムバック採用' });
    await hr.getByLabel('タイトル').fill('プロダクトマネージャー（カムバック採用）');
    await hr.getByLabel('本文').fill('**おかえりなさい**。以前の経験を活かしてください。');
    await hr.getByLabel('締切日').fill(addDays(todayInTokyo(), 30));
    await hr.getByRole('radio', { name: '再入社希望ありの方' }).check();
    await hr.getByLabel('公開状態').selectOption({ label: '公開中' });
    await hr.getByRole('button', { name: '募集を作成' }).click();
    await hr.getByRole('heading', { level: 2, name: 'プロダクトマネージャー（カムバック採用）' }).waitFor();
    await hr.getByRole('button', { name: 'いまお知らせする' }).click();
    await hr.getByText('お知らせしました（アプリ 1人・メール 1人', { exact: false }).waitFor();
    await expectSound(hr, 'console: one opportunity');

    // The alumnus with company_contact consent finds it in the bell and the mail; the other does not.
    const alumnus = await (await suite.pageAs(returnerClient)).page;
    await suite.server.deps.jobs.drain();
    await alumnus.goto(`${suite.server.publicUrl}/t/${net.slug}/notifications`);
    await alumnus
      .getByRole('link', { name: '新しい募集「プロダクトマネージャー（カムバック採用）」のご案内です' })
      .click();
    await alumnus
      .getByRole('heading', { level: 1, name: 'プロダクトマネージャー（カムバック採用）' })
      .waitFor();
    await expectSound(alumnus, 'member: one opportunity');
    const other = await (await suite.pageAs(elsewhereClient)).page;
    await other.goto(`${suite.server.publicUrl}/t/${net.slug}/opportunities`);
    await other.getByText('今ご案内できる機会はありません。').waitFor();

    // 興味あり with a message and a PDF; a file that is not a PDF is refused before anything is sent.
    await alumnus.getByLabel('ひとこと（任意）').fill('ぜひお話を伺いたいです。');
    const picker = alumnus.getByLabel('職務経歴書・ポートフォリオ（PDF・任意）');
    await picker.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('png') });
    await alumnus.getByText('添付できるのは PDF ファイルだけです。').waitFor();
    await picker.setInputFiles({ name: '職務経歴書.pdf', mimeType: 'application/pdf', buffer: cv });
    await alumnus.getByRole('button', { name: '興味あり', exact: true }).click();
    await alumnus.getByText('「興味あり」を伝えました').waitFor();
    await alumnus.getByRole('link', { name: '職務経歴書.pdf' }).waitFor();

    // The alumnus also refers a former colleague from outside the network: one mail, with their name.
    await alumnus.getByRole('radio', { name: 'メンバー以外の方（お名前とメールアドレス）' }).check();
    await alumnus.getByLabel('お名前', { exact: true }).fill('元同僚 三郎');
    await alumnus.getByLabel('メールアドレス', { exact: true }).fill('saburo@example.jp');
    await alumnus.getByRole('button', { name: '紹介する', exact: true }).click();
    await alumnus.getByText('ご紹介を受け付けました。ありがとうございます。').waitFor();
    await expectSound(alumnus, 'member: answered opportunity');
    await suite.server.deps.jobs.drain();
    const mailbox = await alumnus.request.get(`${suite.server.publicUrl}/api/dev/mailbox`);
    const mails = ((await mailbox.json()) as { mails: { to: string; subject: string }[] }).mails;
    expect(mails.filter((mail) => mail.to === 'saburo@example.jp').map((mail) => mail.subject)).toEqual([
      expect.stringContaining('復帰 花子 さんから「プロダクトマネージャー（カムバック採用）」のご紹介'),
    ]);
    // The 機会 tab keeps the alumnus's own record of whom they referred, without the address.
    await alumnus.getByRole('link', { name: '機会の一覧へ', exact: false }).click();
    const sent = alumnus.getByRole('region', { name: 'あなたが紹介した方' });
    await sent.getByText('元同僚 三郎 さん').waitFor();
    expect(await sent.textContent()).not.toContain('saburo@example.jp');

    // HR downloads the PDF from the card, sees the referral, and moves the card to 入社 with the return date.
    await hr.reload();
    const card = hr.getByRole('form', { name: '復帰 花子' });
    const download = card.getByRole('link', { name: '職務経歴書.pdf' });
    const href = await download.getAttribute('href');
    const file = await hr.request.get(`${suite.server.publicUrl}${href}`);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await file.body())).toEqual(cv);
    await hr.getByText('復帰 花子 さん → 元同僚 三郎 さん').waitFor();
    const returnOn = addDays(todayInTokyo(), 45);
    await card.getByLabel('段階').selectOption({ label: '入社' });
    await card.getByLabel('入社日（復帰日）').fill(returnOn);
    await card.getByRole('button', { name: '更新する' }).click();
    await card.getByText(`再入社 ${returnOn}`).waitFor();
    await expectSound(hr, 'console: pipeline with a hired candidate');

    // The registry record shows the return, with the change in its history.
    await card.getByRole('link', { name: /名簿の記録/ }).click();
    await hr.getByRole('heading', { level: 2, name: '復帰 花子' }).waitFor();
    await hr.locator('.section-head').getByText('再入社', { exact: true }).waitFor();
    await hr.getByRole('definition').filter({ hasText: returnOn }).waitFor();
    const change = hr.locator('.timeline > li').filter({ hasText: '機会（選考）' });
    await change.getByText(`再入社日: — → ${returnOn}`).waitFor();
    await expectSound(hr, 'console: rehired record');
  });
});
