import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alumniRecords } from '../server/db/schema/index.js';
import { inTenant } from '../server/db/scope.js';
import { addTestMember, createTestTenant } from '../server/test/factories.js';
import { browserSuite, hasChromium } from './browser.js';

const suite = browserSuite();

const sample = path.resolve('server/test/fixtures/leavers-sjis.csv');
const countRecords = (tenantId: string) =>
  inTenant(suite.server.deps.database.db, tenantId, (tx) => tx.$count(alumniRecords));

describe.skipIf(!hasChromium)('HR registry, from a Shift_JIS file to a joined alumnus', () => {
  it('imports the file with a dry run, finds a person by kana, invites them, and the invitee joins in one click', async () => {
    const { tenant, slug } = await createTestTenant(suite.server);
    const { email } = await addTestMember(suite.server, tenant.id, 'admin', { displayName: '人事 花子' });
    const hr = await suite.contextAs(null);
    const page = await hr.newPage();

    await page.goto(`${suite.server.publicUrl}/signin`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByRole('button', { name: 'リンクを送信' }).click();
    await page.getByText('メールをご確認ください').waitFor();
    await suite.server.deps.jobs.drain();
    await page.goto(`${suite.server.publicUrl}/dev/mailbox`);
    await page.locator('article', { hasText: email }).first().getByRole('link').first().click();
    await page.waitForURL(`**/t/${slug}/admin`);

    // Upload the CP932 export and check the pre-filled mapping.
    await page.getByRole('link', { name: '取り込み' }).click();
    await page.getByLabel('ファイル').setInputFiles(sample);
    await page.getByRole('button', { name: 'アップロード' }).click();
    await page.waitForURL(`**/t/${slug}/admin/import/*`);
    await page.getByText('Shift_JIS（CP932）').waitFor();
    await expect(page.getByLabel('社員番号').inputValue()).resolves.toBe('employeeNumber');
    await expect(page.getByLabel('氏名（フリガナ）').inputValue()).resolves.toBe('fullNameKana');
    await expect(page.getByLabel('生年月日').inputValue()).resolves.toBe('ignore');
    await page.getByLabel('この割り当てを保存する（名前）').fill('人事システム標準');
    await page.getByRole('button', { name: '内容を確認する（ドライラン）' }).click();

    // The dry run runs as a job; the page shows its outcome once it has run.
    await page.getByText('確認中', { exact: true }).waitFor();
    await suite.server.deps.jobs.drain();
    await page.getByRole('heading', { name: '確認結果' }).waitFor();
    await page.locator('.issues li', { hasText: 'not-an-address' }).first().waitFor();
    await page.getByText('メールアドレスの形式が正しくありません。').first().waitFor();
    // Nothing is written before HR confirms.
    expect(await countRecords(tenant.id)).toBe(0);

    await page.getByRole('button', { name: /件を名簿に反映する/ }).click();
    // The apply job exists once the page shows it is applying; only then is there something to run.
    await page.getByText('名簿に反映しています…').waitFor();
    await suite.server.deps.jobs.drain();
    await page.getByText(/件を名簿に反映しました/).waitFor();

    // Find 高取 亮介 by typing the reading in hiragana.
    await page.getByRole('link', { name: 'アルムナイ名簿' }).click();
    await page.getByLabel('氏名・フリガナ・メール・社員番号で検索').fill('たかとり りょうすけ');
    await page.getByText('1 件', { exact: true }).waitFor();
    await page.getByRole('link', { name: '高取 亮介' }).click();
    await page.getByRole('heading', { name: '高取 亮介' }).waitFor();
    await page.getByRole('button', { name: 'この人を招待する' }).click();
    await page.getByText('1 人に送信します').waitFor();
    await page.getByRole('button', { name: '1 人に招待を送る' }).click();
    await page.getByText('1 人に招待を送りました。').waitFor();
    await page.getByText('送信済み', { exact: true }).waitFor();
    await suite.server.deps.jobs.drain();

    // The invitee opens the link from the mailbox on their own phone.
    const invitee = await suite.contextAs(null);
    const phonePage = await invitee.newPage();
    await phonePage.goto(`${suite.server.publicUrl}/dev/mailbox`);
    await phonePage
      .locator('article', { hasText: 'user9.11@example.jp' })
      .first()
      .getByRole('link')
      .first()
      .click();
    await phonePage.getByText('高取 亮介 さん、ご招待ありがとうございます。').waitFor();
    await phonePage.getByRole('button', { name: '参加する' }).click();
    await phonePage.waitForURL(`**/t/${slug}/welcome`);
    await phonePage.getByRole('heading', { name: 'ようこそ、高取 亮介 さん' }).waitFor();
    await phonePage.getByRole('heading', { name: '個人情報の取り扱いについて' }).waitFor();

    // Back in the console the record is linked to the new member.
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/invitations`);
    await page.getByText('参加済み', { exact: true }).waitFor();
    await invitee.close();
    await hr.close();
  });
});
