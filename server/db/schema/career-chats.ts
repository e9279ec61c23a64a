import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/** What a career chat is about: the company now, one team, or coming back. */
export const chatTopics = ['company', 'team', 'comeback'] as const;
export type ChatTopic = (typeof chatTopics)[number];
/** Where it happens: a video-call link, or a place. */
export const chatPlaceKinds = ['online', 'place'] as const;
export type ChatPlaceKind = (typeof chatPlaceKinds)[number];

/**
 * A time a staff member or a volunteering employee offers for a casual career chat (カジュアル面談).
 * One host's live slots never overlap: publishing takes a per-host lock and checks in the same
 * transaction (see publishSlot). A cancelled slot is kept (its booking's history points at it).
 */
export const careerChatSlots = pgTable(
  'career_chat_slots',
  {
    tenantId: tenantId(),
    id: id(),
    hostId: uuid('host_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, precision: 3 }).notNull(),
    minutes: integer('minutes').notNull(),
    placeKind: text('place_kind').$type<ChatPlaceKind>().notNull(),
    /** The meeting link (online) or the place's name and address. */
    place: text('place').notNull(),
    topic: text('topic').$type<ChatTopic>().notNull(),
    note: text('note').notNull().default(''),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, precision: 3 }),
    /** Goes up with every change the calendar should see (a cancellation), as the .ics SEQUENCE. */
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('career_chat_slots_host_fk', [table.tenantId, table.hostId], memberships),
    index('career_chat_slots_open_idx').on(table.tenantId, table.startsAt).where(sql`cancelled_at is null`),
    index('career_chat_slots_host_idx').on(table.tenantId, table.hostId, table.startsAt),
  ],
);

/**
 * A member's booking of a slot. At most one live booking per slot, by the database: the partial unique
 * index below, so of any number of people booking at once exactly one gets it. A cancelled booking is
 * kept (who cancelled, when) and frees the slot again.
 */
export const careerChatBookings = pgTable(
  'career_chat_bookings',
  {
    tenantId: tenantId(),
    id: id(),
    slotId: uuid('slot_id').notNull(),
    memberId: uuid('member_id').notNull(),
    /** Optional words for the host (「復職について伺いたいです」). */
    message: text('message').notNull().default(''),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, precision: 3 }),
    cancelledBy: uuid('cancelled_by'),
    /** When the day-before reminder went out: a retried reminder job sends nothing more. */
    remindedAt: timestamp('reminded_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('career_chat_bookings_slot_fk', [table.tenantId, table.slotId], careerChatSlots),
    tenantForeignKey('career_chat_bookings_member_fk', [table.tenantId, table.memberId], memberships),
    tenantForeignKey(
      'career_chat_bookings_cancelled_by_fk',
      [table.tenantId, table.cancelledBy],
      memberships,
    ),
    uniqueIndex('career_chat_bookings_live_key')
      .on(table.tenantId, table.slotId)
      .where(sql`cancelled_at is null`),
    index('career_chat_bookings_member_idx').on(table.tenantId, table.memberId),
  ],
);
