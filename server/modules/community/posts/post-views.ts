import { and, count, eq, inArray, sql } from 'drizzle-orm';
import {
  comments,
  groups,
  memberProfiles,
  memberships,
  posts,
  type ReactionKind,
  reactions,
} from '../../../db/schema/index.js';
import { isStaff } from '../../tenancy/policies.js';
import type { Actor, TenantRef, TenantServiceContext } from '../../tenancy/tenant-context.js';
import { badgeOf } from '../presenters.js';
import { canSee } from '../profile-visibility.js';
import { imagesOfPosts, postImageUrl } from './post-images.js';

/** Everything a list of posts shows, loaded in a few queries and returned in the order given. */
export async function loadPostViews(ctx: TenantServiceContext, ids: string[]) {
  if (ids.length === 0) return [];
  const tenantId = ctx.tenant.id;
  const rows = await ctx.tx
    .select({
      post: posts,
      author: { id: memberships.id, displayName: memberships.displayName, role: memberships.role },
      authorProfile: { photoId: memberProfiles.photoId, visibility: memberProfiles.visibility },
      group: { id: groups.id, name: groups.name },
    })
    .from(posts)
    .innerJoin(memberships, and(eq(memberships.tenantId, posts.tenantId), eq(memberships.id, posts.authorId)))
    .leftJoin(
      memberProfiles,
      and(eq(memberProfiles.tenantId, posts.tenantId), eq(memberProfiles.membershipId, posts.authorId)),
    )
    .leftJoin(groups, and(eq(groups.tenantId, posts.tenantId), eq(groups.id, posts.groupId)))
    .where(and(eq(posts.tenantId, tenantId), inArray(posts.id, ids)));
  // Counts per kind and whether the viewer is among them, in one pass over the posts' reactions.
  const counts = await ctx.tx
    .select({
      postId: reactions.postId,
      kind: reactions.kind,
      n: count(),
      mine: sql<boolean>`bool_or(${reactions.membershipId} = ${ctx.actor.membershipId})`,
    })
    .from(reactions)
    .where(and(eq(reactions.tenantId, tenantId), inArray(reactions.postId, ids)))
    .groupBy(reactions.postId, reactions.kind);
  const commentCounts = await ctx.tx
    .select({ postId: comments.postId, n: count() })
    .from(comments)
    .where(and(eq(comments.tenantId, tenantId), inArray(comments.postId, ids)))
    .groupBy(comments.postId);
  const images = await imagesOfPosts(ctx, ids);
  const byId = new Map(rows.map((row) => [row.post.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const reactionCounts: Partial<Record<ReactionKind, number>> = {};
    for (const c of counts) if (c.postId === id) reactionCounts[c.kind] = Number(c.n);
    return [
      {
        ...row,
        reactionCounts,
        myReactions: counts.filter((c) => c.postId === id && c.mine).map((c) => c.kind),
        commentCount: Number(commentCounts.find((c) => c.postId === id)?.n ?? 0),
        images: images.filter((image) => image.postId === id),
      },
    ];
  });
}
export type PostView = Awaited<ReturnType<typeof loadPostViews>>[number];

/** A post as a member sees it: the author's photo only if they show it, the source text only to its author. */
export function presentPost(viewer: Actor, tenant: TenantRef, view: PostView) {
  const own = view.post.authorId === viewer.membershipId;
  const moderates = isStaff(viewer) || viewer.role === 'moderator';
  const photoShown =
    view.authorProfile?.photoId &&
    canSee(viewer, { membershipId: view.author.id, visibility: view.authorProfile.visibility }, 'photo');
  return {
    id: view.post.id,
    kind: view.post.kind,
    author: {
      id: view.author.id,
      displayName: view.author.displayName,
      badge: badgeOf(view.author.role),
      ...(photoShown
        ? { photoUrl: `/api/v1/t/${tenant.slug}/community/photos/${view.authorProfile!.photoId}` }
        : {}),
    },
    group: view.group?.id ? { id: view.group.id, name: view.group.name } : null,
    bodyHtml: view.post.bodyHtml,
    images: view.images.map((image) => ({
      id: image.id,
      url: postImageUrl(tenant.slug, image.id),
      width: image.width,
      height: image.height,
    })),
    ...(own ? { body: view.post.body } : {}),
    createdAt: view.post.createdAt.toISOString(),
    editedAt: view.post.editedAt?.toISOString() ?? null,
    pinned: view.post.pinnedAt !== null,
    reactions: view.reactionCounts,
    myReactions: view.myReactions,
    commentCount: view.commentCount,
    canEdit: own,
    canDelete: own || moderates,
    canPin: isStaff(viewer) && view.post.kind === 'announcement',
    // The author learns why a moderator took the post down, or that it waits for review.
    ...(own && view.post.status !== 'published'
      ? { moderation: { status: view.post.status, reason: view.post.moderationReason } }
      : {}),
  };
}
