import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { newsArticles, newsCategories } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';

/** The sections every new network starts with; staff rename them or add their own. */
export const defaultCategoryNames = ['会社の今', '制度・働き方', '技術', 'イベント報告'] as const;

export async function seedNewsCategories(tx: AppTransaction, tenantId: string) {
  await tx
    .insert(newsCategories)
    .values(defaultCategoryNames.map((name, position) => ({ tenantId, name, position })))
    .onConflictDoNothing();
}

export async function listCategories(ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>) {
  return ctx.tx
    .select({ id: newsCategories.id, name: newsCategories.name })
    .from(newsCategories)
    .where(eq(newsCategories.tenantId, ctx.tenant.id))
    .orderBy(asc(newsCategories.position), asc(newsCategories.createdAt));
}

/** Categories with how many articles (any status) each holds, for the staff screen. */
export async function listManagedCategories(ctx: TenantServiceContext) {
  const counts = await ctx.tx
    .select({ categoryId: newsArticles.categoryId, n: count() })
    .from(newsArticles)
    .where(eq(newsArticles.tenantId, ctx.tenant.id))
    .groupBy(newsArticles.categoryId);
  const byId = new Map(counts.map((row) => [row.categoryId, row.n]));
  return (await listCategories(ctx)).map((category) => ({
    ...category,
    articleCount: byId.get(category.id) ?? 0,
  }));
}

export async function findCategory(ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>, id: string) {
  const [category] = await ctx.tx
    .select()
    .from(newsCategories)
    .where(and(eq(newsCategories.tenantId, ctx.tenant.id), eq(newsCategories.id, id)));
  return category;
}

export async function createCategory(ctx: TenantServiceContext, name: string) {
  const [created] = await ctx.tx
    .insert(newsCategories)
    .values({
      tenantId: ctx.tenant.id,
      name,
      position: sql`(select coalesce(max(position), -1) + 1 from news_categories where tenant_id = ${ctx.tenant.id})`,
    })
    .onConflictDoNothing()
    .returning({ id: newsCategories.id, name: newsCategories.name });
  if (!created) throw new AppError(409, 'already_exists');
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'news.category_created',
    targetType: 'news_category',
    targetId: created.id,
    data: { name },
    ipAddress: ctx.ipAddress,
  });
  return created;
}

export async function renameCategory(ctx: TenantServiceContext, id: string, name: string) {
  const existing = await findCategory(ctx, id);
  if (!existing) throw notFound();
  if (existing.name === name) return { id, name };
  const [clash] = await ctx.tx
    .select({ id: newsCategories.id })
    .from(newsCategories)
    .where(and(eq(newsCategories.tenantId, ctx.tenant.id), eq(newsCategories.name, name)));
  if (clash) throw new AppError(409, 'already_exists');
  await ctx.tx
    .update(newsCategories)
    .set({ name })
    .where(and(eq(newsCategories.tenantId, ctx.tenant.id), eq(newsCategories.id, id)));
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'news.category_renamed',
    targetType: 'news_category',
    targetId: id,
    data: { from: existing.name, to: name },
    ipAddress: ctx.ipAddress,
  });
  return { id, name };
}
