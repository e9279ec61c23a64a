import { and, count, eq } from 'drizzle-orm';
import { hashtagFollows } from '../../../db/schema/index.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { searchDirectory } from '../directory.js';
import { findHashtag, followedHashtags } from './hashtags.js';

/** A hashtag page shows a first few people; "see all" opens the directory filtered by the tag. */
export const hashtagPagePeople = 12;

/** A hashtag page's people and follow state (its posts and groups are fetched beside it). */
export async function loadHashtagPage(ctx: TenantServiceContext, typed: string) {
  const hashtag = await findHashtag(ctx, typed);
  const following = await followedHashtags(ctx);
  const [followers] = await ctx.tx
    .select({ n: count() })
    .from(hashtagFollows)
    .where(and(eq(hashtagFollows.tenantId, ctx.tenant.id), eq(hashtagFollows.hashtagId, hashtag.id)));
  const page = await searchDirectory(ctx, { hashtag: hashtag.key, limit: hashtagPagePeople });
  return {
    hashtag: { key: hashtag.key, label: hashtag.label },
    following: following.some((tag) => tag.key === hashtag.key),
    followers: Number(followers?.n ?? 0),
    people: page.people,
    nextCursor: page.nextCursor,
  };
}
