import { index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
