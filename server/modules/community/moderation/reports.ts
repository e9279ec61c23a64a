import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import {
  comments,
  memberships,
  messages,
  posts,
  type ReportReason,
  type ReportTarget,
  reports,
} from '../../../db/schema/index.js';
import { AppError, notFound } from '../../../platform/errors.js';
import {
  findReportableArticleComment,
  reportedArticleComments,
} from '../../news/article-comment-moderation.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { loadConversation } from '../messages/conversations.js';
import { findReadablePost } from '../posts/write-posts.js';

/**
 * A member reports what they can see: a post, a comment on a post or article they can read, a message
 * sent to them, or a member.
 */
export async function reportContent(
  ctx: TenantServiceContext,
  input: { targetType: ReportTarget; targetId: string; reason: ReportReason; note: string },
) {
  if (input.targetType === 'post') await findReadablePost(ctx, input.targetId);
  if (input.targetType === 'comment') {
    const [comment] = await ctx.tx
      .select({ postId: comments.postId })
      .from(comments)
      .where(and(eq(comments.tenantId, ctx.tenant.id), eq(comments.id, input.targetId)));
    if (!comment) throw notFound();
    await findReadablePost(ctx, comment.postId);
  }
  if (input.targetType === 'article_comment') await findReportableArticleComment(ctx, input.targetId);
  if (input.targetType === 'message') await findReportableMessage(ctx, input.targetId);
  if (input.targetType === 'member') {
    const [member] = await ctx.tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, input.targetId)));
    if (!member || member.id === ctx.actor.membershipId) throw notFound();
  }
  const [existing] = await ctx.tx
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.tenantId, ctx.tenant.id),
        eq(reports.reporterId, ctx.actor.membershipId),
        eq(reports.targetType, input.targetType),
        eq(reports.targetId, input.targetId),
        eq(reports.status, 'open'),
      ),
    );
  if (existing) throw new AppError(409, 'report_duplicate');
  const [report] = await ctx.tx
    .insert(reports)
    .values({
      tenantId: ctx.tenant.id,
      reporterId: ctx.actor.membershipId,
      ...input,
      note: input.note.trim(),
    })
    .returning();
  return report!;
}

/**
 * A message its reader may report: one sent to them by the other member of a direct conversation.
 * The private line to the company is HR's to handle, not the moderators'.
 */
async function findReportableMessage(ctx: TenantServiceContext, messageId: string) {
  const [message] = await ctx.tx
    .select({ conversationId: messages.conversationId, senderId: messages.senderId })
    .from(messages)
    .where(and(eq(messages.tenantId, ctx.tenant.id), eq(messages.id, messageId)));
  if (!message) throw notFound();
  const { conversation } = await loadConversation(ctx, message.conversationId);
  if (conversation.kind !== 'direct' || message.senderId === ctx.actor.membershipId) {
    throw new AppError(422, 'message_not_reportable');
  }
}

/** A reported message and the two before it in its thread, so a moderator reads it in context. */
async function reportedMessages(ctx: TenantServiceContext, ids: string[]) {
  if (ids.length === 0) return [];
  const reported = await ctx.tx
    .select({ id: messages.id, conversationId: messages.conversationId, createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.tenantId, ctx.tenant.id), inArray(messages.id, ids)));
  const result = [];
  for (const target of reported) {
    const thread = await ctx.tx
      .select({ message: messages, sender: memberships.displayName })
      .from(messages)
      .innerJoin(
        memberships,
        and(eq(memberships.tenantId, messages.tenantId), eq(memberships.id, messages.senderId)),
      )
      .where(
        and(
          eq(messages.tenantId, ctx.tenant.id),
          eq(messages.conversationId, target.conversationId),
          lte(messages.createdAt, target.createdAt),
        ),
      )
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(3);
    const own = thread.find((row) => row.message.id === target.id);
    if (!own) continue;
    result.push({
      ...own,
      context: thread
        .filter((row) => row.message.id !== target.id)
        .reverse()
        .map((row) => ({ sender: row.sender, body: row.message.body, createdAt: row.message.createdAt })),
    });
  }
  return result;
}

/**
 * The moderators' queue: open reports (or resolved ones), each with the reported content in context,
 * plus posts and comments the word list held back. Comments on news articles come through the same
 * reports, so one queue serves the whole network. Reporters stay anonymous to everyone but moderators.
 */
export async function moderationQueue(ctx: TenantServiceContext, status: 'open' | 'resolved') {
  const rows = await ctx.tx
    .select({ report: reports, reporter: memberships.displayName })
    .from(reports)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, reports.tenantId), eq(memberships.id, reports.reporterId)),
    )
    .where(
      and(
        eq(reports.tenantId, ctx.tenant.id),
        status === 'open' ? eq(reports.status, 'open') : inArray(reports.status, ['actioned', 'dismissed']),
      ),
    )
    .orderBy(desc(reports.createdAt))
    .limit(200);
  const ids = (type: ReportTarget) =>
    rows.filter((r) => r.report.targetType === type).map((r) => r.report.targetId);
  const heldPosts = await ctx.tx
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.tenantId, ctx.tenant.id), eq(posts.status, 'held')))
    .limit(200);
  const postIds = [...new Set([...ids('post'), ...heldPosts.map((p) => p.id)])];
  const postRows = postIds.length
    ? await ctx.tx
        .select({ post: posts, author: memberships.displayName })
        .from(posts)
        .innerJoin(
          memberships,
          and(eq(memberships.tenantId, posts.tenantId), eq(memberships.id, posts.authorId)),
        )
        .where(and(eq(posts.tenantId, ctx.tenant.id), inArray(posts.id, postIds)))
    : [];
  const heldComments = await ctx.tx
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.tenantId, ctx.tenant.id), eq(comments.status, 'held')))
    .limit(200);
  const commentIds = [...new Set([...ids('comment'), ...heldComments.map((c) => c.id)])];
  const commentRows = commentIds.length
    ? await ctx.tx
        .select({ comment: comments, author: memberships.displayName })
        .from(comments)
        .innerJoin(
          memberships,
          and(eq(memberships.tenantId, comments.tenantId), eq(memberships.id, comments.authorId)),
        )
        .where(and(eq(comments.tenantId, ctx.tenant.id), inArray(comments.id, commentIds)))
    : [];
  const memberRows = ids('member').length
    ? await ctx.tx
        .select({
          id: memberships.id,
          displayName: memberships.displayName,
          role: memberships.role,
          status: memberships.status,
        })
        .from(memberships)
        .where(and(eq(memberships.tenantId, ctx.tenant.id), inArray(memberships.id, ids('member'))))
    : [];
  return {
    reports: rows,
    posts: postRows,
    comments: commentRows,
    articleComments: await reportedArticleComments(ctx, ids('article_comment')),
    messages: await reportedMessages(ctx, ids('message')),
    members: memberRows,
    held: { posts: heldPosts.map((p) => p.id), comments: heldComments.map((c) => c.id) },
  };
}
