import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { qualified } from '../../../db/qualified.js';
import { hashtagFollows, hashtags, memberHashtags, postHashtags } from '../../../db/schema/index.js';
import { invalid, notFound } from '../../../platform/errors.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { type NormalisedHashtag, normaliseHashtag } from './normalise-hashtag.js';

export const maxProfileHashtags = 15;

/** Hashtag rows for these tags, creating the ones the network does not have yet. */
export async function upsertHashtags(tx: Queryable, tenantId: string, tags: NormalisedHashtag[]) {
  if (tags.length === 0) return [];
  await tx
    .insert(hashtags)
    .values(tags.map((tag) => ({ tenantId, key: tag.key, label: tag.label })))
    .onConflictDoNothing();
  return tx
    .select()
    .from(hashtags)
    .where(
      and(
        eq(hashtags.tenantId, tenantId),
        inArray(
          hashtags.key,
          tags.map((tag) => tag.key),
        ),
      ),
    );
}

/** Reads a list of typed hashtags, reporting the ones that are not hashtags under `path`. */
export function parseHashtagList(inputs: string[], path: string): NormalisedHashtag[] {
  const tags = new Map<string, NormalisedHashtag>();
  inputs.forEach((input, index) => {
    const tag = normaliseHashtag(input);
    if (!tag) throw invalid([{ path: `${path}.${index}`, code: 'field_invalid_hashtag' }]);
    if (!tags.has(tag.key)) tags.set(tag.key, tag);
  });
  if (tags.size > maxProfileHashtags) {
    throw invalid([{ path, code: 'field_too_many', params: { max: maxProfileHashtags } }]);
  }
  return [...tags.values()];
}

/** Replaces the hashtags a member carries on their profile, keeping the order they gave. */
export async function setMemberHashtags(ctx: TenantServiceContext, tags: NormalisedHashtag[]) {
  const rows = await upsertHashtags(ctx.tx, ctx.tenant.id, tags);
  const idOf = new Map(rows.map((row) => [row.key, row.id]));
  await ctx.tx
    .delete(memberHashtags)
    .where(
      and(
        eq(memberHashtags.tenantId, ctx.tenant.id),
        eq(memberHashtags.membershipId, ctx.actor.membershipId),
      ),
    );
  if (tags.length > 0) {
    await ctx.tx.insert(memberHashtags).values(
      tags.map((tag, position) => ({
        tenantId: ctx.tenant.id,
        hashtagId: idOf.get(tag.key)!,
        membershipId: ctx.actor.membershipId,
        position,
      })),
    );
  }
  return rows;
}

/** Follows these hashtag rows (already followed ones stay as they are). */
export async function followHashtagRows(ctx: TenantServiceContext, rows: { id: string }[]) {
  if (rows.length === 0) return;
  await ctx.tx
    .insert(hashtagFollows)
    .values(
      rows.map((row) => ({
        tenantId: ctx.tenant.id,
        membershipId: ctx.actor.membershipId,
        hashtagId: row.id,
      })),
    )
    .onConflictDoNothing();
}

/** The hashtags of these members, in each member's order. */
export async function hashtagsOfMembers(tx: Queryable, tenantId: string, membershipIds: string[]) {
  const byMember = new Map<string, { key: string; label: string }[]>();
  if (membershipIds.length === 0) return byMember;
  const rows = await tx
    .select({ membershipId: memberHashtags.membershipId, key: hashtags.key, label: hashtags.label })
    .from(memberHashtags)
    .innerJoin(
      hashtags,
      and(eq(hashtags.tenantId, memberHashtags.tenantId), eq(hashtags.id, memberHashtags.hashtagId)),
    )
    .where(and(eq(memberHashtags.tenantId, tenantId), inArray(memberHashtags.membershipId, membershipIds)))
    .orderBy(asc(memberHashtags.position));
  for (const row of rows) {
    const list = byMember.get(row.membershipId) ?? [];
    list.push({ key: row.key, label: row.label });
    byMember.set(row.membershipId, list);
  }
  return byMember;
}

export async function findHashtag(ctx: TenantServiceContext, typed: string) {
  const tag = normaliseHashtag(typed);
  if (!tag) throw notFound();
  const [row] = await ctx.tx
    .select()
    .from(hashtags)
    .where(and(eq(hashtags.tenantId, ctx.tenant.id), eq(hashtags.key, tag.key)));
  if (!row) throw notFound();
  return row;
}

export async function followHashtag(ctx: TenantServiceContext, typed: string) {
  const tag = normaliseHashtag(typed);
  if (!tag) throw notFound();
  const [row] = await upsertHashtags(ctx.tx, ctx.tenant.id, [tag]);
  await ctx.tx
    .insert(hashtagFollows)
    .values({ tenantId: ctx.tenant.id, membershipId: ctx.actor.membershipId, hashtagId: row!.id })
    .onConflictDoNothing();
  return row!;
}

export async function unfollowHashtag(ctx: TenantServiceContext, typed: string) {
  const row = await findHashtag(ctx, typed);
  await ctx.tx
    .delete(hashtagFollows)
    .where(
      and(
        eq(hashtagFollows.tenantId, ctx.tenant.id),
        eq(hashtagFollows.membershipId, ctx.actor.membershipId),
        eq(hashtagFollows.hashtagId, row.id),
      ),
    );
  return row;
}

export function followedHashtags(ctx: TenantServiceContext) {
  return ctx.tx
    .select({ key: hashtags.key, label: hashtags.label })
    .from(hashtagFollows)
    .innerJoin(
      hashtags,
      and(eq(hashtags.tenantId, hashtagFollows.tenantId), eq(hashtags.id, hashtagFollows.hashtagId)),
    )
    .where(
      and(
        eq(hashtagFollows.tenantId, ctx.tenant.id),
        eq(hashtagFollows.membershipId, ctx.actor.membershipId),
      ),
    )
    .orderBy(asc(hashtags.key));
}

/**
 * Hashtags starting with what was typed, most used first. A range on the key rather than LIKE: text
 * comparison is leakproof, so row-level security still lets the planner use the (tenant, key) index.
 */
export async function suggestHashtags(ctx: TenantServiceContext, typed: string, limit: number) {
  const prefix = typed
    .normalize('NFKC')
    .replace(/^[#\s]+/, '')
    .trim()
    .toLowerCase();
  const usage = sql<number>`(select count(*) from member_hashtags mh where mh.tenant_id = ${qualified(hashtags.tenantId)} and mh.hashtag_id = ${qualified(hashtags.id)})
    + (select count(*) from hashtag_follows hf where hf.tenant_id = ${qualified(hashtags.tenantId)} and hf.hashtag_id = ${qualified(hashtags.id)})`;
  const conditions = [eq(hashtags.tenantId, ctx.tenant.id)];
  if (prefix) {
    conditions.push(sql`${hashtags.key} >= ${prefix}`, sql`${hashtags.key} < ${`${prefix}\u{10ffff}`}`);
  }
  const rows = await ctx.tx
    .select({ key: hashtags.key, label: hashtags.label, uses: usage.mapWith(Number) })
    .from(hashtags)
    .where(and(...conditions))
    .orderBy(desc(usage), asc(hashtags.key))
    .limit(limit);
  return rows;
}

/** Hashtags used in the most posts over the last seven days (posts the viewer may read or not: counts only). */
export async function trendingHashtags(ctx: TenantServiceContext, limit: number) {
  const since = new Date(Date.now() - 7 * 24 * 3600 * 1000);
  const rows = await ctx.tx
    .select({ key: hashtags.key, label: hashtags.label, uses: sql<number>`count(*)`.mapWith(Number) })
    .from(postHashtags)
    .innerJoin(
      hashtags,
      and(eq(hashtags.tenantId, postHashtags.tenantId), eq(hashtags.id, postHashtags.hashtagId)),
    )
    .where(
      and(
        eq(postHashtags.tenantId, ctx.tenant.id),
        sql`${postHashtags.createdAt} >= ${since.toISOString()}::timestamptz`,
      ),
    )
    .groupBy(hashtags.key, hashtags.label)
    .orderBy(desc(sql`count(*)`), asc(hashtags.key))
    .limit(limit);
  return rows;
}
