import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { bytea } from './platform.js';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/** job: a position; comeback: a role opened to returners; collaboration: 業務委託, 副業, joint work, speaking. */
export const opportunityKinds = ['job', 'comeback', 'collaboration'] as const;
export type OpportunityKind = (typeof opportunityKinds)[number];
/** draft: staff only; open: members may answer; closed and filled: shown no more, answers refused. */
export const opportunityStatuses = ['draft', 'open', 'closed', 'filled'] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];
export const employmentTypes = ['full_time', 'contract'] as const;
export type EmploymentType = (typeof employmentTypes)[number];
export const workStyles = ['remote', 'hybrid', 'on_site'] as const;
export type WorkStyle = (typeof workStyles)[number];
export const collaborationTypes = ['outsourcing', 'side_job', 'joint_project', 'speaker'] as const;
export type CollaborationType = (typeof collaborationTypes)[number];

/** A staff member's opening for the network: a job, a comeback role or a call for collaboration. */
export const opportunities = pgTable(
  'opportunities',
  {
    tenantId: tenantId(),
    id: id(),
    kind: text('kind').$type<OpportunityKind>().notNull(),
    status: text('status').$type<OpportunityStatus>().notNull().default('draft'),
    title: text('title').notNull(),
    /** What staff wrote (the posts' Markdown subset) and its sanitised HTML, rendered once on write. */
    body: text('body').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    /** The last day answers are taken (Asia/Tokyo); none: open until staff close it. */
    closesOn: date('closes_on'),
    employmentType: text('employment_type').$type<EmploymentType>(),
    team: text('team').notNull().default(''),
    location: text('location').notNull().default(''),
    workStyle: text('work_style').$type<WorkStyle>(),
    payRange: text('pay_range').notNull().default(''),
    /** For comeback roles: what is different for returners (seniority kept, onboarding…). */
    returnerTerms: text('returner_terms').notNull().default(''),
    collaborationType: text('collaboration_type').$type<CollaborationType>(),
    duration: text('duration').notNull().default(''),
    budget: text('budget').notNull().default(''),
    /** Who it is meant for (the programmes' audience spec); none: every member of the network. */
    audience: jsonb('audience').$type<Record<string, unknown>>(),
    createdBy: uuid('created_by').notNull(),
    /** When it was first opened: members see it as new from then. */
    openedAt: timestamp('opened_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('opportunities_created_by_fk', [table.tenantId, table.createdBy], memberships),
    index('opportunities_open_idx')
      .on(table.tenantId, table.openedAt.desc().nullsFirst(), table.id)
      .where(sql`status = 'open'`),
  ],
);

/** The pipeline's stages, in order; hired, declined (by the company) and withdrawn end it. */
export const candidateStages = [
  'interested',
  'scheduling',
  'selection',
  'offer',
  'hired',
  'not_selected',
  'declined',
] as const;
export type CandidateStage = (typeof candidateStages)[number];

/**
 * A member's 「興味あり」 for an opportunity: one per member and opportunity (a second tap changes
 * nothing), and HR's candidate card for it. Notes, owner and stage are staff-only; the member sees
 * only the status staff chose to share.
 */
export const opportunityInterests = pgTable(
  'opportunity_interests',
  {
    tenantId: tenantId(),
    id: id(),
    opportunityId: uuid('opportunity_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    message: text('message').notNull().default(''),
    link: text('link'),
    /** Withdrawn by the member: kept for HR's history, no longer a live candidate. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, precision: 3 }),
    stage: text('stage').$type<CandidateStage>().notNull().default('interested'),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
    hrNotes: text('hr_notes').notNull().default(''),
    ownerId: uuid('owner_id'),
    /** A note for the member, written by staff (e.g. 「面談日程をメールでご連絡しました」). */
    sharedStatus: text('shared_status').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('opportunity_interests_member_key').on(
      table.tenantId,
      table.opportunityId,
      table.membershipId,
    ),
    tenantForeignKey(
      'opportunity_interests_opportunity_fk',
      [table.tenantId, table.opportunityId],
      opportunities,
    ).onDelete('cascade'),
    tenantForeignKey(
      'opportunity_interests_membership_fk',
      [table.tenantId, table.membershipId],
      memberships,
    ),
    tenantForeignKey('opportunity_interests_owner_fk', [table.tenantId, table.ownerId], memberships),
    index('opportunity_interests_member_idx').on(table.tenantId, table.membershipId),
  ],
);

/**
 * A PDF (CV, portfolio) a member attached to their 「興味あり」: one per answer, kept in the database
 * like pictures in posts and read only by its member and HR. Withdrawing the answer deletes it.
 */
export const opportunityInterestFiles = pgTable(
  'opportunity_interest_files',
  {
    tenantId: tenantId(),
    interestId: uuid('interest_id').notNull(),
    /** The name the member's device gave it, shown to HR and used for the download. */
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.interestId] }),
    tenantForeignKey(
      'opportunity_interest_files_interest_fk',
      [table.tenantId, table.interestId],
      opportunityInterests,
    ).onDelete('cascade'),
  ],
);

/**
 * A member's referral of someone for an opportunity: another member, or an outside person by name and
 * address. The referred address gets one mail per opportunity, whoever refers it (the unique key).
 * `mailed` is false when nothing was sent (an address on the exclusion list, a member who blocked the
 * referrer); the referrer is answered the same either way.
 */
export const opportunityReferrals = pgTable(
  'opportunity_referrals',
  {
    tenantId: tenantId(),
    id: id(),
    opportunityId: uuid('opportunity_id').notNull(),
    referrerId: uuid('referrer_id').notNull(),
    /** The member referred, picked by the referrer or found by the address (never told to the referrer). */
    referredMemberId: uuid('referred_member_id'),
    name: text('name').notNull().default(''),
    /** Lower-cased: one mail per address and opportunity. */
    email: text('email').notNull(),
    note: text('note').notNull().default(''),
    mailed: boolean('mailed').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('opportunity_referrals_email_key').on(table.tenantId, table.opportunityId, table.email),
    tenantForeignKey(
      'opportunity_referrals_opportunity_fk',
      [table.tenantId, table.opportunityId],
      opportunities,
    ).onDelete('cascade'),
    tenantForeignKey('opportunity_referrals_referrer_fk', [table.tenantId, table.referrerId], memberships),
    tenantForeignKey(
      'opportunity_referrals_referred_fk',
      [table.tenantId, table.referredMemberId],
      memberships,
    ),
  ],
);
