import { and, eq, inArray } from 'drizzle-orm';
import { type NewsletterCampaign, newsArticles } from '../../db/schema/index.js';
import { trackedCounts } from '../programmes/delivery/mail-tracking.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { type CampaignDeliveryRow, deliveryConsent, deliveryTracking } from './campaign-deliveries.js';
import { campaignAudience, campaignCounts, campaignProgramme } from './campaigns.js';
import type { CampaignDeliveryView, CampaignView } from './newsletter-schemas.js';

/**
 * Campaigns as staff see them: their text, the chosen articles by title (one that was unpublished since
 * is marked, and left out of the mail), the audience and counts per recipient state. No recipient's
 * address or name leaves the server here.
 */
export async function presentCampaigns(
  ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>,
  campaigns: NewsletterCampaign[],
): Promise<CampaignView[]> {
  const articleIds = [...new Set(campaigns.flatMap((campaign) => campaign.articleIds))];
  const articles =
    articleIds.length === 0
      ? []
      : await ctx.tx
          .select({ id: newsArticles.id, title: newsArticles.title, status: newsArticles.status })
          .from(newsArticles)
          .where(and(eq(newsArticles.tenantId, ctx.tenant.id), inArray(newsArticles.id, articleIds)));
  const byId = new Map(articles.map((article) => [article.id, article]));
  const counts = await campaignCounts(
    ctx,
    campaigns.map((campaign) => campaign.id),
  );
  const tracked = await trackedCounts(
    ctx.tx,
    ctx.tenant.id,
    campaignProgramme,
    campaigns.filter((campaign) => campaign.tracking).map((campaign) => campaign.id),
  );
  return campaigns.map((campaign) => ({
    id: campaign.id,
    subject: campaign.subject,
    intro: campaign.intro,
    articles: campaign.articleIds.flatMap((id) => {
      const article = byId.get(id);
      return article ? [{ id, title: article.title, published: article.status === 'published' }] : [];
    }),
    audience: campaignAudience(campaign),
    status: campaign.status,
    sendAt: campaign.sendAt?.toISOString() ?? null,
    sentAt: campaign.sentAt?.toISOString() ?? null,
    recipientCount: campaign.recipientCount,
    counts: counts.get(campaign.id)!,
    tracking: tracked.get(campaign.id) ?? null,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  }));
}

export async function presentCampaign(
  ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>,
  campaign: NewsletterCampaign,
): Promise<CampaignView> {
  const [view] = await presentCampaigns(ctx, [campaign]);
  return view!;
}

/** One recipient for the campaign's delivery list (staff only; the news desk's routes check the role). */
export function presentCampaignDelivery(row: CampaignDeliveryRow): CampaignDeliveryView {
  return {
    id: row.id,
    recipientKind: row.recipient_kind,
    name: row.name,
    email: row.email,
    status: row.status,
    queuedAt: new Date(row.queued_at).toISOString(),
    sentAt: row.sent_at === null ? null : new Date(row.sent_at).toISOString(),
    consent: deliveryConsent(row),
    tracking: deliveryTracking(row),
  };
}
