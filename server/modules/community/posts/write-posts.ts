import { and, eq } from 'drizzle-orm';
import { postHashtags, posts } from '../../../db/schema/index.js';
import { recordAudit } from '../../../platform/audit.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { isStaff } from '../../tenancy/policies.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { isBlockedBetween } from '../blocks.js';
import { canReadGroupPosts, loadGroup } from '../groups/groups.js';
import { upsertHashtags } from '../hashtags/hashtags.js';
import { hashtagsInText } from '../hashtags/normalise-hashtag.js';
import { canModerate } from '../moderation/moderation-policy.js';
import { screenText } from '../moderation/word-list.js';
import { notifyMentions, resolveMentions } from './mentions.js';
import { attachPostImages, imagesOfPosts } from './post-images.js';
import { mentionedIds, renderMarkdown } from './render-markdown.js';

export type PostRow = typeof posts.$inferSelect;

/** What post_hashtags copies from its post (see the table): kept in step on edit and moderation. */
export const postHashtagCopy = (
  post: Pick<PostRow, 'id' | 'createdAt' | 'authorId' | 'groupId' | 'status'>,
) => ({
  postId: post.id,
  createdAt: post.createdAt,
  authorId: post.authorId,
  groupId: post.groupId,
  status: post.status,
});

/** A post in the network or in a group the author belongs to; staff may post announcements. */
export async function createPost(
  ctx: TenantServiceContext,
  input: {
    body: string;
    groupId?: string | undefined;
    announcement?: boolean | undefined;
    imageIds?: string[] | undefined;
  },
) {
  const body = input.body.trim();
  const imageIds = input.imageIds ?? [];
  // A picture can speak for itself; otherwise a post needs words.
  if (!body && imageIds.length === 0) throw new AppError(422, 'post_empty');
  if (input.announcement && (!isStaff(ctx.actor) || input.groupId)) throw forbidden('post_not_allowed');
  if (input.groupId) {
    const { membership } = await loadGroup(ctx, input.groupId);
    if (membership?.status !== 'active') throw forbidden('post_not_allowed');
  }
  const status = await screenText(ctx, body);
  const mentions = await resolveMentions(ctx, body);
  const [post] = await ctx.tx
    .insert(posts)
    .values({
      tenantId: ctx.tenant.id,
      authorId: ctx.actor.membershipId,
      groupId: input.groupId ?? null,
      kind: input.announcement ? 'announcement' : 'post',
      body,
      bodyHtml: renderMarkdown(body, ctx.tenant.slug, mentions),
      status,
    })
    .returning();
  await attachPostImages(ctx, post!.id, imageIds);
  await writePostHashtags(ctx, post!);
  await notifyMentions(ctx, post!, mentions);
  return post!;
}

async function writePostHashtags(ctx: TenantServiceContext, post: PostRow) {
  await ctx.tx
    .delete(postHashtags)
    .where(and(eq(postHashtags.tenantId, ctx.tenant.id), eq(postHashtags.postId, post.id)));
  const tags = await upsertHashtags(ctx.tx, ctx.tenant.id, hashtagsInText(post.body).slice(0, 20));
  if (tags.length > 0) {
    await ctx.tx
      .insert(postHashtags)
      .values(tags.map((tag) => ({ tenantId: ctx.tenant.id, hashtagId: tag.id, ...postHashtagCopy(post) })));
  }
}

/** A post the viewer may read (404 otherwise, the same as a post that does not exist). */
export async function findReadablePost(ctx: TenantServiceContext, postId: string) {
  const [post] = await ctx.tx
    .select()
    .from(posts)
    .where(and(eq(posts.tenantId, ctx.tenant.id), eq(posts.id, postId)));
  if (!post) throw notFound();
  if (post.status !== 'published' && post.authorId !== ctx.actor.membershipId && !canModerate(ctx.actor)) {
    throw notFound();
  }
  if (post.groupId) {
    const { group, membership } = await loadGroup(ctx, post.groupId);
    if (!canReadGroupPosts(group, membership)) throw notFound();
  }
  if (
    post.authorId !== ctx.actor.membershipId &&
    (await isBlockedBetween(ctx.tx, ctx.tenant.id, post.authorId, ctx.actor.membershipId))
  ) {
    throw notFound();
  }
  return post;
}

export async function editPost(ctx: TenantServiceContext, postId: string, body: string) {
  const post = await findReadablePost(ctx, postId);
  if (post.authorId !== ctx.actor.membershipId) throw forbidden();
  const text = body.trim();
  if (!text && (await imagesOfPosts(ctx, [postId])).length === 0) throw new AppError(422, 'post_empty');
  // A post a moderator hid stays hidden; otherwise the edited text is screened like a new one.
  const status = post.status === 'hidden' ? 'hidden' : await screenText(ctx, text);
  const mentions = await resolveMentions(ctx, text);
  const [updated] = await ctx.tx
    .update(posts)
    .set({
      body: text,
      bodyHtml: renderMarkdown(text, ctx.tenant.slug, mentions),
      editedAt: new Date(),
      status,
    })
    .where(and(eq(posts.tenantId, ctx.tenant.id), eq(posts.id, postId)))
    .returning();
  await writePostHashtags(ctx, updated!);
  // Only people the edit adds are told; those mentioned before already were.
  await notifyMentions(ctx, updated!, mentions, new Set(mentionedIds(post.body)));
  return updated!;
}

/** Authors delete their own posts; staff and moderators may delete any, and that is audited. */
export async function deletePost(ctx: TenantServiceContext, postId: string) {
  const post = await findReadablePost(ctx, postId);
  const own = post.authorId === ctx.actor.membershipId;
  if (!own && !canModerate(ctx.actor)) throw forbidden();
  await ctx.tx.delete(posts).where(and(eq(posts.tenantId, ctx.tenant.id), eq(posts.id, postId)));
  if (!own) {
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenant.id,
      actorMembershipId: ctx.actor.membershipId,
      action: 'post.deleted',
      targetType: 'post',
      targetId: postId,
      data: { authorId: post.authorId },
      ipAddress: ctx.ipAddress,
    });
  }
}

/** Staff pin an announcement to the top of everyone's feed, or unpin it. */
export async function pinPost(ctx: TenantServiceContext, postId: string, pinned: boolean) {
  if (!isStaff(ctx.actor)) throw forbidden();
  const post = await findReadablePost(ctx, postId);
  if (post.kind !== 'announcement') throw forbidden('post_not_allowed');
  await ctx.tx
    .update(posts)
    .set({ pinnedAt: pinned ? new Date() : null })
    .where(and(eq(posts.tenantId, ctx.tenant.id), eq(posts.id, postId)));
}
