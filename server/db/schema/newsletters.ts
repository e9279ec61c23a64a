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
  uuid,
} from 'drizzle-orm/pg-core';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/**
 * draft: staff are writing it; scheduled: a job sends it at send_at; sending: the job (or send now) has
 * taken it; sent: delivered to the outbox; cancelled: a scheduled send taken back (never sent).
 */
export const campaignStatuses = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/**
 * A newsletter (メールマガジン): staff's own intro text and a chosen list of published articles, mailed to
 * an AudienceSpec (members who consented to company news, and not-joined records with contact consent)
 * through the programmes delivery (programme_kind 'newsletter'), which keeps each recipient's proof of
 * consent. The status moves only by conditional updates, so a second send finds it taken (409).
 */
export const newsletterCampaigns = pgTable(
  'newsletter_campaigns',
  {
    tenantId: tenantId(),
    id: id(),
    subject: text('subject').notNull(),
    intro: text('intro').notNull().default(''),
    /** Published articles, in the order staff chose; their title, lead and link go in the mail. */
    articleIds: uuid('article_ids').array().notNull().default(sql`'{}'::uuid[]`),
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<CampaignStatus>().notNull().default('draft'),
    sendAt: timestamp('send_at', { withTimezone: true, precision: 3 }),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
    /** How many recipients the send queued a mail for. */
    recipientCount: integer('recipient_count').notNull().default(0),
    /**
     * Whether this campaign's mail counted opens and clicks: the network's setting when it was sent,
     * kept here so changing the setting later leaves campaigns already sent as they went out.
     */
    tracking: boolean('tracking').notNull().default(false),
    createdBy: uuid('created_by').notNull(),
    sentBy: uuid('sent_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('newsletter_campaigns_created_by_fk', [table.tenantId, table.createdBy], memberships),
    index('newsletter_campaigns_recent_idx').on(table.tenantId, table.createdAt.desc().nullsFirst()),
  ],
);
export type NewsletterCampaign = typeof newsletterCampaigns.$inferSelect;
