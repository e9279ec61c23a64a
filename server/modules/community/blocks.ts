import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.js';
import { qualified } from '../../db/qualified.js';
import { memberBlocks, memberMutes, memberships } from '../../db/schema/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';

/**
 * A condition on a member column: true unless a block stands between that member and the viewer,
 * in either direction. Every surface that shows members (and later their posts and messages) uses it.
 */
export function notBlockedWith(viewerId: string, tenantId: string, member: AnyPgColumn): SQL {
  // NOT IN over one small set (everyone the viewer blocked or is blocked by) lets the planner hash it
  // once per query, instead of probing the blocks table for every candidate row.
  return sql`${qualified(member)} not in (
    select ${memberBlocks.blockedId} from ${memberBlocks} where ${memberBlocks.tenantId} = ${tenantId} and ${memberBlocks.blockerId} = ${viewerId}
    union all
    select ${memberBlocks.blockerId} from ${memberBlocks} where ${memberBlocks.tenantId} = ${tenantId} and ${memberBlocks.blockedId} = ${viewerId})`;
}

export async function isBlockedBetween(tx: Queryable, tenantId: string, a: string, b: string) {
  const [row] = await tx
    .select({ one: sql`1` })
    .from(memberBlocks)
    .where(
      and(
        eq(memberBlocks.tenantId, tenantId),
        or(
          and(eq(memberBlocks.blockerId, a), eq(memberBlocks.blockedId, b)),
          and(eq(memberBlocks.blockerId, b), eq(memberBlocks.blockedId, a)),
        ),
      ),
    );
  return Boolean(row);
}

export async function blockMember(ctx: TenantServiceContext, membershipId: string) {
  if (membershipId === ctx.actor.membershipId) throw new AppError(422, 'block_self');
  const [target] = await ctx.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, membershipId)));
  if (!target) throw notFound();
  await ctx.tx
    .insert(memberBlocks)
    .values({ tenantId: ctx.tenant.id, blockerId: ctx.actor.membershipId, blockedId: membershipId })
    .onConflictDoNothing();
}

export async function unblockMember(ctx: TenantServiceContext, membershipId: string) {
  await ctx.tx
    .delete(memberBlocks)
    .where(
      and(
        eq(memberBlocks.tenantId, ctx.tenant.id),
        eq(memberBlocks.blockerId, ctx.actor.membershipId),
        eq(memberBlocks.blockedId, membershipId),
      ),
    );
}

/** The people the member has blocked (only the blocker sees this list; the blocked are never told). */
export function listBlocked(ctx: TenantServiceContext) {
  return ctx.tx
    .select({ id: memberships.id, displayName: memberships.displayName, blockedAt: memberBlocks.createdAt })
    .from(memberBlocks)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, memberBlocks.tenantId), eq(memberships.id, memberBlocks.blockedId)),
    )
    .where(and(eq(memberBlocks.tenantId, ctx.tenant.id), eq(memberBlocks.blockerId, ctx.actor.membershipId)))
    .orderBy(desc(memberBlocks.createdAt));
}

/** Posts and comments by members the viewer muted stay out of the viewer's feeds (the muted are not told). */
export function notMutedBy(viewerId: string, tenantId: string, member: AnyPgColumn): SQL {
  return sql`${qualified(member)} not in (
    select ${memberMutes.mutedId} from ${memberMutes} where ${memberMutes.tenantId} = ${tenantId} and ${memberMutes.muterId} = ${viewerId})`;
}

export async function muteMember(ctx: TenantServiceContext, membershipId: string, muted: boolean) {
  if (membershipId === ctx.actor.membershipId) throw notFound();
  const [target] = await ctx.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, membershipId)));
  if (!target) throw notFound();
  if (muted) {
    await ctx.tx
      .insert(memberMutes)
      .values({ tenantId: ctx.tenant.id, muterId: ctx.actor.membershipId, mutedId: membershipId })
      .onConflictDoNothing();
  } else {
    await ctx.tx
      .delete(memberMutes)
      .where(
        and(
          eq(memberMutes.tenantId, ctx.tenant.id),
          eq(memberMutes.muterId, ctx.actor.membershipId),
          eq(memberMutes.mutedId, membershipId),
        ),
      );
  }
}

export function listMuted(ctx: TenantServiceContext) {
  return ctx.tx
    .select({ id: memberships.id, displayName: memberships.displayName, mutedAt: memberMutes.createdAt })
    .from(memberMutes)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, memberMutes.tenantId), eq(memberships.id, memberMutes.mutedId)),
    )
    .where(and(eq(memberMutes.tenantId, ctx.tenant.id), eq(memberMutes.muterId, ctx.actor.membershipId)))
    .orderBy(desc(memberMutes.createdAt));
}

export async function hasMuted(tx: Queryable, tenantId: string, muterId: string, mutedId: string) {
  const [row] = await tx
    .select({ one: sql`1` })
    .from(memberMutes)
    .where(
      and(
        eq(memberMutes.tenantId, tenantId),
        eq(memberMutes.muterId, muterId),
        eq(memberMutes.mutedId, mutedId),
      ),
    );
  return Boolean(row);
}
