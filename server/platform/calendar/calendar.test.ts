import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type CalendarEntry, calendarUid, entryCalendar, memberCalendarFeed } from './calendar.js';

const meetUp: CalendarEntry = {
  uid: calendarUid('event', '7c1e7a43-1b55-4f0e-9d7e-2b9b3b7f1a10', 'alumni.example.jp'),
  sequence: 0,
  // 19:00–21:00 in Tokyo.
  start: new Date('2026-12-10T10:00:00Z'),
  end: new Date('2026-12-10T12:00:00Z'),
  summary: 'アルムナイ交流会（東京）',
  description: '近況を語り合いましょう。\n会場: 本社 10 階',
  location: '東京都千代田区丸の内 1-1-1',
  url: 'https://alumni.example.jp/t/demo/events/1',
  updatedAt: new Date('2026-12-01T00:00:00Z'),
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  return calendar;
}

describe('calendar files', () => {
  it('writes one entry with the Asia/Tokyo VTIMEZONE, local times in that zone, and its UID and SEQUENCE', () => {
    const calendar = parse(entryCalendar(meetUp, { name: 'デモ株式会社' }));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Asia/Tokyo');
    expect(zone.getFirstSubcomponent('standard')!.getFirstPropertyValue('tzoffsetto')?.toString()).toBe(
      '+09:00',
    );

    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe('event-7c1e7a43-1b55-4f0e-9d7e-2b9b3b7f1a10@alumni.example.jp');
    expect(event.sequence).toBe(0);
    expect(event.startDate.zone?.tzid).toBe('Asia/Tokyo');
    expect(event.startDate.toString()).toBe('2026-12-10T19:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-10T10:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-10T12:00:00.000Z');
    expect(event.summary).toBe('アルムナイ交流会（東京）');
    expect(event.description).toBe('近況を語り合いましょう。\n会場: 本社 10 階');
    expect(event.location).toBe('東京都千代田区丸の内 1-1-1');
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('keeps the UID and raises the SEQUENCE for a changed time, and cancels with METHOD:CANCEL', () => {
    const moved = {
      ...meetUp,
      sequence: 1,
      start: new Date('2026-12-11T10:00:00Z'),
      end: new Date('2026-12-11T12:00:00Z'),
    };
    const update = new ICAL.Event(
      parse(entryCalendar(moved, { name: 'デモ' })).getFirstSubcomponent('vevent')!,
    );
    expect(update.uid).toBe(
      new ICAL.Event(parse(entryCalendar(meetUp, { name: 'デモ' })).getFirstSubcomponent('vevent')!).uid,
    );
    expect(update.sequence).toBe(1);
    expect(update.startDate.toString()).toBe('2026-12-11T19:00:00');

    const cancelled = parse(entryCalendar({ ...moved, sequence: 2, cancelled: true }, { name: 'デモ' }));
    expect(cancelled.getFirstPropertyValue('method')).toBe('CANCEL');
    const event = new ICAL.Event(cancelled.getFirstSubcomponent('vevent')!);
    expect([event.uid, event.sequence]).toEqual([update.uid, 2]);
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it("builds a member's feed with every entry, cancelled ones marked so, and lines folded at 75 octets", () => {
    const chat: CalendarEntry = {
      ...meetUp,
      uid: calendarUid('career-chat', 'a1', 'alumni.example.jp'),
      summary: 'カジュアル面談：いまの開発組織について、ざっくばらんにお話しします（オンライン）',
      start: new Date('2027-01-05T01:00:00Z'),
      end: new Date('2027-01-05T01:30:00Z'),
    };
    const text = memberCalendarFeed([meetUp, { ...chat, sequence: 3, cancelled: true }], {
      name: '山田 花子 の予定',
    });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const calendar = parse(text);
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((event) => [event.uid, event.component.getFirstPropertyValue('status')])).toEqual([
      [meetUp.uid, 'CONFIRMED'],
      [chat.uid, 'CANCELLED'],
    ]);
    expect(events[1]!.summary).toBe(chat.summary);
    expect(events[1]!.startDate.toString()).toBe('2027-01-05T10:00:00');
  });
});
