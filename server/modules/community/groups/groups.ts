import { and, asc, count, eq } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import {
  type GroupVisibility,
  groupHashtags,
  groupMembers,
  groups,
  memberships,
} from '../../../db/schema/index.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { notBlockedWith } from '../blocks.js';
import { parseHashtagList, upsertHashtags } from '../hashtags/hashtags.js';
import { notify } from '../notifications/notify.js';

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
  const admins = await ctx.tx
    .select({ id: groupMembers.membershipId })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.tenantId, ctx.tenant.id),
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.role, 'admin'),
        eq(groupMembers.status, 'active'),
      ),
    );
  await notify(
    ctx,
    admins.map((admin) => ({
      recipientId: admin.id,
      kind: 'group_request' as const,
      targetType: 'group' as const,
      targetId: groupId,
      data: { group: group.name },
    })),
  );
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
  const { group, membership } = await loadGroup(ctx, groupId);
  if (!isGroupAdmin(membership)) throw forbidden();
  const tell = (kind: 'group_approved' | 'group_invited') =>
    notify(ctx, [
      {
        recipientId: membershipId,
        kind,
        targetType: 'group',
        targetId: groupId,
        data: { group: group.name },
      },
    ]);
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
      if (!current) {
        await upsertGroupMember(ctx.tx, ctx.tenant.id, groupId, membershipId, 'invited');
        await tell('group_invited');
      } else if (current.status === 'requested') {
        await upsertGroupMember(ctx.tx, ctx.tenant.id, groupId, membershipId, 'active');
        await tell('group_approved');
      }
      return;
    case 'approve':
      if (current?.status !== 'requested') throw notFound();
      await upsertGroupMember(ctx.tx, ctx.tenant.id, groupId, membershipId, 'active');
      await tell('group_approved');
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
