import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createEvent, network } from '../server/modules/events/event-test-factories.js';
import { communityMember } from '../server/test/community-factories.js';
import { browserSuite, hasChromium, narrowPhone, phone } from './browser.js';
import { checkScreen } from './screens.js';

const suite = browserSuite();

/** axe and sideways scrolling on the screen as it is now. */
async function expectClean(page: Page, screen: string) {
  const check = await checkScreen(page, screen);
  expect(check.violations).toEqual([]);
  expect(check.overflow).toBeLessThanOrEqual(0);
}

/** The events in an iCalendar text, as a calendar app reads them. */
function calendarEvents(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe.skipIf(!hasChromium)('events for members on a phone', () => {
  it('registers in one tap, waitlists the second member with their position, promotes them when the first cancels, and gives the .ics and a calendar feed', {
    timeout: 240_000,
  }, async () => {
    const server = suite.server;
    const net = await network(server);
    const tenant = { id: net.id, slug: net.slug };
    const event = await createEvent(net, {
      title: '冬のアルムナイ交流会',
      capacityInPerson: 1,
      mapUrl: 'https://maps.example.jp/?q=marunouchi',
      speakers: [{ name: '登壇 太郎', title: '株式会社はじまり 代表' }],
      questions: [
        {
          id: 'meal',
          kind: 'choice',
          label: '懇親会の食事',
          choices: ['通常', 'ベジタリアン'],
          required: true,
        },
      ],
    });
    const first = await communityMember(server, tenant, { displayName: '先着 花子' });
    const second = await communityMember(server, tenant, { displayName: '次点 次郎' });

    // The first member finds イベント from the home screen, in Japanese at 390 px.
    const { context: firstContext, page } = await suite.pageAs(first.client, { size: phone });
    await page.goto(`${server.publicUrl}/t/${net.slug}`);
    await page.getByRole('link', { name: 'イベント', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'イベント' }).waitFor();
    await page.getByRole('link', { name: '冬のアルムナイ交流会' }).waitFor();
    await expectClean(page, 'ja events');
    await page.getByRole('link', { name: '冬のアルムナイ交流会' }).click();
    await page.getByRole('heading', { level: 1, name: '冬のアルムナイ交流会' }).waitFor();
    await page.getByText('残り 1 席（定員 1 名）').waitFor();
    await page
      .getByText(/日本標準時/)
      .first()
      .waitFor();
    await page.getByRole('link', { name: '地図を開く' }).waitFor();
    await page.getByText('登壇 太郎').waitFor();
    await expectClean(page, 'ja event');
    // A required question is asked first; leaving it out is refused with the reason.
    await page.getByRole('button', { name: '参加を申し込む' }).click();
    await page.locator('.field-error').first().waitFor();
    await page.getByLabel('懇親会の食事').selectOption('ベジタリアン');
    await page.getByRole('button', { name: '参加を申し込む' }).click();
    await page.getByText('参加が確定しています。').waitFor();
    const code = ((await page.locator('.check-in-code').textContent()) ?? '').replace('受付番号', '');
    expect(code.replace(/\s/g, '')).toMatch(/^[2-9A-Z]{8}$/);
    await expectClean(page, 'ja event, confirmed');

    // The .ics link answers a calendar file with the event at its time.
    const icsHref = await page.getByRole('link', { name: /\.ics/ }).getAttribute('href');
    const ics = await page.request.get(`${server.publicUrl}${icsHref ?? ''}`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toContain('text/calendar');
    const [entry] = calendarEvents(await ics.text());
    expect(entry?.summary).toBe('冬のアルムナイ交流会');
    expect(entry?.startDate.toJSDate().toISOString()).toBe(event.startsAt);

    // The second member, in English at 360 px, finds it full and joins the waitlist.
    const { context: secondContext, page: other } = await suite.pageAs(second.client, {
      language: 'en',
      size: narrowPhone,
    });
    await other.goto(`${server.publicUrl}/t/${net.slug}/events/${event.id}`);
    await other.getByRole('heading', { level: 1, name: '冬のアルムナイ交流会' }).waitFor();
    await other.getByText('0 of 1 seats left').waitFor();
    // Who else is going: the first member, who agreed to be listed in the directory.
    await other.getByRole('heading', { level: 2, name: 'Who else is going' }).waitFor();
    await other.getByRole('link', { name: '先着 花子' }).waitFor();
    await other.getByLabel('懇親会の食事').selectOption('通常');
    await other.getByRole('button', { name: 'Join the waitlist' }).click();
    await other.getByText('Waitlist no. 1').first().waitFor();
    await expectClean(other, 'en event, waitlisted');

    // The first cancels in one tap; the seat goes to the second, who is told.
    await page.getByRole('button', { name: '参加をキャンセルする' }).click();
    await page.getByText('申し込みはキャンセル済みです。').waitFor();
    await other.goto(`${server.publicUrl}/t/${net.slug}/notifications`);
    await other
      .getByRole('link', { name: /冬のアルムナイ交流会/ })
      .first()
      .click();
    await other.waitForURL(`**/t/${net.slug}/events/${event.id}`);
    await other.getByText('Your place is confirmed.').waitFor();
    await other.locator('.check-in-code').waitFor();
    await other.goto(`${server.publicUrl}/t/${net.slug}/events?when=mine`);
    await other.getByRole('heading', { level: 2, name: 'My registrations' }).waitFor();
    await other.getByText('Confirmed', { exact: true }).waitFor();
    await expectClean(other, 'en my events');

    // Their calendar feed: a secret address listing the event, which stops when revoked.
    await other.getByRole('button', { name: 'Make a subscription address' }).click();
    const address = await other.getByLabel('Calendar subscription address').inputValue();
    expect(address).toMatch(/^webcal:\/\//);
    const feedUrl = address.replace(/^webcal:\/\//, `${new URL(server.publicUrl).protocol}//`);
    const feed = await other.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(calendarEvents(await feed.text()).map((e) => e.summary)).toEqual(['冬のアルムナイ交流会']);
    await expectClean(other, 'en events with the feed address');
    await other.getByRole('button', { name: 'Stop the calendar connection' }).click();
    await other.getByText('Not connected.').waitFor();
    expect((await other.request.get(feedUrl)).status()).toBe(404);

    await Promise.all([firstContext.close(), secondContext.close()]);
  });
});
