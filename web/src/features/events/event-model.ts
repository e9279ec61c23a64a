import type { Schemas } from '../../app/api/types';

export type MemberEvent = Schemas['MemberEvent'];
export type EventListWhen = 'upcoming' | 'mine' | 'past';
export type AttendanceMode = 'online' | 'in_person';

/** Cache keys of the member side of events, so a registration or a cancellation refreshes what it changes. */
export const eventKeys = {
  all: (slug: string) => ['t', slug, 'member-events'] as const,
  list: (slug: string, when: EventListWhen) => ['t', slug, 'member-events', 'list', when] as const,
  event: (slug: string, id: string) => ['t', slug, 'member-events', 'event', id] as const,
  feed: (slug: string) => ['t', slug, 'member-events', 'feed'] as const,
  going: (slug: string, id: string) => ['t', slug, 'member-events', 'going', id] as const,
  materials: (slug: string, id: string) => ['t', slug, 'member-events', 'materials', id] as const,
};

const tagOf = (locale: string) => (locale === 'en' ? 'en-GB' : 'ja-JP');

/**
 * 「2026年12月10日(木) 19:00〜21:00 (日本時間)」: the event's times in the event's own zone, named, so a
 * member abroad knows which clock it is; an event over several days shows both days.
 */
export function eventWhen(
  locale: string,
  event: Pick<MemberEvent, 'startsAt' | 'endsAt' | 'timeZone'>,
): string {
  const tag = tagOf(locale);
  const timeZone = event.timeZone;
  const day = new Intl.DateTimeFormat(tag, {
    timeZone,
    year: 'numeric',
    month: locale === 'en' ? 'short' : 'long',
    day: 'numeric',
    weekday: 'short',
  });
  const time = new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit' });
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const sameDay = day.format(start) === day.format(end);
  const range = sameDay
    ? `${day.format(start)} ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
  return `${range} (${zoneName(locale, timeZone, start)})`;
}

/** The zone as people say it: 「日本時間」 / "Japan Standard Time", else the IANA name. */
export function zoneName(locale: string, timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat(tagOf(locale), { timeZone, timeZoneName: 'long' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The ways one can attend: a hybrid event asks which. */
export function modesOf(format: MemberEvent['format']): AttendanceMode[] {
  if (format === 'hybrid') return ['online', 'in_person'];
  return [format];
}

/** Seats left over the ways one can attend; null when any of them has no limit. */
export function seatsLeft(event: MemberEvent): { left: number | null; capacity: number | null } {
  const seats = modesOf(event.format).map((mode) => event.seats[mode === 'online' ? 'online' : 'inPerson']);
  if (seats.some((seat) => seat.capacity === null)) return { left: null, capacity: null };
  return {
    left: seats.reduce((sum, seat) => sum + (seat.left ?? 0), 0),
    capacity: seats.reduce((sum, seat) => sum + (seat.capacity ?? 0), 0),
  };
}

/** A live registration: one that holds a seat or a place in the queue. */
export const isRegistered = (event: MemberEvent) =>
  event.registration !== null && event.registration.status !== 'cancelled';

/** Whether every seat for the chosen way of attending is taken, so registering joins the waitlist. */
export function isFull(event: MemberEvent, mode: AttendanceMode): boolean {
  const seat = event.seats[mode === 'online' ? 'online' : 'inPerson'];
  return seat.capacity !== null && (seat.left ?? 0) <= 0;
}
