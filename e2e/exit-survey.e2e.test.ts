import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { audienceRecord } from '../server/modules/programmes/audience/audience-factories.js';
import { exitSurvey, wording } from '../server/modules/surveys/test-surveys.js';
import { tenantWithMember } from '../server/test/factories.js';
import { browserSuite, hasChromium, narrowPhone, openMailLink } from './browser.js';
import { checkScreen } from './screens.js';

const suite = browserSuite();

const heading = (page: Page, name: string, level = 1) =>
  page.getByRole('heading', { level, name, exact: true }).waitFor();

async function expectClean(page: Page, screen: string) {
  const check = await checkScreen(page, screen);
  expect(check.violations).toEqual([]);
  expect(check.overflow).toBeLessThanOrEqual(0);
}

/** A network with an open, named survey whose first question records would-return, not yet the exit survey. */
async function network() {
  const staff = await tenantWithMember(suite.server, 'admin');
  const base = `/api/v1/t/${staff.slug}`;
  const survey = exitSurvey('named');
  const created = await staff.client.post<{ id: string }>(`${base}/surveys`, {
    ...survey,
    texts: { ...survey.texts, title: wording('退職時アンケート 2026', 'Exit survey 2026') },
    questions: survey.questions.map((q) =>
      q.id === 'q1' ? { ...q, wouldReturn: { yes: ['yes'], no: ['no'] } } : q,
    ),
  });
  await staff.client.post(`${base}/surveys/${created.body.id}/status`, { status: 'open' });
  const leaver = await audienceRecord(suite.server, staff.tenant.id, {
    familyName: '退職',
    givenName: '花子',
    leftOn: '2026-12-25',
  });
  return { ...staff, base, surveyId: created.body.id, leaver };
}

describe.skipIf(!hasChromium)('the exit survey on a phone', () => {
  it('HR chooses the exit survey and mails the link from the record; the leaver answers signed out; HR sees would-return and the consent', async () => {
    const { slug, client, leaver } = await network();
    const { page: desk } = await suite.pageAs(client, { size: narrowPhone });
    const recordPage = `${suite.server.publicUrl}/t/${slug}/admin/registry/${leaver.id}`;

    // No exit survey yet: the record page says so and leads to where it is chosen.
    await desk.goto(recordPage);
    await heading(desk, '退職時アンケート', 3);
    await desk.getByText('退職時アンケートに使うアンケートがまだ設定されていません。').waitFor();
    await desk.getByText('アプリの外で伺った同意の記録はまだありません。').waitFor();
    await desk.getByRole('link', { name: 'アンケートの画面で退職時アンケートを設定する' }).click();
    await desk
      .getByLabel('退職時アンケートに使うアンケート')
      .selectOption({ label: '退職時アンケート 2026' });
    await desk.getByRole('button', { name: '退職時アンケートを保存' }).click();
    await desk.getByText('退職時アンケートを保存しました。').waitFor();
    await expectClean(desk, 'exit survey setting');

    // From the record: a link mailed to the record's address.
    await desk.goto(recordPage);
    await desk.getByText('使うアンケート：退職時アンケート 2026').waitFor();
    await desk.getByText('リンク未発行').waitFor();
    await desk.getByRole('button', { name: `リンクを発行して ${leaver.email} に送る` }).click();
    await desk.getByText(`${leaver.email} にリンクを送りました。`).waitFor();
    await desk.getByText(/^リンク発行済み（.+ まで有効）$/).waitFor();
    await desk.getByText('メールで送付済み').waitFor();
    await expectClean(desk, 'record with exit link');

    // The leaver opens the mail on their phone, signed out.
    const { page: leaverPhone } = await suite.pageAs(null, { size: narrowPhone });
    await openMailLink(leaverPhone, suite.server, leaver.email!);
    await heading(leaverPhone, '退職時アンケート 2026');
    await leaverPhone.getByText('これまで本当にありがとうございました。', { exact: false }).waitFor();
    await expectClean(leaverPhone, 'exit survey');
    await leaverPhone
      .getByRole('group', { name: /また一緒に働きたいと思いますか/ })
      .getByRole('radio', { name: 'はい' })
      .check();
    await leaverPhone
      .getByRole('group', { name: /友人にすすめたいですか/ })
      .getByRole('radio', { name: '9' })
      .check();
    await leaverPhone.getByRole('checkbox', { name: /メールで受け取ることに同意します/ }).check();
    await leaverPhone.getByRole('button', { name: '回答を送信する' }).click();
    await heading(leaverPhone, 'ご回答ありがとうございました', 2);
    await leaverPhone.getByText('退職後のご案内をメールでお送りします。', { exact: false }).waitFor();
    // The link is used up: opened again, it says so rather than asking twice.
    await leaverPhone.reload();
    await heading(leaverPhone, 'すでに回答いただいています');
    await expectClean(leaverPhone, 'exit link used');

    // HR: would-return and contact consent on the record, and the ledger entry with the sentence shown.
    await desk.goto(recordPage);
    await desk.getByText(/^回答済み（.+）$/).waitFor();
    await desk.getByText('再入社希望: 未回答 → あり').waitFor();
    const wouldReturn = desk
      .locator('dl.facts > div')
      .filter({ has: desk.locator('dt', { hasText: /^再入社希望$/ }) })
      .locator('dd');
    expect(await wouldReturn.textContent()).toBe('あり');
    await desk.getByText('会社からのご案内をメールで受け取る:').waitFor();
    await desk.getByText('同意した', { exact: true }).waitFor();
    await desk.getByText(/退職時アンケート（退職時アンケート 2026）/).waitFor();
    await desk.getByText('表示した文言（日本語・版 exit-2026-12）').click();
    await desk.getByText('メールで受け取ることに同意します。', { exact: false }).last().waitFor();
    await expectClean(desk, 'record after exit survey');
  });

  it('in English: the handed-over link, an unknown link, and the record card', async () => {
    const { slug, base, client, surveyId, leaver } = await network();
    await client.put(`${base}/surveys/exit`, { surveyId });
    const { page: desk } = await suite.pageAs(client, { language: 'en', size: narrowPhone });
    await desk.goto(`${suite.server.publicUrl}/t/${slug}/admin/surveys`);
    await heading(desk, 'Exit survey', 3);
    expect(await desk.getByLabel('Survey used as the exit survey').inputValue()).toBe(surveyId);
    await expectClean(desk, 'exit survey setting (en)');
    await desk.goto(`${suite.server.publicUrl}/t/${slug}/admin/registry/${leaver.id}`);
    await desk.getByRole('button', { name: 'Make a link to copy' }).click();
    const url = await desk.getByLabel('Link to hand to the person leaving').inputValue();
    expect(url).toMatch(new RegExp(`/exit/${slug}#token=[0-9a-f]{64}$`));
    await expectClean(desk, 'record with copied link (en)');

    const { page: leaverPhone } = await suite.pageAs(null, { language: 'en', size: narrowPhone });
    await leaverPhone.goto(url);
    await heading(leaverPhone, 'Exit survey 2026');
    await leaverPhone.getByRole('checkbox', { name: /may e-mail me after I leave/ }).waitFor();
    await expectClean(leaverPhone, 'exit survey (en)');
    // Only the part after # differs between links, so each is loaded afresh as from a mail.
    await leaverPhone.goto(`${suite.server.publicUrl}/exit/${slug}#token=${'0'.repeat(64)}`);
    await leaverPhone.reload();
    await heading(leaverPhone, 'This link is not valid');
    await expectClean(leaverPhone, 'unknown exit link (en)');
    // A newer link replaces the one handed over.
    await desk.getByText('Making a new link stops the earlier one from working.').waitFor();
    await Promise.all([
      desk.waitForResponse((r) => r.url().endsWith('/exit-survey-link') && r.request().method() === 'POST'),
      desk.getByRole('button', { name: 'Make a link to copy' }).click(),
    ]);
    await leaverPhone.goto(url);
    await leaverPhone.reload();
    await heading(leaverPhone, 'This link no longer works');
  });
});
