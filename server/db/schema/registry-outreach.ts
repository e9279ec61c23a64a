import { index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { alumniRecords } from './registry.js';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

export const invitationStatuses = ['sent', 'opened', 'joined', 'declined', 'revoked'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/** An e-mailed invitation to one record; the link signs the person up and links them to it. */
export const invitations = pgTable(
  'invitations',
  {
    tenantId: tenantId(),
    id: id(),
    recordId: uuid('record_id').notNull(),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    locale: text('locale').$type<'ja' | 'en'>().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<InvitationStatus>().notNull().default('sent'),
    source: text('source').$type<'staff' | 'referral' | 'join_request'>().notNull().default('staff'),
    invitedBy: uuid('invited_by'),
    reminderAt: timestamp('reminder_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    unique('invitations_token_key').on(table.tokenHash),
    tenantForeignKey('invitations_record_fk', [table.tenantId, table.recordId], alumniRecords).onDelete(
      'cascade',
    ),
    tenantForeignKey('invitations_invited_by_fk', [table.tenantId, table.invitedBy], memberships),
    index('invitations_record_idx').on(table.tenantId, table.recordId),
  ],
);

/** Saved wording for invitations, with merge fields such as {氏名} and {会社名}. */
export const invitationTemplates = pgTable(
  'invitation_templates',
  {
    tenantId: tenantId(),
    id: id(),
    name: text('name').notNull(),
    locale: text('locale').$type<'ja' | 'en'>().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    unique('invitation_templates_name_key').on(table.tenantId, table.name),
  ],
);

export const reviewStatuses = ['pending', 'approved', 'dismissed', 'refused'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** A former colleague suggested by a member, waiting for HR when no record matched. */
export const referrals = pgTable(
  'referrals',
  {
    tenantId: tenantId(),
    id: id(),
    referrerMembershipId: uuid('referrer_membership_id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    note: text('note').notNull().default(''),
    recordId: uuid('record_id'),
    status: text('status').$type<ReviewStatus>().notNull().default('pending'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('referrals_referrer_fk', [table.tenantId, table.referrerMembershipId], memberships),
    // Migration 0012 narrows this to SET NULL (record_id): tenant_id must stay (drizzle cannot say so).
    tenantForeignKey('referrals_record_fk', [table.tenantId, table.recordId], alumniRecords).onDelete(
      'set null',
    ),
  ],
);

/** Someone asking to join without an invitation; matched against the records. */
export const joinRequests = pgTable(
  'join_requests',
  {
    tenantId: tenantId(),
    id: id(),
    email: text('email').notNull(),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    familyNameKana: text('family_name_kana').notNull(),
    givenNameKana: text('given_name_kana').notNull(),
    joinedYear: integer('joined_year'),
    leftYear: integer('left_year'),
    department: text('department').notNull().default(''),
    message: text('message').notNull().default(''),
    matchedRecordId: uuid('matched_record_id'),
    matchKind: text('match_kind').$type<'email' | 'name_reading_year' | null>(),
    status: text('status').$type<ReviewStatus>().notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    // Migration 0012 narrows this to SET NULL (matched_record_id): tenant_id must stay.
    tenantForeignKey(
      'join_requests_record_fk',
      [table.tenantId, table.matchedRecordId],
      alumniRecords,
    ).onDelete('set null'),
    tenantForeignKey('join_requests_decided_by_fk', [table.tenantId, table.decidedBy], memberships),
    index('join_requests_status_idx').on(table.tenantId, table.status, table.createdAt),
  ],
);
