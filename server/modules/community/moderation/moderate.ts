import { and, eq, exists } from 'drizzle-orm';
import { qualified } from '../../../db/qualified.js';
import {
  comments,
  memberships,
  messages,
  newsComments,
  postHashtags,
  posts,
  reports,
} from '../../../db/schema/index.js';
import { recordAudit } from '../../../platform/audit.js';
import type { AuditAction, AuditTargetType } from '../../../platform/audit-actions.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { notify } from '../notifications/notify.js';

type ContentAction = { action: 'hide' | 'publish'; reason: string };

async function audit(
  ctx: TenantServiceContext,
  action: AuditAction,
  targetType: AuditTargetType,
  targetId: string,
  data: object,
) {
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action,
    targetType,
    targetId,
    data: data as Record<string, unknown>,
    ipAddress: ctx.ipAddress,
  });
}

/** Reports about something a moderator acted on are closed with it, so the queue does not repeat work. */
async function closeReportsOn(
  ctx: TenantServiceContext,
  targetId: string,
  status: 'actioned' | 'dismissed',
  resolution: string,
) {
  await ctx.tx
    .update(reports)
    .set({ status, resolution, resolvedBy: ctx.actor.membershipId, resolvedAt: new Date() })
    .where(
      and(eq(reports.tenantId, ctx.tenant.id), eq(reports.targetId, targetId), eq(reports.status, 'open')),
    );
}

/** Hide a post (its author sees the reason) or publish it (a held post, or one hidden by mistake). */
export async function moderatePost(ctx: TenantServiceContext, postId: string, input: ContentAction) {
  const [post] = await ctx.tx
    .update(posts)
    .set({
      status: input.action === 'hide' ? 'hidden' : 'published',
      moderationReason: input.action === 'hide' ? input.reason.trim() : null,
      moderatedBy: ctx.actor.membershipId,
      moderatedAt: new Date(),
    })
    .where(and(eq(posts.tenantId, ctx.tenant.id), eq(posts.id, postId)))
    .returning({ id: posts.id, authorId: posts.authorId });
  if (!post) throw notFound();
  await ctx.tx
    .update(postHashtags)
    .set({ status: input.action === 'hide' ? 'hidden' : 'published' })
    .where(and(eq(postHashtags.tenantId, ctx.tenant.id), eq(postHashtags.postId, postId)));
  await closeReportsOn(ctx, postId, input.action === 'hide' ? 'actioned' : 'dismissed', input.reason.trim());
  if (input.action === 'hide') {
    await notify(ctx, [
      {
        recipientId: post.authorId,
        kind: 'post_hidden',
        targetType: 'post',
        targetId: postId,
        data: { reason: input.reason.trim() },
      },
    ]);
  }
  await audit(ctx, `moderation.post_${input.action === 'hide' ? 'hidden' : 'published'}`, 'post', postId, {
    authorId: post.authorId,
    reason: input.reason.trim(),
  });
}

export async function moderateComment(ctx: TenantServiceContext, commentId: string, input: ContentAction) {
  const [comment] = await ctx.tx
    .update(comments)
    .set({
      status: input.action === 'hide' ? 'hidden' : 'published',
      moderationReason: input.action === 'hide' ? input.reason.trim() : null,
      moderatedBy: ctx.actor.membershipId,
      moderatedAt: new Date(),
    })
    .where(and(eq(comments.tenantId, ctx.tenant.id), eq(comments.id, commentId)))
    .returning({ id: comments.id, authorId: comments.authorId });
  if (!comment) throw notFound();
  await closeReportsOn(
    ctx,
    commentId,
    input.action === 'hide' ? 'actioned' : 'dismissed',
    input.reason.trim(),
  );
  await audit(
    ctx,
    `moderation.comment_${input.action === 'hide' ? 'hidden' : 'published'}`,
    'comment',
    commentId,
    {
      authorId: comment.authorId,
      reason: input.reason.trim(),
    },
  );
}

/**
 * Hide a comment on a news article (its author still sees it, with the reason; nobody else does) or
 * show it again. Reports about it close with the decision, as for comments on posts.
 */
export async function moderateArticleComment(
  ctx: TenantServiceContext,
  commentId: string,
  input: ContentAction,
) {
  const [comment] = await ctx.tx
    .update(newsComments)
    .set({
      status: input.action === 'hide' ? 'hidden' : 'published',
      moderationReason: input.action === 'hide' ? input.reason.trim() : null,
      moderatedBy: ctx.actor.membershipId,
      moderatedAt: new Date(),
    })
    .where(and(eq(newsComments.tenantId, ctx.tenant.id), eq(newsComments.id, commentId)))
    .returning({ id: newsComments.id, authorId: newsComments.authorId, articleId: newsComments.articleId });
  if (!comment) throw notFound();
  await closeReportsOn(
    ctx,
    commentId,
    input.action === 'hide' ? 'actioned' : 'dismissed',
    input.reason.trim(),
  );
  await audit(
    ctx,
    `moderation.article_comment_${input.action === 'hide' ? 'hidden' : 'published'}`,
    'news_comment',
    commentId,
    { authorId: comment.authorId, articleId: comment.articleId, reason: input.reason.trim() },
  );
}

/**
 * Hide a reported message (both members then see a gap; its sender sees the reason) or restore it.
 * Direct messages are private: a moderator may act only on one its reader reported, and any other
 * message is "not found" to them.
 */
export async function moderateMessage(ctx: TenantServiceContext, messageId: string, input: ContentAction) {
  const reported = ctx.tx
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.tenantId, ctx.tenant.id),
        eq(reports.targetType, 'message'),
        eq(reports.targetId, qualified(messages.id)),
      ),
    );
  const [message] = await ctx.tx
    .update(messages)
    .set({
      status: input.action === 'hide' ? 'hidden' : 'published',
      moderationReason: input.action === 'hide' ? input.reason.trim() : null,
      moderatedBy: ctx.actor.membershipId,
      moderatedAt: new Date(),
    })
    .where(and(eq(messages.tenantId, ctx.tenant.id), eq(messages.id, messageId), exists(reported)))
    .returning({ id: messages.id, senderId: messages.senderId });
  if (!message) throw notFound();
  await closeReportsOn(
    ctx,
    messageId,
    input.action === 'hide' ? 'actioned' : 'dismissed',
    input.reason.trim(),
  );
  await audit(
    ctx,
    `moderation.message_${input.action === 'hide' ? 'hidden' : 'published'}`,
    'message',
    messageId,
    { senderId: message.senderId, reason: input.reason.trim() },
  );
}

/** Suspend a member: they can no longer enter the network. Staff accounts are HR's to manage, not moderators'. */
export async function suspendMember(ctx: TenantServiceContext, membershipId: string, reason: string) {
  const [member] = await ctx.tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, membershipId)));
  if (!member || member.status === 'removed' || member.id === ctx.actor.membershipId) throw notFound();
  if (member.role === 'owner' || member.role === 'admin') throw new AppError(403, 'suspend_staff');
  await ctx.tx
    .update(memberships)
    .set({ status: 'suspended' })
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, membershipId)));
  await closeReportsOn(ctx, membershipId, 'actioned', reason.trim());
  await audit(ctx, 'moderation.member_suspended', 'membership', membershipId, { reason: reason.trim() });
}

export async function dismissReport(ctx: TenantServiceContext, reportId: string, note: string) {
  const [report] = await ctx.tx
    .update(reports)
    .set({
      status: 'dismissed',
      resolution: note.trim(),
      resolvedBy: ctx.actor.membershipId,
      resolvedAt: new Date(),
    })
    .where(and(eq(reports.tenantId, ctx.tenant.id), eq(reports.id, reportId), eq(reports.status, 'open')))
    .returning({ id: reports.id });
  if (!report) throw notFound();
  await audit(ctx, 'moderation.report_dismissed', 'report', reportId, { note: note.trim() });
}
