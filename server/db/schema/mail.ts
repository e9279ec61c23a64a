import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const mailLanes = ['immediate', 'bulk'] as const;
/**
 * immediate: mail a person is waiting for (sign-in links, sign-up, staff invitations, join requests);
 * bulk: everything else (invitations, notifications, digests, campaigns). Each lane has its own worker,
 * so a sign-in link never waits behind a newsletter.
 */
export type MailLane = (typeof mailLanes)[number];
export const outboxStates = ['pending', 'sent', 'bounced', 'failed', 'suppressed'] as const;
/** A small text file sent with a mail, e.g. an .ics calendar entry. */
export type MailAttachment = { filename: string; contentType: string; content: string };
export type OutboxState = (typeof outboxStates)[number];

/**
 * Every mail Enishi sends, written in the transaction of the change it is about and sent by batch jobs.
 * Global like magic_links: the sender works across networks, and sign-in mail belongs to none. What a
 * mail was for is kept on the network's side (programme deliveries point here), under row-level security.
 *
 * Exactly once: a mail is marked sent (sent_at, under the claim that took it) after the SMTP server has
 * the whole message but before the end-of-data mark is written; a mail without that mark was never
 * completed, so it may be sent again (README, "Programmes building blocks").
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey(),
    lane: text('lane').$type<MailLane>().notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    /** Files sent with the mail (a calendar entry): small text parts, written out as MIME attachments. */
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    state: text('state').$type<OutboxState>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** The run that holds the mail, and until when; a mail is sent only under the claim it was marked by. */
    claimToken: uuid('claim_token'),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('mail_outbox_due_idx').on(table.lane, table.nextAttemptAt).where(sql`state = 'pending'`)],
);

/**
 * Addresses no mail goes to any more: the mail server refused them permanently (5xx). Global, as a
 * dead mailbox is dead for every network; lower-cased.
 */
export const mailSuppressions = pgTable('mail_suppressions', {
  email: text('email').primaryKey(),
  reason: text('reason').$type<'bounced'>().notNull(),
  detail: text('detail').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
