import { and, asc, eq, or } from 'drizzle-orm';
import { comments, memberships, type ReactionKind, reactions } from '../../../db/schema/index.js';
import { recordAudit } from '../../../platform/audit.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { notBlockedWith, notMutedBy } from '../blocks.js';
import { canModerate } from '../moderation/moderation-policy.js';
import { screenText } from '../moderation/word-list.js';
import { notify, snippet } from '../notifications/notify.js';
import { renderMarkdown } from './render-markdown.js';
import { findReadablePost } from './write-posts.js';

export async function listComments(ctx: TenantServiceContext, postId: string) {
  await findReadablePost(ctx, postId);
  return ctx.tx
    .select({ comment: comments, author: { id: memberships.id, displayName: memberships.displayName } })
    .from(comments)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, comments.tenantId), eq(memberships.id, comments.authorId)),
    )
    .where(
      and(
        eq(comments.tenantId, ctx.tenant.id),
        eq(comments.postId, postId),
        notBlockedWith(ctx.actor.membershipId, ctx.tenant.id, comments.authorId),
        notMutedBy(ctx.actor.membershipId, ctx.tenant.id, comments.authorId),
        or(eq(comments.status, 'published'), eq(comments.authorId, ctx.actor.membershipId)),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(500);
}

export async function addComment(ctx: TenantServiceContext, postId: string, body: string) {
  const post = await findReadablePost(ctx, postId);
  const text = body.trim();
  if (!text) throw new AppError(422, 'post_empty');
  const status = await screenText(ctx, text);
  const [comment] = await ctx.tx
    .insert(comments)
    .values({
      tenantId: ctx.tenant.id,
      postId,
      authorId: ctx.actor.membershipId,
      body: text,
      bodyHtml: renderMarkdown(text, ctx.tenant.slug),
      status,
    })
    .returning();
  if (status === 'published') {
    await notify(ctx, [
      {
        recipientId: post.authorId,
        kind: 'comment',
        targetType: 'post',
        targetId: postId,
        data: { snippet: snippet(text) },
      },
    ]);
  }
  return comment!;
}

export async function deleteComment(ctx: TenantServiceContext, postId: string, commentId: string) {
  await findReadablePost(ctx, postId);
  const [comment] = await ctx.tx
    .select()
    .from(comments)
    .where(
      and(eq(comments.tenantId, ctx.tenant.id), eq(comments.postId, postId), eq(comments.id, commentId)),
    );
  if (!comment) throw notFound();
  const own = comment.authorId === ctx.actor.membershipId;
  if (!own && !canModerate(ctx.actor)) throw forbidden();
  await ctx.tx.delete(comments).where(and(eq(comments.tenantId, ctx.tenant.id), eq(comments.id, commentId)));
  if (!own) {
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenant.id,
      actorMembershipId: ctx.actor.membershipId,
      action: 'comment.deleted',
      targetType: 'comment',
      targetId: commentId,
      data: { postId, authorId: comment.authorId },
      ipAddress: ctx.ipAddress,
    });
  }
}

/** Adds or takes back one kind of reaction; a member has at most one of each kind on a post. */
export async function setReaction(
  ctx: TenantServiceContext,
  postId: string,
  kind: ReactionKind,
  on: boolean,
) {
  await findReadablePost(ctx, postId);
  if (on) {
    await ctx.tx
      .insert(reactions)
      .values({ tenantId: ctx.tenant.id, postId, membershipId: ctx.actor.membershipId, kind })
      .onConflictDoNothing();
  } else {
    await ctx.tx
      .delete(reactions)
      .where(
        and(
          eq(reactions.tenantId, ctx.tenant.id),
          eq(reactions.postId, postId),
          eq(reactions.membershipId, ctx.actor.membershipId),
          eq(reactions.kind, kind),
        ),
      );
  }
}
