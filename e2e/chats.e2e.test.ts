import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { communityMember } from '../server/test/community-factories.js';
import { createTestTenant, signIn } from '../server/test/factories.js';
import { browserSuite, hasChromium, narrowPhone } from './browser.js';

const suite = browserSuite();

type Mail = {
  to: string;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
};

/** The mails to an address in the dev mailbox, newest first, as its API serves them to this machine. */
async function mailbox(page: Page, to: string): Promise<Mail[]> {
  await suite.server.deps.jobs.drain();
  const response = await page.request.get(`${suite.server.publicUrl}/api/dev/mailbox`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { mails: Mail[] }).mails.filter((mail) => mail.to === to);
}

/** Three days from now at 19:00 Japan time, as a datetime-local field takes it, and as an instant. */
function chatTime() {
  const tokyo = new Date(Date.now() + 9 * 3_600_000 + 3 * 86_400_000);
  const day = tokyo.toISOString().slice(0, 10);
  return { local: `${day}T19:00`, instant: new Date(`${day}T19:00:00+09:00`) };
}

describe.skipIf(!hasChromium)('casual career chats on a phone', () => {
  it('HR publishes a slot, an alumnus books it in two taps and gets an .ics, then cancels', {
    timeout: 180_000,
  }, async () => {
    const { tenant, slug, ownerEmail } = await createTestTenant(suite.server);
    const owner = await signIn(suite.server, ownerEmail);
    const member = await communityMember(suite.server, { id: tenant.id, slug }, { displayName: '卒業 花子' });
    const when = chatTime();

    const { page: staff } = await suite.pageAs(owner, { size: narrowPhone });
    await staff.goto(`${suite.server.publicUrl}/t/${slug}/admin/chats`);
    await staff.getByRole('heading', { level: 2, name: 'カジュアル面談', exact: true }).waitFor();
    await staff.getByLabel('開始日時（日本時間）').fill(when.local);
    await staff.getByLabel('長さ').selectOption({ label: '30 分' });
    await staff.getByLabel('オンライン会議の URL').fill('https://meet.example.jp/enishi-chat');
    await staff.getByLabel('テーマ').selectOption({ label: '復職（カムバック）' });
    await staff.getByLabel('メモ（任意）').fill('復職の流れをお話しします。');
    await staff.getByRole('button', { name: '公開する', exact: true }).click();
    await staff.getByText('面談枠を公開しました。').waitFor();
    const slotRow = staff.getByRole('listitem').filter({ hasText: '19:00〜19:30' });
    await slotRow.getByText('受付中').waitFor();

    const { page: alumnus } = await suite.pageAs(member.client, { size: narrowPhone });
    await alumnus.goto(`${suite.server.publicUrl}/t/${slug}/opportunities`);
    await alumnus.getByRole('link', { name: 'カジュアル面談の枠を見る' }).click();
    await alumnus.getByRole('heading', { level: 1, name: 'カジュアル面談', exact: true }).waitFor();
    const offered = alumnus.getByRole('listitem').filter({ hasText: '19:00〜19:30' });
    await offered.getByText(/^担当: .+ さん$/).waitFor();
    // Two taps: 予約する, then 予約を確定する.
    await offered.getByRole('button', { name: /予約する$/ }).click();
    await offered.getByRole('button', { name: '予約を確定する' }).click();
    await alumnus.getByText('予約しました。').waitFor();
    const booked = alumnus.getByRole('listitem').filter({ hasText: '予約済み' });
    await booked.getByRole('link', { name: 'オンライン面談のリンク' }).waitFor();
    expect(await booked.getByRole('link', { name: 'オンライン面談のリンク' }).getAttribute('href')).toBe(
      'https://meet.example.jp/enishi-chat',
    );

    const [confirmation] = await mailbox(alumnus, member.email);
    expect(confirmation!.subject).toContain('カジュアル面談のご予約');
    expect(confirmation!.attachments.map((file) => file.filename)).toEqual(['career-chat.ics']);
    const ics = confirmation!.attachments[0]!.content;
    expect(ics).toContain('DTSTART;TZID=Asia/Tokyo:');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().getTime()).toBe(when.instant.getTime());
    expect(event.startDate.toString()).toMatch(/T19:00:00$/);
    expect(event.location).toBe('https://meet.example.jp/enishi-chat');

    await staff.reload();
    await slotRow.getByText('予約: 卒業 花子 さん').waitFor();

    await booked.getByRole('button', { name: /取り消す$/ }).click();
    await alumnus.getByRole('listitem').filter({ hasText: '取り消し済み' }).waitFor();
    const hostMails = await mailbox(staff, ownerEmail);
    expect(hostMails[0]!.subject).toContain('カジュアル面談が取り消されました');
    expect(hostMails[0]!.attachments[0]!.content).toContain('METHOD:CANCEL');
    await staff.reload();
    await slotRow.getByText('受付中').waitFor();
  });
});
