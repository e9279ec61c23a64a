import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import {
  type NewsletterCampaign,
  newsArticles,
  newsletterCampaigns,
  type TenantSettings,
} from '../../db/schema/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import { storedAudience } from '../programmes/audience/audience-spec.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { CampaignArticle, CampaignSender } from './campaign-mail.js';
import { campaignDeliveryStates } from './delivery-states.js';
import type { CampaignEdit, CampaignInput } from './newsletter-schemas.js';

/** The consent a newsletter relies on, and its channel: company news by e-mail. */
export const campaignPurpose = 'company_news' as const;
export const campaignProgramme = 'newsletter';

export async function findCampaign(ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>, id: string) {
  const [campaign] = await ctx.tx
    .select()
    .from(newsletterCampaigns)
    .where(and(eq(newsletterCampaigns.tenantId, ctx.tenant.id), eq(newsletterCampaigns.id, id)));
  if (!campaign) throw notFound();
  return campaign;
}

export async function listCampaigns(ctx: TenantServiceContext, limit = 100) {
  return ctx.tx
    .select()
    .from(newsletterCampaigns)
    .where(eq(newsletterCampaigns.tenantId, ctx.tenant.id))
    .orderBy(desc(newsletterCampaigns.createdAt), desc(newsletterCampaigns.id))
    .limit(limit);
}

/** Only published articles of this network may be put in a newsletter. */
async function checkArticles(ctx: TenantServiceContext, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length) {
    throw new AppError(422, 'validation_failed', [{ path: 'articleIds', code: 'validation_failed' }]);
  }
  if (unique.length === 0) return;
  const found = await ctx.tx
    .select({ id: newsArticles.id })
    .from(newsArticles)
    .where(
      and(
        eq(newsArticles.tenantId, ctx.tenant.id),
        inArray(newsArticles.id, unique),
        eq(newsArticles.status, 'published'),
      ),
    );
  if (found.length !== unique.length) {
    throw new AppError(422, 'newsletter_article_unpublished', [
      { path: 'articleIds', code: 'newsletter_article_unpublished' },
    ]);
  }
}

export async function createCampaign(ctx: TenantServiceContext, input: CampaignInput) {
  await checkArticles(ctx, input.articleIds);
  const [campaign] = await ctx.tx
    .insert(newsletterCampaigns)
    .values({
      tenantId: ctx.tenant.id,
      subject: input.subject,
      intro: input.intro,
      articleIds: input.articleIds,
      audience: input.audience,
      createdBy: ctx.actor.membershipId,
    })
    .returning();
  return campaign!;
}

/** A draft is changed as staff write it; once scheduled or sent it is fixed (cancel a schedule first). */
export async function updateCampaign(ctx: TenantServiceContext, id: string, input: CampaignEdit) {
  await findCampaign(ctx, id);
  if (input.articleIds) await checkArticles(ctx, input.articleIds);
  const [updated] = await ctx.tx
    .update(newsletterCampaigns)
    .set({ ...input, updatedAt: new Date() })
    .where(
      and(
        eq(newsletterCampaigns.tenantId, ctx.tenant.id),
        eq(newsletterCampaigns.id, id),
        eq(newsletterCampaigns.status, 'draft'),
      ),
    )
    .returning();
  if (!updated) throw new AppError(409, 'newsletter_not_draft');
  return updated;
}

export async function deleteCampaign(ctx: TenantServiceContext, id: string) {
  await findCampaign(ctx, id);
  const deleted = await ctx.tx
    .delete(newsletterCampaigns)
    .where(
      and(
        eq(newsletterCampaigns.tenantId, ctx.tenant.id),
        eq(newsletterCampaigns.id, id),
        inArray(newsletterCampaigns.status, ['draft', 'cancelled']),
      ),
    )
    .returning({ id: newsletterCampaigns.id });
  if (deleted.length === 0) throw new AppError(409, 'newsletter_not_draft');
}

/** The sender every newsletter names (特定電子メール法); none can be sent until the address and contact are set. */
export function campaignSender(tenant: { nameJa: string; settings: TenantSettings }): CampaignSender | null {
  const address = tenant.settings.senderAddress?.trim() ?? '';
  const contact = tenant.settings.senderContact?.trim() ?? '';
  if (!address || !contact) return null;
  return { name: tenant.settings.senderName?.trim() || tenant.nameJa, address, contact };
}

export function requireSender(tenant: { nameJa: string; settings: TenantSettings }): CampaignSender {
  const sender = campaignSender(tenant);
  if (!sender) throw new AppError(422, 'newsletter_sender_missing');
  return sender;
}

/** The campaign's articles still published, in the chosen order, as the mail shows them. */
export async function campaignArticles(
  tx: Queryable,
  tenant: { id: string; slug: string },
  publicUrl: string,
  campaign: Pick<NewsletterCampaign, 'articleIds'>,
): Promise<(CampaignArticle & { id: string })[]> {
  if (campaign.articleIds.length === 0) return [];
  const rows = await tx
    .select({ id: newsArticles.id, title: newsArticles.title, lead: newsArticles.excerpt })
    .from(newsArticles)
    .where(
      and(
        eq(newsArticles.tenantId, tenant.id),
        inArray(newsArticles.id, campaign.articleIds),
        eq(newsArticles.status, 'published'),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return campaign.articleIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const url = `${publicUrl}/t/${encodeURIComponent(tenant.slug)}/news/${row.id}`;
    return [{ id: row.id, title: row.title, lead: row.lead, url }];
  });
}

export type CampaignCounts = {
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
  unsubscribed: number;
};
const noCounts: CampaignCounts = { queued: 0, sent: 0, failed: 0, bounced: 0, unsubscribed: 0 };

/** How many recipients of each campaign are in each state (see campaignDeliveryStates). */
export async function campaignCounts(
  ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>,
  ids: string[],
): Promise<Map<string, CampaignCounts>> {
  const counts = new Map<string, CampaignCounts>();
  if (ids.length === 0) return counts;
  const rows = await queryRows<{ id: string } & CampaignCounts>(
    ctx.tx,
    sql`with d as (${campaignDeliveryStates(ctx.tenant.id, campaignProgramme, ids)})
      select programme_id as id,
        count(*) filter (where status = 'unsubscribed')::int as unsubscribed,
        count(*) filter (where status = 'queued')::int as queued,
        count(*) filter (where status = 'sent')::int as sent,
        count(*) filter (where status = 'bounced')::int as bounced,
        count(*) filter (where status = 'failed')::int as failed
      from d group by programme_id`,
  );
  for (const row of rows) {
    counts.set(row.id, {
      queued: row.queued,
      sent: row.sent,
      failed: row.failed,
      bounced: row.bounced,
      unsubscribed: row.unsubscribed,
    });
  }
  for (const id of ids) if (!counts.has(id)) counts.set(id, noCounts);
  return counts;
}

export const campaignAudience = (campaign: Pick<NewsletterCampaign, 'audience'>) =>
  storedAudience(campaign.audience);
