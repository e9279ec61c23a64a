import {
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
import type { ConsentPurpose } from './community.js';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/** The channels a programme delivers by: the in-app bell, e-mail and Web Push. */
export const deliveryChannels = ['inApp', 'email', 'push'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/**
 * What a programme (an opportunity, an article, an event, a survey, a newsletter) sent to whom: one row per
 * recipient and channel, unique per programme, so delivering twice (a double click, a retried job) never
 * sends twice. Each row keeps the proof of consent it relied on (特定電子メール法 / APPI): the member's
 * consent ledger entry, or the not-joined record's consent as HR held it at the time.
 */
export const programmeDeliveries = pgTable(
  'programme_deliveries',
  {
    tenantId: tenantId(),
    id: id(),
    programmeKind: text('programme_kind').notNull(),
    programmeId: uuid('programme_id').notNull(),
    /** The membership or the registry record reached (uuids of both never collide). */
    recipientId: uuid('recipient_id').notNull(),
    recipientKind: text('recipient_kind').$type<'member' | 'record'>().notNull(),
    membershipId: uuid('membership_id'),
    /** A record that has not joined; kept as an id only, so erasing the record leaves the proof's shape. */
    recordId: uuid('record_id'),
    channel: text('channel').$type<DeliveryChannel>().notNull(),
    purpose: text('purpose').$type<ConsentPurpose>().notNull(),
    consentEventId: uuid('consent_event_id'),
    recordConsent: jsonb('record_consent').$type<Record<string, unknown>>(),
    /** The mail in the outbox (its state says queued, sent, bounced or failed). */
    outboxMailId: uuid('outbox_mail_id'),
    notificationId: uuid('notification_id'),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('programme_deliveries_once_key').on(
      table.tenantId,
      table.programmeKind,
      table.programmeId,
      table.recipientId,
      table.channel,
    ),
    tenantForeignKey('programme_deliveries_membership_fk', [table.tenantId, table.membershipId], memberships),
    index('programme_deliveries_recipient_idx').on(table.tenantId, table.recipientId, table.purpose),
  ],
);

/**
 * The capability in a one-click unsubscribe link: one random token per person and purpose, reused by every
 * mail for that purpose. It stops that purpose for that person only, without signing in.
 */
export const programmeUnsubscribeKeys = pgTable(
  'programme_unsubscribe_keys',
  {
    tenantId: tenantId(),
    token: text('token').notNull(),
    recipientId: uuid('recipient_id').notNull(),
    recipientKind: text('recipient_kind').$type<'member' | 'record'>().notNull(),
    purpose: text('purpose').$type<ConsentPurpose>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.token] }),
    uniqueIndex('programme_unsubscribe_keys_person_key').on(table.tenantId, table.recipientId, table.purpose),
  ],
);

/**
 * Open and click counts for one e-mail delivery of a programme that tracks them (a newsletter sent while
 * its network had tracking on). The mail's picture and links carry a random token whose hash is kept
 * here; the first open and click are timed, and every later one only counted.
 */
export const programmeMailTracking = pgTable(
  'programme_mail_tracking',
  {
    tenantId: tenantId(),
    deliveryId: uuid('delivery_id').notNull(),
    programmeKind: text('programme_kind').notNull(),
    programmeId: uuid('programme_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    firstOpenedAt: timestamp('first_opened_at', { withTimezone: true, precision: 3 }),
    opens: integer('opens').notNull().default(0),
    firstClickedAt: timestamp('first_clicked_at', { withTimezone: true, precision: 3 }),
    clicks: integer('clicks').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.deliveryId] }),
    tenantForeignKey(
      'programme_mail_tracking_delivery_fk',
      [table.tenantId, table.deliveryId],
      programmeDeliveries,
    ).onDelete('cascade'),
    uniqueIndex('programme_mail_tracking_token_key').on(table.tenantId, table.tokenHash),
    index('programme_mail_tracking_programme_idx').on(table.tenantId, table.programmeKind, table.programmeId),
  ],
);

/**
 * The links a tracked programme mail carried, by position: a click names its position, and only these
 * addresses are ever redirected to, so the tracking address cannot send anyone elsewhere.
 */
export const programmeMailLinks = pgTable(
  'programme_mail_links',
  {
    tenantId: tenantId(),
    programmeKind: text('programme_kind').notNull(),
    programmeId: uuid('programme_id').notNull(),
    position: integer('position').notNull(),
    url: text('url').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.programmeKind, table.programmeId, table.position] }),
  ],
);
