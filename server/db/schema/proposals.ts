import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './platform.js';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/** 受付 → 検討中 → 採用 / 見送り */
export const proposalStatuses = ['received', 'reviewing', 'adopted', 'declined'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
export const proposalCategories = ['community', 'workplace', 'business', 'other'] as const;
export type ProposalCategory = (typeof proposalCategories)[number];

/**
 * A proposal or opinion a member sends to the company (提言・ご意見). Sent by name, author_id names the
 * member; sent anonymously, author_id is null and only author_key, HMAC-SHA256(the network's proposal
 * key, membership id), lets the sender find it among their own: no route shows staff who sent it.
 */
export const proposals = pgTable(
  'proposals',
  {
    tenantId: tenantId(),
    id: id(),
    authorId: uuid('author_id'),
    authorKey: bytea('author_key'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: text('category').$type<ProposalCategory>(),
    status: text('status').$type<ProposalStatus>().notNull().default('received'),
    /** Shown to every member, who may then support it. */
    isPublic: boolean('is_public').notNull().default(false),
    /** The company's answer, shown to the sender (and to everyone once the proposal is public). */
    publicReply: text('public_reply').notNull().default(''),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    /** Staff only; never leaves the console. */
    internalNotes: text('internal_notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('proposals_author_fk', [table.tenantId, table.authorId], memberships),
    check('proposals_one_author', sql`(author_id is null) <> (author_key is null)`),
    index('proposals_created_idx').on(table.tenantId, table.createdAt),
    index('proposals_author_idx').on(table.tenantId, table.authorId),
    index('proposals_author_key_idx').on(table.tenantId, table.authorKey),
  ],
);

/** A member's support (賛同) of a public proposal: one per member and proposal. */
export const proposalSupports = pgTable(
  'proposal_supports',
  {
    tenantId: tenantId(),
    proposalId: uuid('proposal_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.proposalId, table.membershipId] }),
    tenantForeignKey('proposal_supports_proposal_fk', [table.tenantId, table.proposalId], proposals).onDelete(
      'cascade',
    ),
    tenantForeignKey('proposal_supports_membership_fk', [table.tenantId, table.membershipId], memberships),
  ],
);

/** The network's key for anonymous senders' author_key; made on the first anonymous proposal, never shown. */
export const proposalKeys = pgTable('proposal_keys', {
  tenantId: tenantId().primaryKey(),
  key: bytea('key').notNull(),
});
