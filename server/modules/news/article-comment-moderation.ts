import { and, eq, inArray } from 'drizzle-orm';
import { memberships, newsArticles, newsComments } from '../../db/schema/index.js';
import { notFound } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { findReadableArticle } from './read-articles.js';

/**
 * A comment on an article its reporter can see: the article is readable to them and takes comments,
 * and the comment is up (a hidden one is already the moderators'; only its author still sees it).
 */
export async function findReportableArticleComment(ctx: TenantServiceContext, commentId: string) {
  const [comment] = await ctx.tx
    .select({ articleId: newsComments.articleId, status: newsComments.status })
    .from(newsComments)
    .where(and(eq(newsComments.tenantId, ctx.tenant.id), eq(newsComments.id, commentId)));
  if (comment?.status !== 'published') throw notFound();
  const article = await findReadableArticle(ctx, comment.articleId);
  if (!article.allowComments) throw notFound();
}

/** Reported article comments for the moderators' queue, each with its author and article. */
export async function reportedArticleComments(ctx: TenantServiceContext, ids: string[]) {
  if (ids.length === 0) return [];
  return ctx.tx
    .select({
      comment: newsComments,
      author: memberships.displayName,
      article: { id: newsArticles.id, title: newsArticles.title },
    })
    .from(newsComments)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, newsComments.tenantId), eq(memberships.id, newsComments.authorId)),
    )
    .innerJoin(
      newsArticles,
      and(eq(newsArticles.tenantId, newsComments.tenantId), eq(newsArticles.id, newsComments.articleId)),
    )
    .where(and(eq(newsComments.tenantId, ctx.tenant.id), inArray(newsComments.id, ids)));
}
