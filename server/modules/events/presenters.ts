import type { AttendanceMode } from '../../db/schema/index.js';
import { presentProfile } from '../community/presenters.js';
import type { Actor, TenantRef } from '../tenancy/tenant-context.js';
import { audienceOf } from './event-audience.js';
import type { EventCover } from './event-images.js';
import { capacityOf, isRegistrationOpen, meetingUrlFrom, modesOf } from './event-rules.js';
import type { whoElseIsGoing } from './going.js';
import type { EventCounts, MemberEventRow } from './list-events.js';
import type { RegistrationRow } from './register.js';
import type { EventRow } from './write-events.js';

type GoingRow = Awaited<ReturnType<typeof whoElseIsGoing>>['rows'][number];

const iso = (date: Date | null) => date?.toISOString() ?? null;

function commonFields(event: EventRow, cover: EventCover | null) {
  return {
    cover,
    id: event.id,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    format: event.format,
    venue: event.venue,
    address: event.address,
    mapUrl: event.mapUrl,
    registrationOpensAt: iso(event.registrationOpensAt),
    registrationClosesAt: iso(event.registrationClosesAt),
    speakers: event.speakers,
  };
}

/** An event as staff see it in the console: everything, with the seats per format. */
export function presentStaffEvent(event: EventRow, counts: EventCounts, cover: EventCover | null) {
  const seats = (mode: AttendanceMode, waitlisted: number) =>
    modesOf(event.format).includes(mode)
      ? {
          capacity: capacityOf(event, mode),
          confirmed: mode === 'online' ? event.confirmedOnline : event.confirmedInPerson,
          waitlisted,
        }
      : { capacity: null, confirmed: 0, waitlisted: 0 };
  return {
    ...commonFields(event, cover),
    status: event.status,
    body: event.body,
    bodyHtml: event.bodyHtml,
    meetingUrl: event.meetingUrl,
    meetingUrlVisibleMinutes: event.meetingUrlVisibleMinutes,
    audience: audienceOf(event),
    questions: event.questions,
    seats: {
      online: seats('online', counts.waitlistedOnline),
      inPerson: seats('in_person', counts.waitlistedInPerson),
    },
    attended: counts.attended,
    sequence: event.sequence,
    publishedAt: iso(event.publishedAt),
    cancelledAt: iso(event.cancelledAt),
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}

/** The member's own registration; the check-in code only while it holds a seat. */
export function presentOwnRegistration(registration: RegistrationRow, position: number | null) {
  return {
    id: registration.id,
    status: registration.status,
    mode: registration.mode,
    waitlistPosition: registration.status === 'waitlisted' ? position : null,
    answers: registration.answers,
    checkInCode: registration.status === 'confirmed' ? registration.checkInCode : null,
    attended: registration.attendedAt !== null,
    registeredAt: registration.createdAt.toISOString(),
  };
}

/**
 * An event as a member sees it. The meeting link is for confirmed registrants only, and only from the
 * configured time before the start; answers to questions are the member's own (others' are HR's).
 */
export function presentMemberEvent(row: MemberEventRow, cover: EventCover | null, now = new Date()) {
  const { event, registration } = row;
  const confirmed = registration?.status === 'confirmed' && event.status === 'published';
  const linkFrom = event.format === 'in_person' ? null : meetingUrlFrom(event);
  const seatsLeft = (mode: AttendanceMode) => {
    if (!modesOf(event.format).includes(mode)) return { capacity: 0, left: 0 };
    const capacity = capacityOf(event, mode);
    const taken = mode === 'online' ? event.confirmedOnline : event.confirmedInPerson;
    return { capacity, left: capacity === null ? null : Math.max(0, capacity - taken) };
  };
  return {
    ...commonFields(event, cover),
    status: event.status === 'cancelled' ? ('cancelled' as const) : ('published' as const),
    bodyHtml: event.bodyHtml,
    meetingUrl:
      confirmed &&
      linkFrom &&
      linkFrom.getTime() <= now.getTime() &&
      (!registration || registration.mode === 'online')
        ? event.meetingUrl
        : null,
    meetingUrlFrom: linkFrom ? linkFrom.toISOString() : null,
    registrationOpen: isRegistrationOpen(event, now),
    seats: { online: seatsLeft('online'), inPerson: seatsLeft('in_person') },
    questions: event.questions,
    registration: registration ? presentOwnRegistration(registration, row.waitlistPosition) : null,
  };
}

/** A registration as staff see it: the answers and attendance with it. */
export function presentStaffRegistration(row: {
  registration: RegistrationRow;
  member: { id: string; displayName: string };
  waitlistPosition: number | null;
}) {
  const { registration } = row;
  return {
    id: registration.id,
    member: row.member,
    status: registration.status,
    mode: registration.mode,
    seq: registration.seq,
    waitlistPosition: registration.status === 'waitlisted' ? row.waitlistPosition : null,
    answers: registration.answers,
    checkInCode: registration.checkInCode,
    attendedAt: iso(registration.attendedAt),
    addedByStaff: registration.addedBy !== null,
    promotedAt: iso(registration.promotedAt),
    cancelledAt: iso(registration.cancelledAt),
    registeredAt: registration.createdAt.toISOString(),
  };
}

/**
 * One of the others going, through the profile's own visibility rules: the name, and the photo and
 * company only when their owner shows them to this viewer, as in the directory.
 */
export function presentGoingPerson(viewer: Actor, tenant: TenantRef, row: GoingRow) {
  const full = presentProfile(viewer, tenant, { ...row, hashtags: [] });
  return {
    id: full.id,
    displayName: full.displayName,
    badge: full.badge,
    ...(full.photoUrl ? { photoUrl: full.photoUrl } : {}),
    ...(full.currentCompany !== undefined
      ? { currentCompany: full.currentCompany, currentTitle: full.currentTitle ?? '' }
      : {}),
  };
}
