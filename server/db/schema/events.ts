import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './platform.js';
import { surveys } from './surveys.js';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/** draft: staff only; published: members in the audience see it and may register; cancelled: kept, shown as cancelled. */
export const eventStatuses = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
/** Online (a meeting link), in person (a venue), or both, each with its own capacity. */
export const eventFormats = ['online', 'in_person', 'hybrid'] as const;
export type EventFormat = (typeof eventFormats)[number];
/** How one registrant takes part: the event's format, or their choice for a hybrid one. */
export const attendanceModes = ['online', 'in_person'] as const;
export type AttendanceMode = (typeof attendanceModes)[number];
export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** A registration question: short text or one choice; answers are HR-only unless `shared`. */
export type EventQuestion = {
  id: string;
  kind: 'text' | 'choice';
  label: string;
  choices: string[];
  required: boolean;
  /** Other registrants may see this answer beside the person (e.g. 「話したいテーマ」). */
  shared: boolean;
};
/** A speaker shown on the event page: a member of the network or a guest. */
export type EventSpeaker = { membershipId: string | null; name: string; title: string };

/**
 * An event (イベント) staff run for the network. Capacity is enforced by the database: the confirmed
 * counters below may never pass the capacities (CHECK), and registrations lock the event row while
 * they count, so concurrent registrations cannot overbook and the waitlist keeps arrival order
 * (next_seq hands out that order under the same lock).
 */
export const events = pgTable(
  'events',
  {
    tenantId: tenantId(),
    id: id(),
    status: text('status').$type<EventStatus>().notNull().default('draft'),
    title: text('title').notNull(),
    /** What staff wrote (the posts' Markdown subset) and its sanitised HTML. */
    body: text('body').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, precision: 3 }).notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Tokyo'),
    format: text('format').$type<EventFormat>().notNull(),
    meetingUrl: text('meeting_url'),
    /** Minutes before the start from which confirmed registrants see the meeting link. */
    meetingUrlVisibleMinutes: integer('meeting_url_visible_minutes').notNull().default(60),
    venue: text('venue').notNull().default(''),
    address: text('address').notNull().default(''),
    mapUrl: text('map_url'),
    /** Seats per format; none: no limit. */
    capacityOnline: integer('capacity_online'),
    capacityInPerson: integer('capacity_in_person'),
    confirmedOnline: integer('confirmed_online').notNull().default(0),
    confirmedInPerson: integer('confirmed_in_person').notNull().default(0),
    /** The next registration's arrival number (waitlist order). */
    nextSeq: integer('next_seq').notNull().default(1),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true, precision: 3 }),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true, precision: 3 }),
    /** Who it is meant for (the programmes' audience spec). */
    audience: jsonb('audience').$type<Record<string, unknown>>(),
    questions: jsonb('questions').$type<EventQuestion[]>().notNull().default([]),
    speakers: jsonb('speakers').$type<EventSpeaker[]>().notNull().default([]),
    /** The cover picture (event_images) and what it shows, for those who cannot see it. */
    coverImageId: uuid('cover_image_id'),
    coverAlt: text('cover_alt').notNull().default(''),
    /** Goes up with every change a calendar should see (time, place, cancellation): the .ics SEQUENCE. */
    sequence: integer('sequence').notNull().default(0),
    /** The post-event survey (the shared surveys model), sent to the attendees once the event ends. */
    surveyId: uuid('survey_id'),
    /** When the post-event survey went to the attendees: it goes once, however often the job runs. */
    surveySentAt: timestamp('survey_sent_at', { withTimezone: true, precision: 3 }),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, precision: 3 }),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('events_created_by_fk', [table.tenantId, table.createdBy], memberships),
    tenantForeignKey('events_survey_fk', [table.tenantId, table.surveyId], surveys),
    check('events_ends_after_start', sql`${table.endsAt} > ${table.startsAt}`),
    check(
      'events_online_capacity',
      sql`${table.capacityOnline} is null or ${table.confirmedOnline} <= ${table.capacityOnline}`,
    ),
    check(
      'events_in_person_capacity',
      sql`${table.capacityInPerson} is null or ${table.confirmedInPerson} <= ${table.capacityInPerson}`,
    ),
    check(
      'events_confirmed_not_negative',
      sql`${table.confirmedOnline} >= 0 and ${table.confirmedInPerson} >= 0`,
    ),
    index('events_published_starts_idx')
      .on(table.tenantId, table.startsAt, table.id)
      .where(sql`status = 'published'`),
    // In the past list's order (latest end first, then id descending), so a page reads only its rows.
    index('events_published_ends_idx')
      .on(table.tenantId, table.endsAt.desc().nullsFirst(), table.id.desc().nullsFirst())
      .where(sql`status <> 'draft'`),
    index('events_starts_idx').on(table.tenantId, table.startsAt.desc()),
  ],
);

/**
 * A member's registration. One live registration (confirmed or waitlisted) per member and event, by the
 * partial unique index; `seq` is the arrival order the waitlist keeps. A cancelled one is kept.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    tenantId: tenantId(),
    id: id(),
    eventId: uuid('event_id').notNull(),
    memberId: uuid('member_id').notNull(),
    mode: text('mode').$type<AttendanceMode>().notNull(),
    status: text('status').$type<RegistrationStatus>().notNull(),
    seq: integer('seq').notNull(),
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    /** The short code staff type (or scan as a QR code) at the door. */
    checkInCode: text('check_in_code').notNull(),
    attendedAt: timestamp('attended_at', { withTimezone: true, precision: 3 }),
    checkedInBy: uuid('checked_in_by'),
    /** Staff who added the person by hand; none: they registered themselves. */
    addedBy: uuid('added_by'),
    /** When each reminder went out (day before, hour before): a retried job sends nothing more. */
    remindedDayAt: timestamp('reminded_day_at', { withTimezone: true, precision: 3 }),
    remindedHourAt: timestamp('reminded_hour_at', { withTimezone: true, precision: 3 }),
    promotedAt: timestamp('promoted_at', { withTimezone: true, precision: 3 }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, precision: 3 }),
    cancelledBy: uuid('cancelled_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('event_registrations_event_fk', [table.tenantId, table.eventId], events),
    tenantForeignKey('event_registrations_member_fk', [table.tenantId, table.memberId], memberships),
    uniqueIndex('event_registrations_live_key')
      .on(table.tenantId, table.eventId, table.memberId)
      .where(sql`status <> 'cancelled'`),
    uniqueIndex('event_registrations_code_key').on(table.tenantId, table.eventId, table.checkInCode),
    index('event_registrations_event_idx').on(table.tenantId, table.eventId, table.status, table.seq),
    // A member's registrations, and their registration for one event: the lists join it per event.
    index('event_registrations_member_idx').on(table.tenantId, table.memberId, table.eventId),
    // The activity rollup counts a day's registrations and check-ins by these.
    index('event_registrations_recent_idx').on(table.tenantId, table.createdAt),
    index('event_registrations_attended_idx')
      .on(table.tenantId, table.attendedAt)
      .where(sql`attended_at is not null`),
  ],
);

/**
 * A member's personal calendar feed (webcal) of the events they registered for. Only the SHA-256 of
 * the secret token is kept; revoking sets revoked_at and a new token may be made.
 */
export const eventCalendarFeeds = pgTable(
  'event_calendar_feeds',
  {
    tenantId: tenantId(),
    id: id(),
    membershipId: uuid('membership_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('event_calendar_feeds_member_fk', [table.tenantId, table.membershipId], memberships),
    uniqueIndex('event_calendar_feeds_token_key').on(table.tenantId, table.tokenHash),
    uniqueIndex('event_calendar_feeds_live_key')
      .on(table.tenantId, table.membershipId)
      .where(sql`revoked_at is null`),
  ],
);

/**
 * A picture uploaded for an event (its cover). Free until an event takes it; from then on it follows
 * that event's visibility (the shared pictures code in modules/images).
 */
export const eventImages = pgTable(
  'event_images',
  {
    tenantId: tenantId(),
    id: id(),
    uploaderId: uuid('uploader_id').notNull(),
    eventId: uuid('event_id'),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('event_images_uploader_fk', [table.tenantId, table.uploaderId], memberships),
    tenantForeignKey('event_images_event_fk', [table.tenantId, table.eventId], events).onDelete('cascade'),
    index('event_images_event_idx').on(table.tenantId, table.eventId),
  ],
);

/**
 * Material staff share from an event (slides, a recording, a write-up): a title, an https link and a
 * short note. Members in the audience see it once the event has ended; attendees_only keeps it to
 * those checked in.
 */
export const eventMaterials = pgTable(
  'event_materials',
  {
    tenantId: tenantId(),
    id: id(),
    eventId: uuid('event_id').notNull(),
    title: text('title').notNull(),
    url: text('url').notNull(),
    note: text('note').notNull().default(''),
    attendeesOnly: boolean('attendees_only').notNull().default(false),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('event_materials_event_fk', [table.tenantId, table.eventId], events).onDelete('cascade'),
    tenantForeignKey('event_materials_created_by_fk', [table.tenantId, table.createdBy], memberships),
    check('event_materials_https', sql`${table.url} like 'https://%'`),
    index('event_materials_event_idx').on(table.tenantId, table.eventId, table.createdAt),
  ],
);
