import { z } from '@hono/zod-openapi';
import { attendanceModes, eventFormats, eventStatuses, registrationStatuses } from '../../db/schema/index.js';
import { tidySpaces } from '../../platform/japanese/text.js';
import { AudienceSpecSchema } from '../programmes/audience/audience-spec.js';
import { SlugSchema } from '../tenancy/schemas.js';

export const EventParamSchema = z.object({ slug: SlugSchema, id: z.uuid() });
export const RegistrationParamSchema = z.object({ slug: SlugSchema, id: z.uuid(), registrationId: z.uuid() });

const Short = (max: number) => z.string().transform(tidySpaces).pipe(z.string().max(max));
const Title = z.string().transform(tidySpaces).pipe(z.string().min(1).max(120));
const WebLink = z
  .string()
  .trim()
  .max(500)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), {
    message: 'field_invalid_url',
  });
const Instant = z.iso.datetime({ offset: true });
const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'field_invalid_option');
const Capacity = z.int().min(1).max(100_000).nullable();

export const EventQuestionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/i),
    kind: z.enum(['text', 'choice']),
    label: z.string().transform(tidySpaces).pipe(z.string().min(1).max(200)),
    choices: z
      .array(Short(100).pipe(z.string().min(1)))
      .max(20)
      .default([]),
    required: z.boolean().default(false),
    shared: z.boolean().default(false),
  })
  .superRefine((question, context) => {
    if (question.kind === 'choice' && question.choices.length < 2) {
      context.addIssue({ code: 'custom', path: ['choices'], message: 'event_question_choices' });
    }
  })
  .openapi('EventQuestion');

export const EventSpeakerSchema = z
  .strictObject({
    membershipId: z.uuid().nullable().default(null),
    name: z.string().transform(tidySpaces).pipe(z.string().min(1).max(100)),
    title: Short(200).default(''),
  })
  .openapi('EventSpeaker');

/** The fields staff write. Times are instants with an offset; the zone is what calendars show them in. */
const EventFields = {
  title: Title,
  body: z.string().max(20_000),
  startsAt: Instant,
  endsAt: Instant,
  timeZone: TimeZone,
  format: z.enum(eventFormats),
  meetingUrl: WebLink.nullable(),
  meetingUrlVisibleMinutes: z
    .int()
    .min(0)
    .max(7 * 24 * 60),
  venue: Short(200),
  address: Short(300),
  mapUrl: WebLink.nullable(),
  capacityOnline: Capacity,
  capacityInPerson: Capacity,
  registrationOpensAt: Instant.nullable(),
  registrationClosesAt: Instant.nullable(),
  audience: AudienceSpecSchema,
  questions: z.array(EventQuestionSchema).max(10),
  speakers: z.array(EventSpeakerSchema).max(20),
  /** A picture uploaded through POST /events/images, and what it shows (required with a picture). */
  coverImageId: z.uuid().nullable(),
  coverAlt: Short(300),
};

type Timed = {
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  registrationOpensAt?: string | null | undefined;
  registrationClosesAt?: string | null | undefined;
  questions?: { id: string }[] | undefined;
};

/** Rules across fields that a single field cannot say; the full check against the stored row is in the service. */
export function checkEventTimes(value: Timed, context: z.RefinementCtx) {
  const at = (text: string | null | undefined) => (text ? Date.parse(text) : null);
  const start = at(value.startsAt);
  const end = at(value.endsAt);
  if (start !== null && end !== null && end <= start) {
    context.addIssue({ code: 'custom', path: ['endsAt'], message: 'event_ends_before_start' });
  }
  const opens = at(value.registrationOpensAt);
  const closes = at(value.registrationClosesAt);
  if (opens !== null && closes !== null && closes <= opens) {
    context.addIssue({ code: 'custom', path: ['registrationClosesAt'], message: 'event_window_invalid' });
  }
  const ids = (value.questions ?? []).map((question) => question.id);
  if (new Set(ids).size !== ids.length) {
    context.addIssue({ code: 'custom', path: ['questions'], message: 'event_question_duplicate' });
  }
}

export const NewEventSchema = z
  .strictObject({
    ...EventFields,
    body: EventFields.body.default(''),
    timeZone: TimeZone.default('Asia/Tokyo'),
    meetingUrl: WebLink.nullable().default(null),
    meetingUrlVisibleMinutes: EventFields.meetingUrlVisibleMinutes.default(60),
    venue: Short(200).default(''),
    address: Short(300).default(''),
    mapUrl: WebLink.nullable().default(null),
    capacityOnline: Capacity.default(null),
    capacityInPerson: Capacity.default(null),
    registrationOpensAt: Instant.nullable().default(null),
    registrationClosesAt: Instant.nullable().default(null),
    audience: AudienceSpecSchema.optional(),
    questions: EventFields.questions.default([]),
    speakers: EventFields.speakers.default([]),
    coverImageId: EventFields.coverImageId.default(null),
    coverAlt: EventFields.coverAlt.default(''),
  })
  .superRefine(checkEventTimes)
  .openapi('NewEvent');
export type NewEvent = z.infer<typeof NewEventSchema>;

/** A change to an event; the time is changed here too (registrants are told, calendars update). */
export const EventPatchSchema = z
  .strictObject(EventFields)
  .partial()
  .superRefine(checkEventTimes)
  .openapi('EventPatch');
export type EventPatch = z.infer<typeof EventPatchSchema>;

const Speaker = z.object({ membershipId: z.uuid().nullable(), name: z.string(), title: z.string() });
const Question = z.object({
  id: z.string(),
  kind: z.enum(['text', 'choice']),
  label: z.string(),
  choices: z.array(z.string()),
  required: z.boolean(),
  shared: z.boolean(),
});
const Seats = z.object({
  capacity: z.number().int().nullable(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
});

/** What staff see of an event in the console. */
export const EventCoverSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    alt: z.string(),
  })
  .openapi('EventCover');
export const EventImageSchema = z
  .object({ id: z.uuid(), url: z.string(), width: z.number().int(), height: z.number().int() })
  .openapi('EventImage');

export const StaffEventSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(eventStatuses),
    title: z.string(),
    body: z.string(),
    bodyHtml: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    format: z.enum(eventFormats),
    meetingUrl: z.string().nullable(),
    meetingUrlVisibleMinutes: z.number().int(),
    venue: z.string(),
    address: z.string(),
    mapUrl: z.string().nullable(),
    registrationOpensAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
    audience: AudienceSpecSchema,
    questions: z.array(Question),
    speakers: z.array(Speaker),
    cover: EventCoverSchema.nullable(),
    seats: z.object({ online: Seats, inPerson: Seats }),
    attended: z.number().int(),
    sequence: z.number().int(),
    publishedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('StaffEvent');
export const StaffEventListSchema = z.object({ events: z.array(StaffEventSchema) }).openapi('StaffEventList');

export const StaffEventQuerySchema = z.object({
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
});

/** The member's own registration as they see it. */
export const OwnRegistrationSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(registrationStatuses),
    mode: z.enum(attendanceModes),
    /** 1 for the first on the waitlist; null unless waitlisted. */
    waitlistPosition: z.number().int().nullable(),
    answers: z.record(z.string(), z.string()),
    checkInCode: z.string().nullable(),
    attended: z.boolean(),
    registeredAt: z.string(),
  })
  .openapi('OwnRegistration');

const SeatsLeft = z.object({ capacity: z.number().int().nullable(), left: z.number().int().nullable() });

/** What a member sees of an event: the meeting link only when confirmed and close to the start. */
export const MemberEventSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['published', 'cancelled']),
    title: z.string(),
    bodyHtml: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    format: z.enum(eventFormats),
    venue: z.string(),
    address: z.string(),
    mapUrl: z.string().nullable(),
    meetingUrl: z.string().nullable(),
    /** When the meeting link will be shown to confirmed registrants. */
    meetingUrlFrom: z.string().nullable(),
    registrationOpensAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
    registrationOpen: z.boolean(),
    seats: z.object({ online: SeatsLeft, inPerson: SeatsLeft }),
    questions: z.array(Question),
    speakers: z.array(Speaker),
    cover: EventCoverSchema.nullable(),
    registration: OwnRegistrationSchema.nullable(),
  })
  .openapi('MemberEvent');
export const MemberEventListSchema = z
  .object({
    events: z.array(MemberEventSchema),
    /** Upcoming and past events: where the next page starts (`after`); none on the last page and for mine. */
    next: z.string().nullable(),
  })
  .openapi('MemberEventList');

export const MemberEventQuerySchema = z.object({
  /** upcoming: not yet ended, soonest first; past: ended, newest first; mine: those I registered for. */
  when: z.enum(['upcoming', 'past', 'mine']).default('upcoming'),
  /** Upcoming and past events: the `next` of the page before. */
  after: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z_[0-9a-f-]{36}$/, 'field_invalid_option')
    .optional(),
});

export const RegisterSchema = z
  .strictObject({
    /** Required for a hybrid event; otherwise the event's own format. */
    mode: z.enum(attendanceModes).optional(),
    answers: z.record(z.string(), z.string().max(1000)).default({}),
  })
  .openapi('RegisterForEvent');
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const ManualRegistrationSchema = z
  .strictObject({
    memberId: z.uuid(),
    mode: z.enum(attendanceModes).optional(),
    answers: z.record(z.string(), z.string().max(1000)).default({}),
  })
  .openapi('ManualRegistration');

/** A registration as staff see it: with the answers and the attendance. */
export const StaffRegistrationSchema = z
  .object({
    id: z.uuid(),
    member: z.object({ id: z.uuid(), displayName: z.string() }),
    status: z.enum(registrationStatuses),
    mode: z.enum(attendanceModes),
    seq: z.number().int(),
    waitlistPosition: z.number().int().nullable(),
    answers: z.record(z.string(), z.string()),
    checkInCode: z.string(),
    attendedAt: z.string().nullable(),
    addedByStaff: z.boolean(),
    promotedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    registeredAt: z.string(),
  })
  .openapi('StaffRegistration');
export const StaffRegistrationListSchema = z
  .object({ registrations: z.array(StaffRegistrationSchema) })
  .openapi('StaffRegistrationList');

export const RegistrationExportQuerySchema = z.object({
  encoding: z.enum(['utf8', 'cp932']).default('utf8'),
});

export const EventMessageSchema = z
  .strictObject({ text: z.string().transform(tidySpaces).pipe(z.string().min(1).max(1000)) })
  .openapi('EventMessage');
export const EventMessageResultSchema = z
  .object({ recipients: z.number().int() })
  .openapi('EventMessageResult');

/** The member's personal calendar feed; the address (with its secret) only in the answer that makes it. */
export const CalendarFeedSchema = z
  .object({
    active: z.boolean(),
    createdAt: z.string().nullable(),
    url: z.string().nullable(),
    webcalUrl: z.string().nullable(),
  })
  .openapi('EventCalendarFeed');

export const FeedFileParamSchema = z.object({
  slug: SlugSchema,
  file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/),
});

export const CheckInSchema = z
  .strictObject({
    /** The short code on the member's screen, typed or read from its QR code; case and spaces do not matter. */
    code: z
      .string()
      .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
      .pipe(z.string().regex(/^[2-9A-HJ-NP-Z]{8}$/, 'event_check_in_unknown')),
  })
  .openapi('EventCheckIn');
export const CheckInResultSchema = z
  .object({
    registration: StaffRegistrationSchema,
    /** False when the person had already been checked in (attendance is recorded once). */
    recorded: z.boolean(),
  })
  .openapi('EventCheckInResult');
