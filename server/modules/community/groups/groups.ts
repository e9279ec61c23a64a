import { and, asc, count, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { qualified } from '../../../db/qualified.js';
import {
  type GroupVisibility,
  groupHashtags,
  groupMembers,
  groups,
  hashtagFollows,
  hashtags,
  memberHashtags,
  memberships,
} from '../../../db/schema/index.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { notBlockedWith } from '../blocks.js';
import { parseHashtagList, upsertHashtags } from '../hashtags/hashtags.js';

export type GroupRow = typeof groups.$inferSelect;
export type Membership = { role: 'admin' | 'member'; status: 'active' | 'requested' | 'invited' } | null;

/** Open and request-only groups are listed for everyone; a secret group only for its members and invitees. */
export function canSeeGroup(group: GroupRow, membership: Membership) {
  return group.visibility !== 'secret' || membership !== null;
}
/** Posts of open groups are readable by every member of the network; other groups' only by their members. */
export function canReadGroupPosts(group: Pick<GroupRow, 'visibility'>, membership: Membership) {
  return group.visibility === 'open' || membership?.status === 'active';
}
export const isGroupAdmin = (membership: Membership) =>
  membership?.status === 'active' && membership.role === 'admin';

async function membershipIn(
  tx: Queryable,
  tenantId: string,
  groupId: string,
  membershipId: string,
): Promise<Membership> {
  const [row] = await tx
    .select({ role: groupMembers.role, status: groupMembers.status })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.tenantId, tenantId),
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.membershipId, membershipId),
      ),
    );
  return row ?? null;
}

/** A group with the viewer's place in it; 404 for a secret group the viewer is not in. */
export async function loadGroup(ctx: TenantServiceContext, groupId: string) {
  const [group] = await ctx.tx
    .select()
    .from(groups)
    .where(and(eq(groups.tenantId, ctx.tenant.id), eq(groups.id, groupId)));
  if (!group) throw notFound();
  const membership = await membershipIn(ctx.tx, ctx.tenant.id, groupId, ctx.actor.membershipId);
  if (!canSeeGroup(group, membership)) throw notFound();
  return { group, membership };
}

export async function createGroup(
  ctx: TenantServiceContext,
  input: { name: string; description: string; visibility: GroupVisibility; hashtags: string[] },
) {
  const tags = parseHashtagList(input.hashtags, 'hashtags');
  const [group] = await ctx.tx
    .insert(groups)
    .values({
      tenantId: ctx.tenant.id,
      name: input.name.trim(),
      description: input.description.trim(),
      visibility: input.visibility,
      createdBy: ctx.actor.membershipId,
    })
    .returning();
  await ctx.tx.insert(groupMembers).values({
    tenantId: ctx.tenant.id,
    groupId: group!.id,
    membershipId: ctx.actor.membershipId,
    role: 'admin',
    status: 'active',
  });
  await setGroupHashtags(ctx, group!.id, tags);
  return group!;
}

async function setGroupHashtags(
  ctx: TenantServiceContext,
  groupId: string,
  tags: ReturnType<typeof parseHashtagList>,
) {
  await ctx.tx
    .delete(groupHashtags)
    .where(and(eq(groupHashtags.tenantId, ctx.tenant.id), eq(groupHashtags.groupId, groupId)));
  const rows = await upsertHashtags(ctx.tx, ctx.tenant.id, tags);
  if (rows.length > 0) {
    await ctx.tx
      .insert(groupHashtags)
      .values(rows.map((row) => ({ tenantId: ctx.tenant.id, hashtagId: row.id, groupId })));
  }
}

export async function updateGroup(
  ctx: TenantServiceContext,
  groupId: string,
  input: {
    name?: string | undefined;
    description?: string | undefined;
    visibility?: GroupVisibility | undefined;
    hashtags?: string[] | undefined;
  },
) {
  const { membership } = await loadGroup(ctx, groupId);
  if (!isGroupAdmin(membership)) throw forbidden();
  const tags = input.hashtags === undefined ? undefined : parseHashtagList(input.hashtags, 'hashtags');
  await ctx.tx
    .update(groups)
    .set({
      ...(input.name === undefined ? {} : { name: input.name.trim() }),
      ...(input.description === undefined ? {} : { description: input.description.trim() }),
      ...(input.visibility === undefined ? {} : { visibility: input.visibility }),
    })
    .where(and(eq(groups.tenantId, ctx.tenant.id), eq(groups.id, groupId)));
  if (tags) await setGroupHashtags(ctx, groupId, tags);
}

/** Join an open group, ask to join a request-only one, or accept an invitation to any group. */
export async function joinGroup(ctx: TenantServiceContext, groupId: string) {
  const { group, membership } = await loadGroup(ctx, groupId);
  if (membership?.status === 'active' || membership?.status === 'requested') return membership.status;
  if (membership?.status === 'invited' || group.visibility === 'open') {
    await upsertGroupMember(ctx.tx, ctx.tenant.id, groupId, ctx.actor.membershipId, 'active');
    return 'active' as const;
  }
  if (group.visibility === 'secret') throw notFound();
  await upsertGroupMember(ctx.tx, ctx.tenant.id, groupId, ctx.actor.membershipId, 'requested');
  return 'requested' as const;
}

async function upsertGroupMember(
  tx: Queryable,
  tenantId: string,
  groupId: string,
  membershipId: string,
  status: 'active' | 'requested' | 'invited',
) {
  await tx
    .insert(groupMembers)
    .values({ tenantId, groupId, membershipId, status })
    .onConflictDoUpdate({
      target: [groupMembers.tenantId, groupMembers.groupId, groupMembers.membershipId],
      set: { status },
    });
}

export async function leaveGroup(ctx: TenantServiceContext, groupId: string) {
  const { membership } = await loadGroup(ctx, groupId);
  if (!membership) return;
  if (isGroupAdmin(membership)) {
    const [admins] = await ctx.tx
      .select({ n: count() })
      .from(groupMembers)
      .where(
        and(
          eq(groupMembers.tenantId, ctx.tenant.id),
          eq(groupMembers.groupId, groupId),
          eq(groupMembers.role, 'admin'),
          eq(groupMembers.status, 'active'),
        ),
      );
    if (Number(admins?.n ?? 0) <= 1) throw conflict('group_last_admin');
  }
  await removeGroupMember(ctx.tx, ctx.tenant.id, groupId, ctx.actor.membershipId);
}

function removeGroupMember(tx: Queryable, tenantId: string, groupId: string, membershipId: string) {
  return tx
    .delete(groupMembers)
    .where(
      and(
        eq(groupMembers.tenantId, tenantId),
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.membershipId, membershipId),
      ),
    );
}

/** Group admins invite members, approve or decline requests, and make other members admins. */
export async function manageGroupMember(
  ctx: TenantServiceContext,
  groupId: string,
  membershipId: string,
  action: 'invite' | 'approve' | 'decline' | 'make_admin' | 'remove',
) {
  const { membership } = await loadGroup(ctx, groupId);
  if (!isGroupAdmin(membership)) throw forbidden();
  const [target] = await ctx.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, ctx.tenant.id),
        eq(memberships.id, membershipId),
        eq(memberships.status, 'active'),
      ),
    );
  if (!target) throw notFound();
  const current = await membershipIn(ctx.tx, ctx.tenant.id, groupId, membershipId);
  switch (action) {
    case 'invite':
      if (!current) await upsertGroupMember(ctx.tx, ctx.tenant.id, groupId, membershipId, 'invited');
      else if (current.status === 'requested')
        await upsertGroupMember(ctx.tx, ctx.tenant.id, groupId, membershipId, 'active');
      return;
    case 'approve':
      if (current?.status !== 'requested') throw notFound();
      await upsertGroupMember(ctx.tx, ctx.tenant.id, groupId, membershipId, 'active');
      return;
    case 'decline':
    case 'remove':
      if (!current || membershipId === ctx.actor.membershipId) throw notFound();
      await removeGroupMember(ctx.tx, ctx.tenant.id, groupId, membershipId);
      return;
    case 'make_admin':
      if (current?.status !== 'active') throw notFound();
      await ctx.tx
        .update(groupMembers)
        .set({ role: 'admin' })
        .where(
          and(
            eq(groupMembers.tenantId, ctx.tenant.id),
            eq(groupMembers.groupId, groupId),
            eq(groupMembers.membershipId, membershipId),
          ),
        );
  }
}

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

/** Members of a group (and, for its admins, who asked to join or was invited). */
export async function listGroupMembers(ctx: TenantServiceContext, groupId: string) {
  const { group, membership } = await loadGroup(ctx, groupId);
  if (!canReadGroupPosts(group, membership) && !isGroupAdmin(membership)) throw notFound();
  const rows = await ctx.tx
    .select({
      id: memberships.id,
      displayName: memberships.displayName,
      role: groupMembers.role,
      status: groupMembers.status,
    })
    .from(groupMembers)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, groupMembers.tenantId), eq(memberships.id, groupMembers.membershipId)),
    )
    .where(
      and(
        eq(groupMembers.tenantId, ctx.tenant.id),
        eq(groupMembers.groupId, groupId),
        eq(memberships.status, 'active'),
        notBlockedWith(ctx.actor.membershipId, ctx.tenant.id, memberships.id),
      ),
    )
    .orderBy(asc(memberships.displayName));
  return isGroupAdmin(membership) ? rows : rows.filter((row) => row.status === 'active');
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
