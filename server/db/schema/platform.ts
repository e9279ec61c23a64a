import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MailAttachment } from './mail.js';

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export type TenantSettings = {
  /** Whether current employees may join the community. */
  employeesMayJoin?: boolean;
  /** Whether people may ask to join without an invitation (default: yes). */
  joinRequestsOpen?: boolean;
  /** Whether a strong match with a record approves a join request without HR (default: no). */
  autoApproveJoinRequests?: boolean;
  /** The sender newsletters name (特定電子メール法); unset or empty: the network's name. */
  senderName?: string;
  /** The sender's postal address shown in newsletters; required before one is sent. */
  senderAddress?: string;
  /** A contact for recipients (address, phone or page); required before a newsletter is sent. */
  senderContact?: string;
  /** Whether newsletters count opens and clicks (default: no); the mail then says so in its footer. */
  newsletterTracking?: boolean;
  /** What one hire costs; the outcomes dashboard multiplies comebacks by it (outcomes/cost-per-hire.ts). */
  costPerHire?:
    | { kind: 'fixed'; yen: number }
    | { kind: 'agency_fee'; percent: number; annualSalaryYen: number };
};

/** A company's alumni network. Global: the tenant row itself is what tenant-owned rows point at. */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  settings: jsonb('settings').$type<TenantSettings>().notNull().default({}),
  createdAt: createdAt(),
});

/** One global identity per person, keyed by e-mail address. */
export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull().default(''),
  locale: text('locale').$type<'ja' | 'en'>().notNull().default('ja'),
  createdAt: createdAt(),
  lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }),
});

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: bytea('token_hash').notNull().unique(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    method: text('method').$type<'magic_link' | 'passkey' | 'invitation'>().notNull(),
    userAgent: text('user_agent').notNull().default(''),
    ipAddress: text('ip_address').notNull().default(''),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('sessions_account_idx').on(table.accountId)],
);

export type MagicLinkPurpose = 'sign_in' | 'sign_up' | 'staff_invite';

export const magicLinks = pgTable(
  'magic_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: bytea('token_hash').notNull().unique(),
    email: text('email').notNull(),
    purpose: text('purpose').$type<MagicLinkPurpose>().notNull(),
    /** Purpose-specific data, e.g. the network to create for a sign-up. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    redirectTo: text('redirect_to'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('magic_links_email_idx').on(table.email)],
);

export const passkeys = pgTable(
  'passkeys',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    publicKey: bytea('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    deviceType: text('device_type').notNull(),
    backedUp: boolean('backed_up').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [index('passkeys_account_idx').on(table.accountId)],
);

/** WebAuthn challenges, single use, kept server-side so a replayed response fails. */
export const authChallenges = pgTable('auth_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  challenge: text('challenge').notNull(),
  purpose: text('purpose').$type<'register' | 'authenticate'>().notNull(),
  accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);

/** Mail kept instead of sent when no SMTP server is configured (development and the embedded demo). */
export const devMailbox = pgTable('dev_mailbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  recipient: text('recipient').notNull(),
  subject: text('subject').notNull(),
  textBody: text('text_body').notNull(),
  attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
  /** The mail's extra headers (RFC 8058 List-Unsubscribe …), so a developer sees what a mail app would. */
  headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
  createdAt: createdAt(),
});

/**
 * Secrets the instance makes for itself on first start and keeps across restarts and instances
 * (the VAPID key pair that signs Web Push). Global: one row per key, never tenant data.
 */
export const instanceSecrets = pgTable('instance_secrets', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, string>>().notNull(),
  createdAt: createdAt(),
});
