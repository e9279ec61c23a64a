import { z } from '@hono/zod-openapi';
import { campaignStatuses } from '../../db/schema/index.js';
import { AudiencePreviewSchema } from '../programmes/audience/audience-presenter.js';
import { AudienceSpecSchema } from '../programmes/audience/audience-spec.js';
import { SlugSchema } from '../tenancy/schemas.js';

export const MAX_CAMPAIGN_ARTICLES = 20;

/**
 * What staff write. There is no list of addresses: recipients come only from the audience spec, which
 * reaches members with company-news consent and records with contact consent, so nobody without consent
 * can be added by hand (an unknown field such as `recipients` is refused).
 */
export const CampaignInputSchema = z
  .object({
    subject: z.string().trim().min(1).max(150),
    intro: z.string().max(5000).default(''),
    articleIds: z.array(z.uuid()).max(MAX_CAMPAIGN_ARTICLES).default([]),
    audience: AudienceSpecSchema.default(AudienceSpecSchema.parse({})),
  })
  .strict()
  .openapi('NewsletterInput');
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export const CampaignEditSchema = z
  .object({
    subject: z.string().trim().min(1).max(150).optional(),
    intro: z.string().max(5000).optional(),
    articleIds: z.array(z.uuid()).max(MAX_CAMPAIGN_ARTICLES).optional(),
    audience: AudienceSpecSchema.optional(),
  })
  .strict()
  .openapi('NewsletterEdit');
export type CampaignEdit = z.infer<typeof CampaignEditSchema>;

export const CampaignParamSchema = z.object({ slug: SlugSchema, id: z.uuid() });
export const CampaignScheduleSchema = z.strictObject({ sendAt: z.iso.datetime({ offset: true }) });

export const CampaignCountsSchema = z.object({
  queued: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  bounced: z.number().int(),
  unsubscribed: z.number().int(),
});

export const CampaignSchema = z
  .object({
    id: z.uuid(),
    subject: z.string(),
    intro: z.string(),
    articles: z.array(z.object({ id: z.uuid(), title: z.string(), published: z.boolean() })),
    audience: AudienceSpecSchema,
    status: z.enum(campaignStatuses),
    sendAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    recipientCount: z.number().int(),
    counts: CampaignCountsSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Newsletter');
export type CampaignView = z.infer<typeof CampaignSchema>;

export const CampaignListSchema = z.object({ campaigns: z.array(CampaignSchema) }).openapi('NewsletterList');
export const CampaignTestSchema = z.object({ sentTo: z.string() }).openapi('NewsletterTestSent');
export const CampaignAudienceSchema = AudiencePreviewSchema;
