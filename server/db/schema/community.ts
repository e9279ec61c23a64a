import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { NotificationKind } from './community-messages.js';
import { bytea } from './platform.js';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/** Who may see a profile field: every member of the network, the company's staff, or only its owner. */
export const visibilityLevels = ['members', 'staff', 'private'] as const;
export type Visibility = (typeof visibilityLevels)[number];

/** Profile fields whose visibility a member chooses; the display name is always shown to members. */
export const profileFields = [
  'reading',
  'photo',
  'company',
  'career',
  'hashtags',
  'intents',
  'bio',
  'links',
  'tenure',
] as const;
export type ProfileField = (typeof profileFields)[number];
export type ProfileVisibility = Partial<Record<ProfileField, Visibility>>;

/** What a member is open to; shown as badges and filterable in the directory. */
export const intents = ['casual_chat', 'job_info', 'collaboration', 'mentoring', 'speaking'] as const;
export type Intent = (typeof intents)[number];

/** Consent purposes asked when joining (APPI: one choice per purpose, each withdrawable). */
export const consentPurposes = ['company_news', 'directory_listing', 'company_contact'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** Where a notification can reach a member. */
export const notificationChannels = ['inApp', 'email', 'push'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
export type NotificationPreferences = Partial<
  Record<NotificationKind, Partial<Record<NotificationChannel, boolean>>>
>;
export const digestFrequencies = ['daily', 'weekly', 'monthly', 'off'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];

export type CareerEntry = { company: string; title?: string | undefined; from?: string; to?: string };
export type ProfileLink = { label: string; url: string };

/** A member's profile in one network: one row per membership, created when they join. */
export const memberProfiles = pgTable(
  'member_profiles',
  {
    tenantId: tenantId(),
    membershipId: uuid('membership_id').notNull(),
    displayNameKana: text('display_name_kana').notNull().default(''),
    currentCompany: text('current_company').notNull().default(''),
    currentTitle: text('current_title').notNull().default(''),
    career: jsonb('career').$type<CareerEntry[]>().notNull().default([]),
    intents: text('intents').array().$type<Intent[]>().notNull().default(sql`'{}'::text[]`),
    bio: text('bio').notNull().default(''),
    links: jsonb('links').$type<ProfileLink[]>().notNull().default([]),
    photoId: uuid('photo_id'),
    visibility: jsonb('visibility').$type<ProfileVisibility>().notNull().default({}),
    // Current consent per purpose, kept beside the ledger (consent_events) so queries can filter on it.
    companyNews: boolean('company_news').notNull().default(false),
    listedInDirectory: boolean('listed_in_directory').notNull().default(false),
    companyContact: boolean('company_contact').notNull().default(false),
    /**
     * Whether the directory finds this member by the former names (旧姓) on their registry record; off
     * unless they choose it. HR's registry search finds former names either way.
     */
    findableByFormerNames: boolean('findable_by_former_names').notNull().default(false),
    /** Whether other members may start a private conversation with this member. */
    acceptsMessages: boolean('accepts_messages').notNull().default(true),
    /** Whether notifications also go out by e-mail; every such mail carries a link that turns this off. */
    emailNotifications: boolean('email_notifications').notNull().default(true),
    /** Per kind of notification, which channels (in the app, e-mail, push) the member chose; defaults apply to the rest. */
    notificationPreferences: jsonb('notification_preferences')
      .$type<NotificationPreferences>()
      .notNull()
      .default({}),
    /** How often the digest of what the member follows is mailed, and when it last was. */
    digestFrequency: text('digest_frequency').$type<DigestFrequency>().notNull().default('weekly'),
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
    /** The capability in that unsubscribe link: it works without signing in, for this member only. */
    unsubscribeKey: uuid('unsubscribe_key').notNull().defaultRandom(),
    consentPolicyVersion: text('consent_policy_version'),
    /** Normalised sort key for 五十音順 and text the directory search confirms terms against. */
    readingKey: text('reading_key').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    onboardedAt: timestamp('onboarded_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.membershipId] }),
    tenantForeignKey('member_profiles_membership_fk', [table.tenantId, table.membershipId], memberships),
    index('member_profiles_reading_idx').on(table.tenantId, table.readingKey, table.membershipId),
  ],
);

/** The consent ledger: every choice a member made, with the wording version they saw. Append-only. */
export const consentEvents = pgTable(
  'consent_events',
  {
    tenantId: tenantId(),
    id: id(),
    membershipId: uuid('membership_id').notNull(),
    purpose: text('purpose').$type<ConsentPurpose>().notNull(),
    granted: boolean('granted').notNull(),
    policyVersion: text('policy_version').notNull(),
    // unsubscribe: a mail's stop link; exit_survey: the choice made on an exit-survey link.
    source: text('source').$type<'onboarding' | 'settings' | 'unsubscribe' | 'exit_survey'>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('consent_events_membership_fk', [table.tenantId, table.membershipId], memberships),
    index('consent_events_membership_idx').on(table.tenantId, table.membershipId, table.createdAt),
  ],
);

/** Name and reading tokens of a member profile; see record_search_tokens for why search uses tokens. */
export const memberSearchTokens = pgTable(
  'member_search_tokens',
  {
    tenantId: tenantId(),
    token: text('token').notNull(),
    membershipId: uuid('membership_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.token, table.membershipId] })],
);

/** A profile photo, resized and stripped of metadata before it is stored. */
export const memberPhotos = pgTable(
  'member_photos',
  {
    tenantId: tenantId(),
    id: id(),
    membershipId: uuid('membership_id').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('member_photos_membership_fk', [table.tenantId, table.membershipId], memberships),
    index('member_photos_membership_idx').on(table.tenantId, table.membershipId),
  ],
);

/** A hashtag of one network: `key` is the normalised form matched on, `label` the form shown. */
export const hashtags = pgTable(
  'hashtags',
  {
    tenantId: tenantId(),
    id: id(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    unique('hashtags_tenant_key').on(table.tenantId, table.key),
  ],
);

/** The hashtags a member carries on their profile (strengths and interests), in their order. */
export const memberHashtags = pgTable(
  'member_hashtags',
  {
    tenantId: tenantId(),
    hashtagId: uuid('hashtag_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    position: integer('position').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.hashtagId, table.membershipId] }),
    tenantForeignKey('member_hashtags_hashtag_fk', [table.tenantId, table.hashtagId], hashtags),
    tenantForeignKey('member_hashtags_membership_fk', [table.tenantId, table.membershipId], memberships),
    index('member_hashtags_membership_idx').on(table.tenantId, table.membershipId),
  ],
);

/** Hashtags a member follows: their posts reach the member's home feed. */
export const hashtagFollows = pgTable(
  'hashtag_follows',
  {
    tenantId: tenantId(),
    membershipId: uuid('membership_id').notNull(),
    hashtagId: uuid('hashtag_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.membershipId, table.hashtagId] }),
    tenantForeignKey('hashtag_follows_hashtag_fk', [table.tenantId, table.hashtagId], hashtags),
    tenantForeignKey('hashtag_follows_membership_fk', [table.tenantId, table.membershipId], memberships),
    index('hashtag_follows_hashtag_idx').on(table.tenantId, table.hashtagId),
  ],
);

/** A block hides two members from each other everywhere, whichever of them made it. */
export const memberBlocks = pgTable(
  'member_blocks',
  {
    tenantId: tenantId(),
    blockerId: uuid('blocker_id').notNull(),
    blockedId: uuid('blocked_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.blockerId, table.blockedId] }),
    tenantForeignKey('member_blocks_blocker_fk', [table.tenantId, table.blockerId], memberships),
    tenantForeignKey('member_blocks_blocked_fk', [table.tenantId, table.blockedId], memberships),
    index('member_blocks_blocked_idx').on(table.tenantId, table.blockedId),
  ],
);

/** A mute hides a member's posts and comments from the muter's feeds, without telling or blocking them. */
export const memberMutes = pgTable(
  'member_mutes',
  {
    tenantId: tenantId(),
    muterId: uuid('muter_id').notNull(),
    mutedId: uuid('muted_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.muterId, table.mutedId] }),
    tenantForeignKey('member_mutes_muter_fk', [table.tenantId, table.muterId], memberships),
    tenantForeignKey('member_mutes_muted_fk', [table.tenantId, table.mutedId], memberships),
  ],
);
