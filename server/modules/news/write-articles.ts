import { and, eq } from 'drizzle-orm';
import { newsArticles } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuditAction } from '../../platform/audit-actions.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { articleExcerpt, pictureIds, renderArticleBody } from './article-body.js';
import { attachPictures, usablePictures } from './article-images.js';
import { findCategory } from './categories.js';
import { articleAudience } from './news-audience.js';

export type ArticleInput = {
  title: string;
  body: string;
  categoryId: string;
  coverImageId?: string | null | undefined;
  authorKind: 'person' | 'company';
  allowComments: boolean;
  allowReactions: boolean;
  audience?: unknown;
};

export async function findArticleForStaff(ctx: TenantServiceContext, id: string) {
  const [article] = await ctx.tx
    .select()
    .from(newsArticles)
    .where(and(eq(newsArticles.tenantId, ctx.tenant.id), eq(newsArticles.id, id)));
  if (!article) throw notFound();
  return article;
}

/** Body, excerpt and pictures checked and rendered, ready to store; refuses pictures it may not use. */
async function prepared(ctx: TenantServiceContext, articleId: string | null, input: ArticleInput) {
  if (!(await findCategory(ctx, input.categoryId))) {
    throw new AppError(422, 'news_category_missing', [{ path: 'categoryId', code: 'news_category_missing' }]);
  }
  const body = input.body.trim();
  const ids = pictureIds(body);
  const cover = input.coverImageId ?? null;
  const pictures = await usablePictures(ctx, articleId, cover ? [...ids, cover] : ids);
  const audience = articleAudience(input.audience ?? {});
  return {
    values: {
      title: input.title,
      body,
      bodyHtml: renderArticleBody(body, ctx.tenant.slug, pictures),
      excerpt: articleExcerpt(body),
      categoryId: input.categoryId,
      coverImageId: cover,
      authorKind: input.authorKind,
      allowComments: input.allowComments,
      allowReactions: input.allowReactions,
      audience,
      audienceSegmentId: audience.segmentId,
    },
    pictures: [...pictures.keys()],
  };
}

/** A new draft: only staff see it until it is published. */
export async function createArticle(ctx: TenantServiceContext, input: ArticleInput) {
  const { values, pictures } = await prepared(ctx, null, input);
  const [article] = await ctx.tx
    .insert(newsArticles)
    .values({ tenantId: ctx.tenant.id, authorId: ctx.actor.membershipId, ...values })
    .returning();
  await attachPictures(ctx, article!.id, pictures);
  await audit(ctx, 'news.article_created', article!.id, { title: input.title });
  return article!;
}

/**
 * Changes an article. A published one keeps its publishing date and gains a revision date, which
 * members see as 「更新」; a person byline moves to whoever made the change only if they ask for it.
 */
export async function updateArticle(ctx: TenantServiceContext, id: string, changes: Partial<ArticleInput>) {
  const current = await findArticleForStaff(ctx, id);
  const merged: ArticleInput = {
    title: changes.title ?? current.title,
    body: changes.body ?? current.body,
    categoryId: changes.categoryId ?? current.categoryId,
    coverImageId: changes.coverImageId === undefined ? current.coverImageId : changes.coverImageId,
    authorKind: changes.authorKind ?? current.authorKind,
    allowComments: changes.allowComments ?? current.allowComments,
    allowReactions: changes.allowReactions ?? current.allowReactions,
    audience: changes.audience ?? current.audience,
  };
  const { values, pictures } = await prepared(ctx, id, merged);
  const now = new Date();
  const [article] = await ctx.tx
    .update(newsArticles)
    .set({ ...values, updatedAt: now, ...(current.status === 'published' ? { revisedAt: now } : {}) })
    .where(and(eq(newsArticles.tenantId, ctx.tenant.id), eq(newsArticles.id, id)))
    .returning();
  await attachPictures(ctx, id, pictures);
  await audit(ctx, 'news.article_updated', id, { status: current.status });
  return article!;
}

/** Publishes at a later time: a durable job, queued in this transaction, publishes it then. */
export async function scheduleArticle(ctx: TenantServiceContext, id: string, publishAt: Date) {
  const current = await findArticleForStaff(ctx, id);
  if (current.status === 'published') throw new AppError(409, 'news_not_draft');
  if (publishAt.getTime() <= Date.now()) {
    throw new AppError(422, 'news_publish_in_past', [{ path: 'publishAt', code: 'news_publish_in_past' }]);
  }
  const [article] = await ctx.tx
    .update(newsArticles)
    .set({ status: 'scheduled', publishAt, updatedAt: new Date() })
    .where(and(eq(newsArticles.tenantId, ctx.tenant.id), eq(newsArticles.id, id)))
    .returning();
  await ctx.deps.jobs.send(
    ctx.tx,
    'news.publish',
    { tenantId: ctx.tenant.id, articleId: id, publishAt: publishAt.toISOString() },
    { startAfter: publishAt },
  );
  await audit(ctx, 'news.article_scheduled', id, { publishAt: publishAt.toISOString() });
  return article!;
}

/** Back to a draft: the queued job finds it no longer scheduled and does nothing. */
export async function unscheduleArticle(ctx: TenantServiceContext, id: string) {
  const current = await findArticleForStaff(ctx, id);
  if (current.status !== 'scheduled') return current;
  const [article] = await ctx.tx
    .update(newsArticles)
    .set({ status: 'draft', publishAt: null, updatedAt: new Date() })
    .where(and(eq(newsArticles.tenantId, ctx.tenant.id), eq(newsArticles.id, id)))
    .returning();
  await audit(ctx, 'news.article_unscheduled', id, {});
  return article!;
}

export async function deleteArticle(ctx: TenantServiceContext, id: string) {
  const current = await findArticleForStaff(ctx, id);
  await ctx.tx
    .delete(newsArticles)
    .where(and(eq(newsArticles.tenantId, ctx.tenant.id), eq(newsArticles.id, id)));
  await audit(ctx, 'news.article_deleted', id, { title: current.title, status: current.status });
}

export function audit(
  ctx: TenantServiceContext,
  action: AuditAction,
  id: string,
  data: Record<string, unknown>,
) {
  return recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action,
    targetType: 'news_article',
    targetId: id,
    data,
    ipAddress: ctx.ipAddress,
  });
}
