import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { events } from '../server/db/schema/index.js';
import { enterTenant } from '../server/db/scope.js';
import { sendFollowUpSurvey } from '../server/modules/events/follow-up-survey.js';
import { communityMember } from '../server/test/community-factories.js';
import { tenantWithMember } from '../server/test/factories.js';
import { browserSuite, hasChromium, phone } from './browser.js';
import { checkScreen } from './screens.js';

const suite = browserSuite();

/** Calls the API answered with an error while the page was open, to fail on any the journey did not expect. */
function failedCalls(page: Page) {
  const failed: string[] = [];
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/') && response.status() >= 400)
      failed.push(`${response.status()} ${response.url()}`);
  });
  return failed;
}

/** axe on the screen at 390 px, and no sideways scrolling at 360 px either. */
async function expectCleanScreen(page: Page, screen: string) {
  const check = await checkScreen(page, screen);
  expect(check.violations, screen).toEqual([]);
  expect(check.overflow, screen).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 360, height: 780 });
  const narrow = await checkScreen(page, `${screen} at 360 px`);
  expect(narrow.overflow, `${screen} at 360 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize(phone.viewport);
}

/** Days from now at a Tokyo wall-clock time, as a datetime-local field takes it. */
function tokyoLocal(days: number, time: string) {
  const tokyo = new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000);
  return `${tokyo.toISOString().slice(0, 10)}T${time}`;
}

const heading = (page: Page, name: string, level = 2) =>
  page.getByRole('heading', { level, name, exact: true }).waitFor();

describe.skipIf(!hasChromium)('events in the console on a phone', () => {
  it('HR creates a hybrid event with 2 seats in person, publishes it, runs its registrations and waitlist and checks people in by code', {
    // Long: five people's phones and a dozen axe checks, on a machine that may be shared.
    timeout: 600_000,
  }, async () => {
    const { tenant, slug, client: hr } = await tenantWithMember(suite.server, 'admin');
    const page = (await suite.pageAs(hr)).page;
    page.on('dialog', (dialog) => dialog.accept());
    const failed = failedCalls(page);

    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin`);
    await page.getByRole('link', { name: 'イベント', exact: true }).click();
    await heading(page, 'イベント');
    await page.getByText('該当するイベントはありません。').waitFor();
    await expectCleanScreen(page, 'events list (ja)');

    await page.getByRole('link', { name: 'イベントを作成' }).click();
    await heading(page, 'イベントを作成');
    await page.getByLabel('イベント名').fill('アルムナイ交流会 2026 冬');
    await page.getByLabel('案内文').fill('**久しぶりに**会いましょう。');
    await expect(page.getByLabel('タイムゾーン').inputValue()).resolves.toBe('Asia/Tokyo');
    await page.getByLabel('開始日時').fill(tokyoLocal(3, '19:00'));
    await page.getByLabel('終了日時').fill(tokyoLocal(3, '18:00'));
    await page.getByLabel('開催形式').selectOption({ label: 'ハイブリッド' });
    await page.getByLabel('オンライン会議の URL').fill('https://meet.example.jp/winter');
    await page.getByLabel('住所').fill('東京都千代田区丸の内 1-1-1');
    await page.getByLabel('会場の定員').fill('2');
    await page.getByLabel('オンラインの定員').fill('10');
    await page.getByRole('button', { name: '質問を追加' }).click();
    await page.getByLabel('質問 1', { exact: true }).fill('懇親会に参加しますか');
    await page.getByLabel('質問 1 の回答形式').selectOption({ label: '選択式' });
    await page.getByLabel('質問 1 の選択肢（1 行に 1 つ）').fill('参加する\n参加しない');
    await page.getByRole('button', { name: 'ゲストの登壇者を追加' }).click();
    await page.getByLabel('登壇者 1 の名前').fill('山田 太郎');
    await page.getByLabel('登壇者 1 の肩書き（任意）').fill('元 開発部長');
    await page.getByRole('button', { name: '下書きを保存' }).click();
    // The server refuses an end before the start, next to the field and in Japanese.
    await page.getByText('終了日時は開始日時より後にしてください。').waitFor();
    await expect(page.getByLabel('終了日時').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(failed.splice(0)).toEqual([expect.stringMatching(/^422 /)]);

    await page.getByLabel('終了日時').fill(tokyoLocal(3, '21:00'));
    // Publishing straight away saves a draft, then is refused for want of a venue: the draft keeps its
    // address, so fixing the venue and saving changes that draft rather than making a second one.
    await page.getByRole('button', { name: '公開する' }).click();
    await page.getByText('入力してください。', { exact: true }).waitFor();
    await page.getByText('公開する前に、必要な項目を入力してください。').waitFor();
    await expect(page.getByLabel('会場名').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.waitForURL(/\/admin\/events\/[0-9a-f-]{36}$/);
    expect(failed.splice(0)).toEqual([expect.stringMatching(/^422 .*\/publish$/)]);
    await page.getByLabel('会場名').fill('本社 10 階 ラウンジ');
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByText('保存しました。').waitFor();
    await heading(page, 'イベントを編集');
    await page.getByText('下書き', { exact: true }).waitFor();
    await expectCleanScreen(page, 'event editor (ja)');
    await page.getByRole('button', { name: '公開する' }).click();
    await page.getByText('公開しました。対象のメンバーが参加登録できます。').waitFor();
    await page.getByText('公開中', { exact: true }).waitFor();
    const eventId = new URL(page.url()).pathname.split('/').at(-1)!;

    const all = await hr.get<{ events: unknown[] }>(`/api/v1/t/${slug}/events?when=all`);
    expect(all.body.events).toHaveLength(1);
    const staffView = await hr.get<{ startsAt: string; endsAt: string; questions: { choices: string[] }[] }>(
      `/api/v1/t/${slug}/events/${eventId}`,
    );
    expect(staffView.body.startsAt).toBe(new Date(`${tokyoLocal(3, '19:00')}:00+09:00`).toISOString());
    expect(staffView.body.endsAt).toBe(new Date(`${tokyoLocal(3, '21:00')}:00+09:00`).toISOString());
    expect(staffView.body.questions[0]!.choices).toEqual(['参加する', '参加しない']);

    await page.getByRole('link', { name: 'イベント一覧へ戻る' }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'アルムナイ交流会 2026 冬' });
    await row.getByText('会場: 参加確定 0 / 定員 2').waitFor();
    await row.getByText('公開中').waitFor();
    expect(failed).toEqual([]);

    // Three members register on their phones, in this order, for the two seats in person: the third
    // finds them taken, joins the waitlist and sees their place in it.
    const net = { id: tenant.id, slug };
    const people = [];
    const phones: Page[] = [];
    for (const displayName of ['参加 一郎', '参加 二郎', '参加 三郎']) {
      const member = await communityMember(suite.server, net, { displayName });
      const own = (await suite.pageAs(member.client, { size: phone })).page;
      await own.goto(`${suite.server.publicUrl}/t/${slug}/events/${eventId}`);
      await heading(own, 'アルムナイ交流会 2026 冬', 1);
      await own.getByRole('radio', { name: /^会場で参加/ }).check();
      await own.getByLabel('懇親会に参加しますか').selectOption('参加する');
      people.push(member);
      phones.push(own);
      if (people.length < 3) {
        await own.getByRole('button', { name: '参加を申し込む' }).click();
        await own.getByText('参加が確定しています。').waitFor();
        await own.locator('.check-in-code').waitFor();
      } else {
        await own.getByText('満席のため、キャンセル待ちでの申し込みになります。').waitFor();
        await own.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
        await own
          .getByRole('region', { name: 'あなたの申し込み' })
          .getByText('キャンセル待ち 1 番目')
          .waitFor();
        expect(await own.locator('.check-in-code').count()).toBe(0);
        await expectCleanScreen(own, 'event page, waitlisted (ja)');
      }
    }
    const [firstPhone, , thirdPhone] = phones as [Page, Page, Page];
    await communityMember(suite.server, net, { displayName: '手動 四郎' });

    await row.getByRole('link', { name: 'アルムナイ交流会 2026 冬' }).click();
    await page.getByRole('link', { name: '参加者' }).click();
    await heading(page, '参加者');
    const card = (name: string) => page.getByRole('listitem').filter({ hasText: name });
    await card('参加 一郎').getByText('参加確定').waitFor();
    await card('参加 二郎').getByText('参加確定').waitFor();
    await card('参加 三郎').getByText('キャンセル待ち 1 番目').waitFor();
    await card('参加 一郎').getByText('懇親会に参加しますか').waitFor();
    await page.getByText('参加確定 2 人・キャンセル待ち 1 人・出席 0 人').waitFor();
    await expectCleanScreen(page, 'registrations (ja)');

    // HR add a fourth by hand: no seat is free, so the waitlist, behind the third.
    await page.getByLabel('メンバーを名前で検索').fill('手動');
    await page.getByRole('button', { name: '手動 四郎 さんを選ぶ' }).click();
    await page.getByLabel('参加方法').selectOption({ label: '会場' });
    await page.getByRole('button', { name: '手動 四郎 さんを追加' }).click();
    await page.getByText('手動 四郎 さんを追加しました（キャンセル待ち 2 番目）。').waitFor();
    await card('手動 四郎').getByText('事務局が追加').waitFor();

    // The first cancels in one tap on their phone: the seat goes to the third, who is told and now
    // has a check-in code; the fourth moves up the waitlist.
    await firstPhone.getByRole('button', { name: '参加をキャンセルする' }).click();
    await firstPhone.getByText('申し込みはキャンセル済みです。').waitFor();
    await thirdPhone.goto(`${suite.server.publicUrl}/t/${slug}/notifications`);
    await thirdPhone
      .getByRole('link', {
        name: /キャンセル待ちから繰り上がり、「アルムナイ交流会 2026 冬」への参加が確定しました/,
      })
      .first()
      .click();
    await thirdPhone.waitForURL(`**/t/${slug}/events/${eventId}`);
    await thirdPhone.getByText('参加が確定しています。').waitFor();
    await thirdPhone.locator('.check-in-code').waitFor();
    await expectCleanScreen(thirdPhone, 'event page, promoted from the waitlist (ja)');
    await page.reload();
    await card('参加 一郎').getByText('取り消し', { exact: true }).waitFor();
    await card('参加 三郎').getByText('参加確定').waitFor();
    await card('手動 四郎').getByText('キャンセル待ち 1 番目').waitFor();

    // HR remove the second by hand: the fourth, first on the waitlist now, is promoted.
    await page.getByRole('button', { name: '参加 二郎 さんの参加を取り消す' }).click();
    await page.getByText('参加 二郎 さんの参加登録を取り消しました。').waitFor();
    await card('参加 二郎').getByText('取り消し', { exact: true }).waitFor();
    await card('手動 四郎').getByText('参加確定').waitFor();
    await page.getByText('参加確定 2 人・キャンセル待ち 0 人・出席 0 人').waitFor();

    await page.getByLabel('お知らせの本文').fill('当日は受付で受付番号をご提示ください。');
    await page.getByRole('button', { name: '送信する' }).click();
    await page.getByText(/^\d+ 人にお知らせを送りました。$/).waitFor();

    await page.getByLabel('文字コード').selectOption('utf8');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '書き出す' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('懇親会に参加しますか');
    expect(csv).toContain('参加 三郎');
    await page.getByText('書き出しました（4 行）。').waitFor();
    expect(failed).toEqual([]);

    // Check-in at the door: the code typed in lower case with a space is taken, once.
    const listed = await hr.get<{
      registrations: { member: { displayName: string }; checkInCode: string }[];
    }>(`/api/v1/t/${slug}/events/${eventId}/registrations`);
    const codeOf = (name: string) =>
      listed.body.registrations.find((r) => r.member.displayName === name)!.checkInCode;
    const typed = codeOf('参加 三郎').toLowerCase();
    await page.getByRole('link', { name: '受付' }).click();
    await heading(page, '受付');
    await page.getByText('出席 0 人 / 参加確定 2 人').waitFor();
    await page.getByLabel('受付番号').fill(`${typed.slice(0, 4)} ${typed.slice(4)}`);
    await page.getByRole('button', { name: '受付する' }).click();
    await page.getByText('参加 三郎 さんの出席を記録しました。').waitFor();
    await page.getByText('参加方法: 会場').waitFor();
    await page.getByText('出席 1 人 / 参加確定 2 人').waitFor();
    await expect(page.getByLabel('受付番号').inputValue()).resolves.toBe('');
    await expectCleanScreen(page, 'check-in (ja)');
    await page.getByLabel('受付番号').fill(codeOf('参加 三郎'));
    await page.getByRole('button', { name: '受付する' }).click();
    await page.getByText(/参加 三郎 さんは .+ に受付済みです。/).waitFor();
    await page.getByText('出席 1 人 / 参加確定 2 人').waitFor();
    // A cancelled registration's code is refused, with the reason.
    await page.getByLabel('受付番号').fill(codeOf('参加 一郎'));
    await page.getByRole('button', { name: '受付する' }).click();
    await page.getByText('受付できません: この受付番号の参加確定者は見つかりません。').waitFor();
    expect(failed.splice(0)).toEqual([expect.stringMatching(/^422 .*\/check-in$/)]);
    const after = await hr.get<{
      registrations: { member: { displayName: string }; attendedAt: string | null }[];
    }>(`/api/v1/t/${slug}/events/${eventId}/registrations`);
    expect(after.body.registrations.filter((r) => r.attendedAt).map((r) => r.member.displayName)).toEqual([
      '参加 三郎',
    ]);
    await page.getByRole('link', { name: '参加者' }).click();
    await card('参加 三郎')
      .getByText(/出席（.+）/)
      .waitFor();

    // A change of time after publishing: HR confirm that registrants will be told; the calendar SEQUENCE goes up.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => dialogs.push(dialog.message()));
    const before = (await hr.get<{ sequence: number }>(`/api/v1/t/${slug}/events/${eventId}`)).body.sequence;
    await page.getByRole('link', { name: '内容' }).click();
    await heading(page, 'イベントを編集');
    await page.getByLabel('終了日時').fill(tokyoLocal(3, '21:30'));
    await page.getByRole('button', { name: '変更を保存' }).click();
    await page.getByText('保存しました。').waitFor();
    expect(dialogs).toEqual(['日時または場所の変更を参加登録者全員に通知します。保存しますか？']);
    const changed = await hr.get<{ endsAt: string; sequence: number }>(`/api/v1/t/${slug}/events/${eventId}`);
    expect(changed.body.endsAt).toBe(new Date(`${tokyoLocal(3, '21:30')}:00+09:00`).toISOString());
    expect(changed.body.sequence).toBe(before + 1);

    // The post-event survey, made in one click from the template; it goes to the attendees after the end.
    await page
      .getByRole('navigation', { name: 'このイベントの管理' })
      .getByRole('link', { name: 'アンケート' })
      .click();
    await heading(page, 'イベント後アンケート');
    await page.getByRole('button', { name: 'イベント後アンケートを作成' }).click();
    await page.getByText('イベント後アンケートの下書きを作成しました。').waitFor();
    await page.getByText('「アルムナイ交流会 2026 冬」参加者アンケート').waitFor();
    await expectCleanScreen(page, 'event survey (ja)');
    // Materials, added before the end: the slides for the whole audience, the recording for attendees only.
    await page
      .getByRole('navigation', { name: 'このイベントの管理' })
      .getByRole('link', { name: '資料' })
      .click();
    await heading(page, 'イベントの資料');
    await page.getByLabel('資料名').fill('当日のスライド');
    await page.getByLabel('リンク（URL）').fill('javascript:alert(1)');
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByText('資料のリンクには https:// で始まる URL を入力してください。').first().waitFor();
    expect(failed.splice(0)).toEqual([expect.stringMatching(/^422 .*\/materials$/)]);
    await page.getByLabel('リンク（URL）').fill('https://example.jp/slides.pdf');
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByText('資料を追加しました。').waitFor();
    await page.getByLabel('資料名').fill('録画');
    await page.getByLabel('リンク（URL）').fill('https://video.example.jp/watch?v=1');
    await page.getByLabel('当日参加（受付済み）の方だけに公開する').check();
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByText('参加者のみ').waitFor();
    // A material is changed in place: its note added, the link corrected.
    await page.getByRole('button', { name: '「当日のスライド」を編集' }).click();
    await heading(page, '資料を編集', 3);
    await expect(page.getByLabel('資料名').inputValue()).resolves.toBe('当日のスライド');
    await page.getByLabel('リンク（URL）').fill('https://example.jp/slides-v2.pdf');
    await page.getByLabel('補足（任意）').fill('第 2 部の資料です');
    await page.getByRole('button', { name: '変更を保存' }).click();
    await page.getByText('資料を更新しました。').waitFor();
    await page.getByText('第 2 部の資料です').waitFor();
    await expect(page.getByRole('link', { name: '当日のスライド' }).getAttribute('href')).resolves.toBe(
      'https://example.jp/slides-v2.pdf',
    );
    await heading(page, '資料を追加', 3);
    await expectCleanScreen(page, 'event materials (ja)');
    await page
      .getByRole('navigation', { name: 'このイベントの管理' })
      .getByRole('link', { name: 'アンケート' })
      .click();
    await heading(page, 'イベント後アンケート');
    // The evening has passed (times moved back in the database): the durable job sends it, once.
    const setTimes = (startsAt: Date, endsAt: Date) =>
      suite.server.deps.database.db.transaction(async (tx) => {
        await enterTenant(tx, tenant.id);
        await tx
          .update(events)
          .set({ startsAt, endsAt })
          .where(and(eq(events.tenantId, tenant.id), eq(events.id, eventId)));
      });
    await setTimes(new Date(Date.now() - 3 * 3_600_000), new Date(Date.now() - 3_600_000));
    expect(await sendFollowUpSurvey(suite.server.deps, { tenantId: tenant.id, eventId })).toBe(1);
    expect(await sendFollowUpSurvey(suite.server.deps, { tenantId: tenant.id, eventId })).toBe(0);
    // The attendee finds it in their notifications and answers on their phone.
    const attendee = (await suite.pageAs(people[2]!.client)).page;
    await attendee.goto(`${suite.server.publicUrl}/t/${slug}/notifications`);
    await attendee
      .getByRole('link', { name: /参加者アンケート/ })
      .first()
      .click();
    await heading(attendee, '「アルムナイ交流会 2026 冬」参加者アンケート', 1);
    await attendee
      .getByRole('group', { name: /イベントの満足度/ })
      .getByRole('radio', { name: '5' })
      .check();
    await attendee.getByRole('checkbox', { name: '次回のイベントにも参加したい' }).check();
    await attendee.getByLabel(/ご意見・ご感想/).fill('また参加したいです。');
    await attendee.getByRole('button', { name: '回答を送信する' }).click();
    await heading(attendee, 'ご回答ありがとうございました', 2);
    // Among their past events, the evening's page now shows its materials, the recording too (they came).
    await attendee.goto(`${suite.server.publicUrl}/t/${slug}/events?when=past`);
    await attendee.getByRole('link', { name: 'アルムナイ交流会 2026 冬' }).click();
    await heading(attendee, '資料');
    await attendee.getByRole('link', { name: '当日のスライド' }).waitFor();
    await attendee.getByRole('link', { name: '録画' }).waitFor();
    await expectCleanScreen(attendee, 'past event with materials (ja)');
    // HR see the answer from the event's page.
    await page.reload();
    await page.getByText('回答 1 件（出席者の回答のみ）').waitFor();
    await page.getByRole('link', { name: '回答結果を見る' }).click();
    await page.getByText('また参加したいです。').waitFor();
    expect(failed.splice(0)).toEqual([]);
    // Back to its real evening, for the rest of the journey.
    await setTimes(new Date(staffView.body.startsAt), new Date(changed.body.endsAt));

    // The same screens in English.
    const english = (await suite.pageAs(hr, { language: 'en' })).page;
    const base = `${suite.server.publicUrl}/t/${slug}/admin/events`;
    for (const [path, title] of [
      ['', 'Events'],
      ['/new', 'Create an event'],
      [`/${eventId}`, 'Edit the event'],
      [`/${eventId}/registrations`, 'Registrations'],
      [`/${eventId}/survey`, 'Post-event survey'],
      [`/${eventId}/materials`, 'Event materials'],
      [`/${eventId}/check-in`, 'Check-in'],
    ] as const) {
      await english.goto(`${base}${path}`);
      await heading(english, title);
      await expectCleanScreen(english, `${title} (en)`);
    }
    await english.getByLabel('Check-in code').fill('zzzz-zzzz');
    await english.getByRole('button', { name: 'Check in', exact: true }).click();
    await english.getByText('Not checked in: No confirmed registration has this code.').waitFor();

    // At a desk the list is the shared desk table: Enter on a row opens the event.
    await english.setViewportSize({ width: 1366, height: 768 });
    await english.goto(`${base}/${eventId}/registrations`);
    const registrationRow = english
      .getByRole('table', { name: /^Registrations \(4\)/ })
      .getByRole('row', { name: /参加 三郎/ });
    await registrationRow.getByRole('cell', { name: '参加する' }).waitFor();
    await registrationRow.getByRole('cell', { name: 'Confirmed' }).waitFor();
    const deskRegistrations = await checkScreen(english, 'registrations table (en)');
    expect(deskRegistrations.violations).toEqual([]);
    expect(deskRegistrations.overflow).toBeLessThanOrEqual(0);
    await english.goto(base);
    const table = english.getByRole('table', { name: /^Events \(1\)/ });
    const eventRow = table.getByRole('row', { name: /アルムナイ交流会 2026 冬/ });
    await eventRow.getByRole('cell', { name: 'Published' }).waitFor();
    const desk = await checkScreen(english, 'events table (en)');
    expect(desk.violations).toEqual([]);
    expect(desk.overflow).toBeLessThanOrEqual(0);
    await eventRow.focus();
    await english.keyboard.press('Enter');
    await heading(english, 'Edit the event');
    english.on('dialog', (dialog) => dialog.accept());
    await english.getByRole('button', { name: 'Cancel the event' }).click();
    await english.getByText('The event is cancelled. Registrants have been told.').waitFor();
    await english.getByText('This event is cancelled and can no longer be edited.').waitFor();
    const cancelled = await hr.get<{ status: string; sequence: number }>(
      `/api/v1/t/${slug}/events/${eventId}`,
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: before + 2 });
  });
});
