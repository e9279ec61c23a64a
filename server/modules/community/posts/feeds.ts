import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { groupMembers, hashtagFollows, postHashtags, posts } from '../../../db/schema/index.js';
import { decodeCursor, pageOf } from '../../../platform/http/cursor.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { notMutedBy } from '../blocks.js';
import { canReadGroupPosts, loadGroup } from '../groups/groups.js';
import { findHashtag } from '../hashtags/hashtags.js';
import { postVisibleTo } from './post-visibility.js';

type FeedQuery = { cursor?: string | undefined; limit: number };
/** `announcements: false` leaves the company's announcements out (mail to members without that consent). */
type HomeFeedOptions = { announcements?: boolean };
type Entry = { id: string; createdAt: Date };

/** Strictly older than the cursor's (time, id): the keyset that pages without gaps or repeats. */
function after(cursor: string | undefined, at: AnyPgColumn, id: AnyPgColumn): SQL | undefined {
  const position = decodeCursor(cursor, 2);
  if (!position) return undefined;
  const [time, postId] = position as [string, string];
  const when = sql`${new Date(time).toISOString()}::timestamptz`;
  return sql`(${at} < ${when} or (${at} = ${when} and ${id} < ${postId}::uuid))`;
}

function page(rows: Entry[], limit: number) {
  return pageOf(rows, limit, (row) => [row.createdAt.toISOString(), row.id]);
}

/**
 * The home feed: company announcements, posts in the member's groups, posts under the hashtags they
 * follow, and their own posts; newest first, each post once. Each source is read newest-first from its
 * own index with the page's limit (one index range per group and per followed hashtag), then merged,
 * so a page costs the same however large the network grows.
 */
export async function homeFeed(ctx: TenantServiceContext, query: FeedQuery, options: HomeFeedOptions = {}) {
  const result = await ctx.tx.execute<{ id: string; created_at: string }>(homeFeedQuery(ctx, query, options));
  const rows = (result as unknown as { rows: { id: string; created_at: string | Date }[] }).rows.map(
    (row) => ({
      id: row.id,
      createdAt: new Date(row.created_at),
    }),
  );
  return page(rows, query.limit);
}

/** The home feed's SQL (exported for the benchmark's query plans). */
export function homeFeedQuery(
  ctx: TenantServiceContext,
  query: FeedQuery,
  options: HomeFeedOptions = {},
): SQL {
  const tenantId = ctx.tenant.id;
  const me = ctx.actor.membershipId;
  const n = query.limit + 1;
  const visible = postVisibleTo(ctx.actor, tenantId);
  const taggedVisible = sql`${postVisibleTo(ctx.actor, tenantId, postHashtags)} and ${notMutedBy(me, tenantId, postHashtags.authorId)}`;
  const notMuted = notMutedBy(me, tenantId, posts.authorId);
  const cursor = (at: AnyPgColumn, id: AnyPgColumn) => after(query.cursor, at, id) ?? sql`true`;
  const order = sql`order by ${posts.createdAt} desc, ${posts.id} desc limit ${n}`;
  const withAnnouncements = options.announcements !== false;
  // Announcements reach the feed on their own branch, and also through a followed hashtag or as one's own.
  const announcements = withAnnouncements
    ? sql`(select ${posts.id}, ${posts.createdAt} from ${posts}
        where ${posts.tenantId} = ${tenantId} and ${posts.kind} = 'announcement' and ${cursor(posts.createdAt, posts.id)} and ${visible}
        ${order})
      union`
    : sql``;
  const ownKind = withAnnouncements ? sql`true` : sql`${posts.kind} = 'post'`;
  const taggedKind = withAnnouncements
    ? sql`true`
    : sql`not exists (select 1 from ${posts} a where a.tenant_id = ${tenantId} and a.id = ${postHashtags.postId} and a.kind = 'announcement')`;
  return sql`
    select id, created_at from (
      ${announcements}
      (select ${posts.id}, ${posts.createdAt} from ${posts}
        where ${posts.tenantId} = ${tenantId} and ${posts.authorId} = ${me} and ${ownKind} and ${cursor(posts.createdAt, posts.id)}
        ${order})
      union
      (select mine.id, mine.created_at from ${groupMembers} gm cross join lateral (
        select ${posts.id}, ${posts.createdAt} from ${posts}
        where ${posts.tenantId} = ${tenantId} and ${posts.groupId} = gm.group_id and ${cursor(posts.createdAt, posts.id)} and ${visible} and ${notMuted}
        ${order}) mine
        where gm.tenant_id = ${tenantId} and gm.membership_id = ${me} and gm.status = 'active')
      union
      (select tagged.id, tagged.created_at from ${hashtagFollows} hf cross join lateral (
        select ${postHashtags.postId} as id, ${postHashtags.createdAt} from ${postHashtags}
        where ${postHashtags.tenantId} = ${tenantId} and ${postHashtags.hashtagId} = hf.hashtag_id
          and ${cursor(postHashtags.createdAt, postHashtags.postId)} and ${taggedVisible} and ${taggedKind}
        order by ${postHashtags.createdAt} desc, ${postHashtags.postId} desc limit ${n}) tagged
        where hf.tenant_id = ${tenantId} and hf.membership_id = ${me})
    ) feed
    -- Pinned announcements are shown above the feed, not a second time inside it.
    where not exists (select 1 from ${posts} pinned where pinned.tenant_id = ${tenantId} and pinned.id = feed.id
      and pinned.pinned_at is not null)
    order by created_at desc, id desc
    limit ${n}`;
}

/** A group's posts, for those who may read them. */
export async function groupFeed(ctx: TenantServiceContext, groupId: string, query: FeedQuery) {
  const { group, membership } = await loadGroup(ctx, groupId);
  if (!canReadGroupPosts(group, membership)) return { items: [] as Entry[], nextCursor: null };
  const rows = await ctx.tx
    .select({ id: posts.id, createdAt: posts.createdAt })
    .from(posts)
    .where(
      and(
        eq(posts.tenantId, ctx.tenant.id),
        eq(posts.groupId, groupId),
        after(query.cursor, posts.createdAt, posts.id),
        postVisibleTo(ctx.actor, ctx.tenant.id),
      ),
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(query.limit + 1);
  return page(rows, query.limit);
}

/** Posts under a hashtag that the viewer may read, newest first. */
export async function hashtagFeed(ctx: TenantServiceContext, typed: string, query: FeedQuery) {
  const hashtag = await findHashtag(ctx, typed);
  const rows = await ctx.tx
    .select({ id: postHashtags.postId, createdAt: postHashtags.createdAt })
    .from(postHashtags)
    .where(
      and(
        eq(postHashtags.tenantId, ctx.tenant.id),
        eq(postHashtags.hashtagId, hashtag.id),
        after(query.cursor, postHashtags.createdAt, postHashtags.postId),
        postVisibleTo(ctx.actor, ctx.tenant.id, postHashtags),
        notMutedBy(ctx.actor.membershipId, ctx.tenant.id, postHashtags.authorId),
      ),
    )
    .orderBy(desc(postHashtags.createdAt), desc(postHashtags.postId))
    .limit(query.limit + 1);
  return page(rows, query.limit);
}

/** Pinned announcements, shown above the home feed. */
export async function pinnedPosts(ctx: TenantServiceContext) {
  const rows = await ctx.tx
    .select({ id: posts.id })
    .from(posts)
    .where(
      and(
        eq(posts.tenantId, ctx.tenant.id),
        eq(posts.kind, 'announcement'),
        sql`${posts.pinnedAt} is not null`,
        postVisibleTo(ctx.actor, ctx.tenant.id),
      ),
    )
    .orderBy(desc(posts.pinnedAt))
    .limit(5);
  return rows.map((row) => row.id);
}
