import { and, eq, sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { type NewsArticle, newsArticles, tenants } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { recordAudit } from '../../platform/audit.js';
import type { Deps } from '../../platform/http/env.js';
import { audienceStatement } from '../programmes/audience/resolve-audience.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { articleAudience } from './news-audience.js';
import { findArticleForStaff } from './write-articles.js';

/**
 * Publishes in the caller's transaction and tells every active member it is meant for, in the app
 * (kind news_published; mail goes out through newsletters, which have their own consent). Members who
 * turned the in-app notice off for this kind are left out. The writer is not told about their own article.
 */
async function publish(tx: AppTransaction, tenantId: string, article: NewsArticle, at: Date) {
  const [done] = await tx
    .update(newsArticles)
    .set({ status: 'published', publishedAt: at, publishAt: null, updatedAt: new Date() })
    .where(and(eq(newsArticles.tenantId, tenantId), eq(newsArticles.id, article.id)))
    .returning();
  // The shared audience, set-based: members the spec names who have not turned this in-app notice off.
  const audience = await audienceStatement(
    { tx, tenant: { id: tenantId } },
    articleAudience(article.audience),
    { purpose: 'company_news', channel: 'inApp', kind: 'news_published' },
  );
  const data = JSON.stringify({ title: article.title });
  await tx.execute(sql`insert into notifications (tenant_id, recipient_id, kind, actor_id, target_type, target_id, data)
    select ${tenantId}, a.membership_id, 'news_published', ${article.authorId}, 'article', ${article.id}, ${data}::jsonb
    from (${audience}) a
    where a.person_kind = 'member' and a.reason is null and a.membership_id <> ${article.authorId}`);
  return done!;
}

/** Publishes a draft or scheduled article now. Publishing twice changes nothing the second time. */
export async function publishArticleNow(ctx: TenantServiceContext, id: string) {
  const article = await findArticleForStaff(ctx, id);
  if (article.status === 'published') return article;
  const done = await publish(ctx.tx, ctx.tenant.id, article, new Date());
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'news.article_published',
    targetType: 'news_article',
    targetId: id,
    ipAddress: ctx.ipAddress,
  });
  return done;
}

/**
 * The scheduled publish (job news.publish). The row is locked, so two runs cannot both publish; an
 * article moved back to draft, rescheduled later, deleted or already published is left as it is.
 * Returns whether it published.
 */
export async function publishScheduledArticle(deps: Deps, data: { tenantId: string; articleId: string }) {
  const [tenant] = await deps.database.db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.id, data.tenantId));
  if (!tenant) return false;
  const published = await inTenant(deps.database.db, tenant.id, async (tx) => {
    const [article] = await tx
      .select()
      .from(newsArticles)
      .where(and(eq(newsArticles.tenantId, tenant.id), eq(newsArticles.id, data.articleId)))
      .for('update');
    if (article?.status !== 'scheduled' || !article.publishAt) return false;
    if (article.publishAt.getTime() > Date.now()) return false;
    await publish(tx, tenant.id, article, article.publishAt);
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorMembershipId: null,
      action: 'news.article_published',
      targetType: 'news_article',
      targetId: article.id,
      data: { scheduled: true },
    });
    return true;
  });
  if (published) deps.events.publish(tenant.id, { type: 'feed' });
  return published;
}
