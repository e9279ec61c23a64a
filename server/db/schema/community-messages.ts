import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { moderationColumns } from './community-content.js';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/**
 * A private thread. direct: two members (member_a < member_b). company: one member and the company's
 * staff, who answer it as a shared inbox (member_b is null; staff_read_at tracks the company side).
 */
export const conversations = pgTable(
  'conversations',
  {
    tenantId: tenantId(),
    id: id(),
    kind: text('kind').$type<'direct' | 'company'>().notNull(),
    memberA: uuid('member_a').notNull(),
    memberB: uuid('member_b'),
    aReadAt: timestamp('a_read_at', { withTimezone: true, precision: 3 }),
    bReadAt: timestamp('b_read_at', { withTimezone: true, precision: 3 }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('conversations_member_a_fk', [table.tenantId, table.memberA], memberships),
    tenantForeignKey('conversations_member_b_fk', [table.tenantId, table.memberB], memberships),
    uniqueIndex('conversations_direct_key')
      .on(table.tenantId, table.memberA, table.memberB)
      .where(sql`kind = 'direct'`),
    uniqueIndex('conversations_company_key').on(table.tenantId, table.memberA).where(sql`kind = 'company'`),
    index('conversations_member_b_idx').on(table.tenantId, table.memberB),
    index('conversations_company_idx').on(table.tenantId, table.kind, table.lastMessageAt),
  ],
);

export const messages = pgTable(
  'messages',
  {
    tenantId: tenantId(),
    id: id(),
    conversationId: uuid('conversation_id').notNull(),
    senderId: uuid('sender_id').notNull(),
    body: text('body').notNull(),
    ...moderationColumns(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('messages_conversation_fk', [table.tenantId, table.conversationId], conversations),
    tenantForeignKey('messages_sender_fk', [table.tenantId, table.senderId], memberships),
    index('messages_conversation_idx').on(table.tenantId, table.conversationId, table.createdAt),
    // The activity rollup counts a day's messages by this index.
    index('messages_recent_idx').on(table.tenantId, table.createdAt),
  ],
);

export const notificationKinds = [
  'comment',
  'message',
  'company_reply',
  'group_request',
  'group_approved',
  'group_invited',
  'post_hidden',
  'mention',
  /** The company published an article meant for the recipient (news module). */
  'news_published',
  /** Staff announced an opportunity (a job, comeback role or collaboration call) meant for the recipient. */
  'opportunity_announced',
  /** Events (events module): a seat from the waitlist, a change of time or place, a cancellation, a reminder, staff's message. */
  'event_promoted',
  'event_changed',
  'event_cancelled',
  'event_reminder',
  'event_message',
  /** Staff answered or moved on a proposal the recipient sent by name. */
  'proposal_answered',
  /** A survey the recipient is asked to answer (a lifecycle pulse or staff's send). */
  'survey_invited',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * The in-app bell. Written in the same transaction as what it reports; `data` holds only what the
 * recipient may already see (a group's name, a moderator's reason, the start of a comment).
 */
export const notifications = pgTable(
  'notifications',
  {
    tenantId: tenantId(),
    id: id(),
    recipientId: uuid('recipient_id').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    actorId: uuid('actor_id'),
    targetType: text('target_type')
      .$type<
        'post' | 'conversation' | 'group' | 'article' | 'opportunity' | 'event' | 'proposal' | 'survey'
      >()
      .notNull(),
    targetId: uuid('target_id').notNull(),
    data: jsonb('data').$type<Record<string, string>>().notNull().default({}),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('notifications_recipient_fk', [table.tenantId, table.recipientId], memberships),
    index('notifications_recipient_idx').on(
      table.tenantId,
      table.recipientId,
      table.createdAt.desc().nullsFirst(),
    ),
  ],
);

/**
 * A browser or phone that asked for Web Push (the PWA's PushSubscription). The endpoint is the push
 * service's address for that device; p256dh and auth are the keys its messages are encrypted to.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    tenantId: tenantId(),
    id: id(),
    membershipId: uuid('membership_id').notNull(),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('push_subscriptions_membership_fk', [table.tenantId, table.membershipId], memberships),
    uniqueIndex('push_subscriptions_endpoint_key').on(table.tenantId, table.endpoint),
    index('push_subscriptions_membership_idx').on(table.tenantId, table.membershipId),
  ],
);
