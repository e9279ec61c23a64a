import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';

/** What a programme (an event, a career chat) puts in a calendar. */
export type CalendarEntry = {
  /** Stable across every version of the entry: a calendar replaces the entry with the same UID. */
  uid: string;
  /** Goes up with every change (time, place, cancellation), so calendars take the newer version. */
  sequence: number;
  start: Date;
  end: Date;
  /** IANA zone the times are shown in; Asia/Tokyo unless the entry says otherwise. */
  timeZone?: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  cancelled?: boolean;
  updatedAt: Date;
  organizer?: { name: string; email: string };
};

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

/** A UID for an entry of a kind (`event`, `career-chat`) in a network: the same for every version. */
export function calendarUid(kind: string, id: string, host: string): string {
  return `${kind}-${id}@${host}`;
}

/**
 * The VTIMEZONE for a zone, from timezones-ical-library (kept current with the IANA database), so
 * clients that do not know the zone by name still place the times right (RFC 5545 §3.6.5).
 */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  const component = Array.isArray(block) ? block[0] : block;
  return component?.startsWith('BEGIN:VTIMEZONE') ? component : null;
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();

/**
 * A Date that reads its calendar fields in a given zone. ical-generator writes `DTSTART;TZID=…` from a
 * plain Date with the process's own zone, so a server running in UTC would put 19:00 in Tokyo down as
 * 10:00; given a zoned date (TZDate's shape) it asks the date for the fields in the entry's zone.
 */
class ZonedDate extends Date {
  timeZone?: string;

  // The shape ical-generator recognises a zoned date by (that of @date-fns/tz's TZDate).
  get internal(): Date {
    return new Date(this.getTime());
  }

  tzComponents(): number[] {
    return [this.getFullYear(), this.getMonth(), this.getDate(), this.getHours(), this.getMinutes()];
  }

  withTimeZone(zone?: string | null): ZonedDate {
    const zoned = new ZonedDate(this.getTime());
    if (zone) zoned.timeZone = zone;
    return zoned;
  }

  #part(type: Intl.DateTimeFormatPartTypes): number {
    const zone = this.timeZone!;
    let format = partsFormat.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      partsFormat.set(zone, format);
    }
    return Number(format.formatToParts(this).find((part) => part.type === type)?.value);
  }

  override getFullYear() {
    return this.timeZone ? this.#part('year') : super.getFullYear();
  }
  override getMonth() {
    return this.timeZone ? this.#part('month') - 1 : super.getMonth();
  }
  override getDate() {
    return this.timeZone ? this.#part('day') : super.getDate();
  }
  override getHours() {
    return this.timeZone ? this.#part('hour') : super.getHours();
  }
  override getMinutes() {
    return this.timeZone ? this.#part('minute') : super.getMinutes();
  }
  override getSeconds() {
    return this.timeZone ? this.#part('second') : super.getSeconds();
  }
}

function addEntry(calendar: ReturnType<typeof ical>, entry: CalendarEntry): void {
  calendar.createEvent({
    id: entry.uid,
    sequence: entry.sequence,
    start: new ZonedDate(entry.start.getTime()),
    end: new ZonedDate(entry.end.getTime()),
    timezone: entry.timeZone ?? DEFAULT_TIME_ZONE,
    summary: entry.summary,
    ...(entry.description ? { description: entry.description } : {}),
    ...(entry.location ? { location: entry.location } : {}),
    ...(entry.url ? { url: entry.url } : {}),
    status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: entry.updatedAt,
    lastModified: entry.updatedAt,
    ...(entry.organizer ? { organizer: entry.organizer } : {}),
  });
}

function newCalendar(name: string, method: ICalCalendarMethod, zone: string) {
  return ical({
    name,
    prodId: { company: 'Enishi', product: 'Enishi alumni network', language: 'JA' },
    method,
    timezone: { name: zone, generator: vtimezone },
  });
}

/**
 * One entry as a .ics file (a download, or a mail attachment). `cancel` sends METHOD:CANCEL with the
 * entry's UID and a higher SEQUENCE, which removes it from the calendars that have it.
 */
export function entryCalendar(
  entry: CalendarEntry,
  options: { name: string; method?: 'publish' | 'cancel' },
) {
  const method =
    options.method === 'cancel' || entry.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH;
  const calendar = newCalendar(options.name, method, entry.timeZone ?? DEFAULT_TIME_ZONE);
  addEntry(calendar, entry);
  return calendar.toString();
}

/**
 * A member's subscribed feed (webcal): every entry they take part in, cancelled ones kept as
 * STATUS:CANCELLED so subscribed calendars drop them rather than keep a stale copy.
 */
export function memberCalendarFeed(
  entries: readonly CalendarEntry[],
  options: { name: string; timeZone?: string },
) {
  const calendar = newCalendar(
    options.name,
    ICalCalendarMethod.PUBLISH,
    options.timeZone ?? DEFAULT_TIME_ZONE,
  );
  for (const entry of entries) addEntry(calendar, entry);
  return calendar.toString();
}
