import { and, asc, count, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { qualified } from '../../../db/qualified.js';
import {
  groupHashtags,
  groupMembers,
  groups,
  hashtagFollows,
  hashtags,
  memberHashtags,
} from '../../../db/schema/index.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { loadGroup } from './groups.js';

const memberCount =
  sql<number>`(select count(*) from group_members gm where gm.tenant_id = ${qualified(groups.tenantId)} and gm.group_id = ${qualified(groups.id)} and gm.status = 'active')`.mapWith(
    Number,
  );

/**
 * Groups for the groups page: mine (with invitations and requests), or those the viewer may discover,
 * optionally under one hashtag; "suggested" ranks discoverable groups by hashtags the viewer carries or follows.
 */
export async function listGroups(
  ctx: TenantServiceContext,
  query: { scope: 'mine' | 'discover' | 'suggested'; hashtag?: string | undefined; limit: number },
) {
  const mine = ctx.tx
    .select({ id: groupMembers.groupId })
    .from(groupMembers)
    .where(
      and(eq(groupMembers.tenantId, ctx.tenant.id), eq(groupMembers.membershipId, ctx.actor.membershipId)),
    );
  const conditions: SQL[] = [eq(groups.tenantId, ctx.tenant.id)];
  if (query.scope === 'mine') conditions.push(inArray(groups.id, mine));
  else conditions.push(sql`${groups.visibility} <> 'secret'`, notInArray(groups.id, mine));
  if (query.hashtag) {
    conditions.push(
      inArray(
        groups.id,
        ctx.tx
          .select({ id: groupHashtags.groupId })
          .from(groupHashtags)
          .innerJoin(
            hashtags,
            and(eq(hashtags.tenantId, groupHashtags.tenantId), eq(hashtags.id, groupHashtags.hashtagId)),
          )
          .where(and(eq(groupHashtags.tenantId, ctx.tenant.id), eq(hashtags.key, query.hashtag))),
      ),
    );
  }
  const affinity =
    sql<number>`(select count(*) from group_hashtags gh where gh.tenant_id = ${qualified(groups.tenantId)} and gh.group_id = ${qualified(groups.id)}
      and gh.hashtag_id in (
        select ${memberHashtags.hashtagId} from ${memberHashtags} where ${memberHashtags.tenantId} = ${ctx.tenant.id} and ${memberHashtags.membershipId} = ${ctx.actor.membershipId}
        union select ${hashtagFollows.hashtagId} from ${hashtagFollows} where ${hashtagFollows.tenantId} = ${ctx.tenant.id} and ${hashtagFollows.membershipId} = ${ctx.actor.membershipId}))`.mapWith(
      Number,
    );
  if (query.scope === 'suggested') conditions.push(sql`${affinity} > 0`);
  const rows = await ctx.tx
    .select({ group: groups, members: memberCount, affinity })
    .from(groups)
    .where(and(...conditions))
    .orderBy(...(query.scope === 'suggested' ? [sql`3 desc`] : []), sql`2 desc`, asc(groups.name))
    .limit(query.limit);
  const ids = rows.map((row) => row.group.id);
  const places = ids.length
    ? await ctx.tx
        .select({ groupId: groupMembers.groupId, role: groupMembers.role, status: groupMembers.status })
        .from(groupMembers)
        .where(
          and(
            eq(groupMembers.tenantId, ctx.tenant.id),
            eq(groupMembers.membershipId, ctx.actor.membershipId),
            inArray(groupMembers.groupId, ids),
          ),
        )
    : [];
  const tags = await hashtagsOfGroups(ctx.tx, ctx.tenant.id, ids);
  return rows.map((row) => {
    const place = places.find((p) => p.groupId === row.group.id);
    return {
      ...row,
      membership: place ? { role: place.role, status: place.status } : null,
      hashtags: tags.get(row.group.id) ?? [],
    };
  });
}

export async function hashtagsOfGroups(tx: Queryable, tenantId: string, groupIds: string[]) {
  const byGroup = new Map<string, { key: string; label: string }[]>();
  if (groupIds.length === 0) return byGroup;
  const rows = await tx
    .select({ groupId: groupHashtags.groupId, key: hashtags.key, label: hashtags.label })
    .from(groupHashtags)
    .innerJoin(
      hashtags,
      and(eq(hashtags.tenantId, groupHashtags.tenantId), eq(hashtags.id, groupHashtags.hashtagId)),
    )
    .where(and(eq(groupHashtags.tenantId, tenantId), inArray(groupHashtags.groupId, groupIds)))
    .orderBy(asc(hashtags.key));
  for (const row of rows)
    byGroup.set(row.groupId, [...(byGroup.get(row.groupId) ?? []), { key: row.key, label: row.label }]);
  return byGroup;
}

/** The ids of the groups whose posts the member reads in their home feed. */
export function activeGroupIds(tx: Queryable, tenantId: string, membershipId: string) {
  return tx
    .select({ id: groupMembers.groupId })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.tenantId, tenantId),
        eq(groupMembers.membershipId, membershipId),
        eq(groupMembers.status, 'active'),
      ),
    );
}

export async function countActiveMembers(ctx: TenantServiceContext, groupId: string) {
  const [row] = await ctx.tx
    .select({ n: count() })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.tenantId, ctx.tenant.id),
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.status, 'active'),
      ),
    );
  return Number(row?.n ?? 0);
}

/** One group as the viewer sees it: the same view a list gives, for the group's own page. */
export async function findGroupView(ctx: TenantServiceContext, groupId: string) {
  const { group, membership } = await loadGroup(ctx, groupId);
  const members = await countActiveMembers(ctx, group.id);
  const tagsOf = await hashtagsOfGroups(ctx.tx, ctx.tenant.id, [group.id]);
  return { group, members, hashtags: tagsOf.get(group.id) ?? [], membership };
}
