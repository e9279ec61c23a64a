import { z } from '@hono/zod-openapi';
import { campaignStatuses } from '../../db/schema/index.js';
import { AudiencePreviewSchema } from '../programmes/audience/audience-presenter.js';
import { AudienceSpecSchema } from '../programmes/audience/audience-spec.js';
import { SlugSchema } from '../tenancy/schemas.js';
import { deliveryStatuses } from './delivery-states.js';

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

/**
 * Opens and clicks of a campaign sent while tracking was on: recipients who opened (showed the mail's
 * picture) or clicked a link at least once, and every open and click.
 */
export const CampaignTrackingSchema = z.object({
  opened: z.number().int(),
  opens: z.number().int(),
  clicked: z.number().int(),
  clicks: z.number().int(),
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
    /** Null unless the campaign went out while its network counted opens and clicks. */
    tracking: CampaignTrackingSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Newsletter');
export type CampaignView = z.infer<typeof CampaignSchema>;

export const CampaignListSchema = z.object({ campaigns: z.array(CampaignSchema) }).openapi('NewsletterList');
export const CampaignTestSchema = z.object({ sentTo: z.string() }).openapi('NewsletterTestSent');
export const CampaignAudienceSchema = AudiencePreviewSchema;

export const DELIVERIES_PER_PAGE = 50;

export const CampaignDeliveryQuerySchema = z.object({
  status: z.enum(deliveryStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(DELIVERIES_PER_PAGE),
  /**
   * One opening of the recipients screen (a random id the screen makes when it opens). Its view of a
   * state and page is audited once, however often the screen refreshes it; without it, every call is.
   */
  visit: z.uuid().optional(),
});

export const CampaignDeliveryExportQuerySchema = z.object({
  status: z.enum(deliveryStatuses).optional(),
  encoding: z.enum(['utf8', 'cp932']).default('utf8'),
});

/**
 * The consent a mail went out under: a member's consent ledger entry (its id, when and where it was
 * given, the policy version) or, for a record that had not joined, the registry's contact consent as HR
 * held it when the mail was queued.
 */
export const DeliveryConsentSchema = z.object({
  kind: z.enum(['ledger', 'record']),
  id: z.uuid().nullable(),
  at: z.string().nullable(),
  source: z.string().nullable(),
  version: z.string().nullable(),
});

export const CampaignDeliverySchema = z
  .object({
    id: z.uuid(),
    recipientKind: z.enum(['member', 'record']),
    /** Null only for a registry record erased since; the delivery and its proof remain. */
    name: z.string().nullable(),
    email: z.string(),
    status: z.enum(deliveryStatuses),
    queuedAt: z.string(),
    sentAt: z.string().nullable(),
    consent: DeliveryConsentSchema,
    /**
     * This recipient's first open and click and how many of each; null when the campaign did not count
     * them.
     */
    tracking: z
      .object({
        openedAt: z.string().nullable(),
        opens: z.number().int(),
        clickedAt: z.string().nullable(),
        clicks: z.number().int(),
      })
      .nullable(),
  })
  .openapi('NewsletterDelivery');

export const CampaignDeliveryListSchema = z
  .object({
    deliveries: z.array(CampaignDeliverySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('NewsletterDeliveryList');
export type CampaignDeliveryView = z.infer<typeof CampaignDeliverySchema>;
