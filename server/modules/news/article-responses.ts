import { and, asc, count, eq, or } from 'drizzle-orm';
import { memberships, newsComments, newsReactions, type ReactionKind } from '../../db/schema/index.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { canModerate } from '../community/moderation/moderation-policy.js';
import { renderMarkdown } from '../community/posts/render-markdown.js';
import { isStaff } from '../tenancy/policies.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { findReadableArticle } from './read-articles.js';

/** Reaction counts, my reactions and the number of comments of one article (those up for everyone). */
export async function articleResponses(ctx: TenantServiceContext, articleId: string) {
  const counts = await ctx.tx
    .select({ kind: newsReactions.kind, n: count() })
    .from(newsReactions)
    .where(and(eq(newsReactions.tenantId, ctx.tenant.id), eq(newsReactions.articleId, articleId)))
    .groupBy(newsReactions.kind);
  const mine = await ctx.tx
    .select({ kind: newsReactions.kind })
    .from(newsReactions)
    .where(
      and(
        eq(newsReactions.tenantId, ctx.tenant.id),
        eq(newsReactions.articleId, articleId),
        eq(newsReactions.membershipId, ctx.actor.membershipId),
      ),
    );
  const [comments] = await ctx.tx
    .select({ n: count() })
    .from(newsComments)
    .where(
      and(
        eq(newsComments.tenantId, ctx.tenant.id),
        eq(newsComments.articleId, articleId),
        eq(newsComments.status, 'published'),
      ),
    );
  return {
    reactions: Object.fromEntries(counts.map((row) => [row.kind, row.n])) as Partial<
      Record<ReactionKind, number>
    >,
    mine: mine.map((row) => row.kind),
    commentCount: comments?.n ?? 0,
  };
}

export async function setReaction(
  ctx: TenantServiceContext,
  articleId: string,
  kind: ReactionKind,
  on: boolean,
) {
  const article = await findReadableArticle(ctx, articleId);
  if (!article.allowReactions) throw forbidden('news_reactions_closed');
  if (on) {
    await ctx.tx
      .insert(newsReactions)
      .values({ tenantId: ctx.tenant.id, articleId, membershipId: ctx.actor.membershipId, kind })
      .onConflictDoNothing();
  } else {
    await ctx.tx
      .delete(newsReactions)
      .where(
        and(
          eq(newsReactions.tenantId, ctx.tenant.id),
          eq(newsReactions.articleId, articleId),
          eq(newsReactions.membershipId, ctx.actor.membershipId),
          eq(newsReactions.kind, kind),
        ),
      );
  }
}

/**
 * An article's comments, oldest first. A comment moderators hid stays in the list for its author (with
 * the reason) and for moderators (to restore it); everyone else no longer sees it.
 */
export async function listArticleComments(ctx: TenantServiceContext, articleId: string) {
  const article = await findReadableArticle(ctx, articleId);
  if (!article.allowComments) return [];
  const visible = canModerate(ctx.actor)
    ? undefined
    : or(eq(newsComments.status, 'published'), eq(newsComments.authorId, ctx.actor.membershipId));
  return ctx.tx
    .select({ comment: newsComments, author: { id: memberships.id, displayName: memberships.displayName } })
    .from(newsComments)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, newsComments.tenantId), eq(memberships.id, newsComments.authorId)),
    )
    .where(and(eq(newsComments.tenantId, ctx.tenant.id), eq(newsComments.articleId, articleId), visible))
    .orderBy(asc(newsComments.createdAt), asc(newsComments.id))
    .limit(500);
}

export async function addArticleComment(ctx: TenantServiceContext, articleId: string, body: string) {
  const article = await findReadableArticle(ctx, articleId);
  if (!article.allowComments) throw forbidden('news_comments_closed');
  const text = body.trim();
  if (!text) throw new AppError(422, 'post_empty', [{ path: 'body', code: 'post_empty' }]);
  const [comment] = await ctx.tx
    .insert(newsComments)
    .values({
      tenantId: ctx.tenant.id,
      articleId,
      authorId: ctx.actor.membershipId,
      body: text,
      bodyHtml: renderMarkdown(text, ctx.tenant.slug),
    })
    .returning();
  return { comment: comment!, author: { id: ctx.actor.membershipId, displayName: ctx.actor.displayName } };
}

/** Its writer or staff remove a comment. */
export async function deleteArticleComment(ctx: TenantServiceContext, articleId: string, commentId: string) {
  await findReadableArticle(ctx, articleId);
  const [comment] = await ctx.tx
    .select()
    .from(newsComments)
    .where(
      and(
        eq(newsComments.tenantId, ctx.tenant.id),
        eq(newsComments.articleId, articleId),
        eq(newsComments.id, commentId),
      ),
    );
  if (!comment) throw notFound();
  if (comment.authorId !== ctx.actor.membershipId && !isStaff(ctx.actor)) throw forbidden();
  await ctx.tx
    .delete(newsComments)
    .where(and(eq(newsComments.tenantId, ctx.tenant.id), eq(newsComments.id, commentId)));
}

export function presentComment(
  ctx: TenantServiceContext,
  row: { comment: typeof newsComments.$inferSelect; author: { id: string; displayName: string } },
) {
  return {
    id: row.comment.id,
    author: row.author,
    bodyHtml: row.comment.bodyHtml,
    createdAt: row.comment.createdAt.toISOString(),
    canDelete: row.author.id === ctx.actor.membershipId || isStaff(ctx.actor),
    hidden: row.comment.status === 'hidden',
    // Only its author and moderators are ever sent a hidden comment, so the reason reaches no one else.
    hiddenReason: row.comment.status === 'hidden' ? row.comment.moderationReason : null,
    canModerate: canModerate(ctx.actor),
    canReport: row.author.id !== ctx.actor.membershipId && row.comment.status === 'published',
  };
}
