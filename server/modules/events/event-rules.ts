import type { AttendanceMode, EventFormat, events } from '../../db/schema/index.js';

type Event = typeof events.$inferSelect;

/** The ways one can take part in an event of this format. */
export const modesOf = (format: EventFormat): AttendanceMode[] =>
  format === 'hybrid' ? ['in_person', 'online'] : [format];

export const capacityOf = (event: Event, mode: AttendanceMode) =>
  mode === 'online' ? event.capacityOnline : event.capacityInPerson;

/** Registration is open from its opening (or publication) until its closing, or else the start. */
export function registrationWindow(event: Event) {
  return { opens: event.registrationOpensAt, closes: event.registrationClosesAt ?? event.startsAt };
}

export function isRegistrationOpen(event: Event, now = new Date()) {
  if (event.status !== 'published') return false;
  const { opens, closes } = registrationWindow(event);
  return (!opens || opens.getTime() <= now.getTime()) && now.getTime() < closes.getTime();
}

/** From when confirmed registrants see the meeting link. */
export const meetingUrlFrom = (event: Event) =>
  new Date(event.startsAt.getTime() - event.meetingUrlVisibleMinutes * 60_000);
