import type { MailAttachment } from '../../db/schema/index.js';
import { type CalendarEntry, calendarUid, entryCalendar } from '../../platform/calendar/calendar.js';
import type { Locale } from '../../platform/i18n/messages.js';
import type { TenantRef } from '../tenancy/tenant-context.js';
import type { EventRow } from './write-events.js';

const zoneNames: Record<Locale, (zone: string) => string> = {
  ja: (zone) => (zone === 'Asia/Tokyo' ? '日本時間' : zone),
  en: (zone) => (zone === 'Asia/Tokyo' ? 'Japan time' : zone),
};

/** 「2026年12月10日(木) 19:00〜21:00（日本時間）」 in the event's own zone. */
export function eventWhen(locale: Locale, event: Pick<EventRow, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const tag = locale === 'ja' ? 'ja-JP' : 'en-GB';
  const zone = event.timeZone;
  const dayFormat = new Intl.DateTimeFormat(tag, {
    timeZone: zone,
    year: 'numeric',
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  });
  const time = new Intl.DateTimeFormat(tag, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const sameDay = dayFormat.format(event.startsAt) === dayFormat.format(event.endsAt);
  const end = sameDay
    ? time.format(event.endsAt)
    : `${dayFormat.format(event.endsAt)} ${time.format(event.endsAt)}`;
  return locale === 'ja'
    ? `${dayFormat.format(event.startsAt)} ${time.format(event.startsAt)}〜${end}（${zoneNames.ja(zone)}）`
    : `${dayFormat.format(event.startsAt)}, ${time.format(event.startsAt)}–${end} (${zoneNames.en(zone)})`;
}

/**
 * The event as a calendar entry: one UID per event for every version and every registrant, the
 * event's SEQUENCE (raised by each change of time or place and by a cancellation). A registration
 * that was cancelled shows the entry cancelled too. The meeting link is left out: it is given in the
 * app, from the configured time before the start.
 */
export function eventCalendarEntry(
  tenant: TenantRef,
  event: EventRow,
  options: { host: string; locale: Locale; registrationCancelled?: boolean },
): CalendarEntry {
  const place = [event.venue, event.address].filter(Boolean).join(' ');
  const online = options.locale === 'ja' ? 'オンライン' : 'Online';
  const location =
    event.format === 'online' ? online : event.format === 'hybrid' ? `${place} / ${online}` : place;
  const link = `/t/${tenant.slug}/events/${event.id}`;
  return {
    uid: calendarUid('event', event.id, options.host),
    sequence: event.sequence + (options.registrationCancelled && event.status !== 'cancelled' ? 1 : 0),
    start: event.startsAt,
    end: event.endsAt,
    timeZone: event.timeZone,
    summary: event.title,
    description: `${options.locale === 'ja' ? tenant.nameJa : tenant.nameEn}\n${link}`,
    ...(location ? { location } : {}),
    cancelled: event.status === 'cancelled' || Boolean(options.registrationCancelled),
    updatedAt: event.updatedAt,
  };
}

/** The .ics file of one event (download, or attached to a notice). */
export function eventIcs(
  tenant: TenantRef,
  event: EventRow,
  options: { host: string; locale: Locale; registrationCancelled?: boolean },
) {
  const entry = eventCalendarEntry(tenant, event, options);
  return {
    entry,
    text: entryCalendar(entry, { name: options.locale === 'ja' ? tenant.nameJa : tenant.nameEn }),
  };
}

export function eventCalendarFile(
  tenant: TenantRef,
  event: EventRow,
  options: { host: string; locale: Locale },
): MailAttachment {
  const { entry, text } = eventIcs(tenant, event, options);
  const method = entry.cancelled ? 'CANCEL' : 'PUBLISH';
  return {
    filename: entry.cancelled ? 'event-cancel.ics' : 'event.ics',
    contentType: `text/calendar; charset=UTF-8; method=${method}`,
    content: text,
  };
}
