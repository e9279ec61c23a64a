import type { Schemas } from '../../../app/api/types';
import { allValues } from '../../../app/api/types';

export type StaffEvent = Schemas['StaffEvent'];
export type StaffRegistration = Schemas['StaffRegistration'];
export type EventFormat = StaffEvent['format'];
export type AttendanceMode = StaffRegistration['mode'];

export const formats = allValues<EventFormat>()(['online', 'in_person', 'hybrid'] as const);

/** The ways to take part an event of this format offers. */
export const modesOf = (format: EventFormat): AttendanceMode[] =>
  format === 'hybrid' ? ['in_person', 'online'] : [format];

export const eventConsoleKeys = {
  all: (slug: string) => ['t', slug, 'events', 'staff'] as const,
  list: (slug: string, when: string) => ['t', slug, 'events', 'staff', 'list', when] as const,
  one: (slug: string, id: string) => ['t', slug, 'events', 'staff', 'one', id] as const,
  registrations: (slug: string, id: string) => ['t', slug, 'events', 'staff', 'registrations', id] as const,
  survey: (slug: string, id: string) => ['t', slug, 'events', 'staff', 'survey', id] as const,
  materials: (slug: string, id: string) => ['t', slug, 'events', 'staff', 'materials', id] as const,
};

/** Confirmed seats and capacity over every format of the event (null capacity: no limit on some format). */
export function seatTotals(event: StaffEvent) {
  const seats = modesOf(event.format).map((mode) =>
    mode === 'online' ? event.seats.online : event.seats.inPerson,
  );
  return {
    confirmed: seats.reduce((sum, seat) => sum + seat.confirmed, 0),
    waitlisted: seats.reduce((sum, seat) => sum + seat.waitlisted, 0),
    capacity: seats.some((seat) => seat.capacity === null)
      ? null
      : seats.reduce((sum, seat) => sum + (seat.capacity ?? 0), 0),
  };
}
