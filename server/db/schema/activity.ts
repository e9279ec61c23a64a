import {
  bit,
  date,
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
import { memberships } from './tenancy.js';
import { id, tenantForeignKey, tenantId } from './tenant-columns.js';

/**
 * What no other table holds: a member opening the community on a day (visit), and a member being mailed
 * their digest (digest_sent). Posts, comments, messages, reactions, article reads, registrations,
 * attendance and named survey answers are read from their own tables, so nothing is booked twice.
 */
export const recordedActivityKinds = ['visit', 'digest_sent'] as const;
export type RecordedActivityKind = (typeof recordedActivityKinds)[number];

/** One row per member, kind and Japan day at most (the unique key), so recording is idempotent. */
export const activityEvents = pgTable(
  'activity_events',
  {
    tenantId: tenantId(),
    id: id(),
    membershipId: uuid('membership_id').notNull(),
    kind: text('kind').$type<RecordedActivityKind>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** The day in Japan the event fell on: the unit of every rollup. */
    day: date('day').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('activity_events_membership_fk', [table.tenantId, table.membershipId], memberships),
    uniqueIndex('activity_events_once_key').on(table.tenantId, table.membershipId, table.day, table.kind),
    index('activity_events_day_idx').on(table.tenantId, table.day),
  ],
);

/**
 * One member's activity on one Japan day, counted by the nightly rollup from the raw tables. Weekly and
 * monthly active members, readers who never post, the engagement score and the going-quiet audience are
 * all read from here (plus today's partial day, counted live).
 */
export const memberActivityDays = pgTable(
  'member_activity_days',
  {
    tenantId: tenantId(),
    day: date('day').notNull(),
    membershipId: uuid('membership_id').notNull(),
    visits: integer('visits').notNull().default(0),
    reads: integer('reads').notNull().default(0),
    posts: integer('posts').notNull().default(0),
    comments: integer('comments').notNull().default(0),
    messages: integer('messages').notNull().default(0),
    reactions: integer('reactions').notNull().default(0),
    eventsRegistered: integer('events_registered').notNull().default(0),
    eventsAttended: integer('events_attended').notNull().default(0),
    surveysAnswered: integer('surveys_answered').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.day, table.membershipId] }),
    tenantForeignKey('member_activity_days_membership_fk', [table.tenantId, table.membershipId], memberships),
    index('member_activity_days_member_idx').on(table.tenantId, table.membershipId, table.day),
  ],
);

/** A network's totals per Japan day and kind: how many times, and by how many members. */
export const activityDaily = pgTable(
  'activity_daily',
  {
    tenantId: tenantId(),
    day: date('day').notNull(),
    kind: text('kind').notNull(),
    count: integer('count').notNull(),
    members: integer('members').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.day, table.kind] })],
);

/**
 * Which days of a calendar year (Japan) a member was active on, and on which they posted or commented:
 * bit i is the year's day i + 1. Kept by the rollup from member_activity_days, so the distinct members of
 * any window (a period, its last 7 or 30 days, the going-quiet windows) cost one row per member and year
 * instead of one per member and day.
 */
export const memberPresence = pgTable(
  'member_presence',
  {
    tenantId: tenantId(),
    year: integer('year').notNull(),
    membershipId: uuid('membership_id').notNull(),
    active: bit('active', { dimensions: 366 }).notNull(),
    spoke: bit('spoke', { dimensions: 366 }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.year, table.membershipId] }),
    tenantForeignKey('member_presence_membership_fk', [table.tenantId, table.membershipId], memberships),
  ],
);

/**
 * Each member's totals over the 89 days ending `through` (the last day rolled up): with today counted
 * live, the 90 days of the engagement score, read as one row per member.
 */
export const memberRecentActivity = pgTable(
  'member_recent_activity',
  {
    tenantId: tenantId(),
    membershipId: uuid('membership_id').notNull(),
    through: date('through').notNull(),
    visits: integer('visits').notNull().default(0),
    reads: integer('reads').notNull().default(0),
    posts: integer('posts').notNull().default(0),
    comments: integer('comments').notNull().default(0),
    messages: integer('messages').notNull().default(0),
    reactions: integer('reactions').notNull().default(0),
    eventsRegistered: integer('events_registered').notNull().default(0),
    eventsAttended: integer('events_attended').notNull().default(0),
    surveysAnswered: integer('surveys_answered').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.membershipId] }),
    tenantForeignKey(
      'member_recent_activity_membership_fk',
      [table.tenantId, table.membershipId],
      memberships,
    ),
  ],
);

/** The days the rollup has counted, so a missed night is caught up and a re-run replaces, never adds. */
export const activityRollups = pgTable(
  'activity_rollups',
  {
    tenantId: tenantId(),
    day: date('day').notNull(),
    rolledAt: timestamp('rolled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.day] })],
);

/** A network's own weights for the engagement score's ingredients; no row: the defaults. */
export const engagementSettings = pgTable('engagement_settings', {
  tenantId: tenantId().primaryKey(),
  weights: jsonb('weights').$type<Record<string, number>>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
