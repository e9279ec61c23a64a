import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { memberships, notifications } from '../../../db/schema/index.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';

export async function listNotifications(ctx: TenantServiceContext, limit: number) {
  const rows = await ctx.tx
    .select({ notification: notifications, actor: memberships.displayName })
    .from(notifications)
    .leftJoin(
      memberships,
      and(eq(memberships.tenantId, notifications.tenantId), eq(memberships.id, notifications.actorId)),
    )
    .where(
      and(eq(notifications.tenantId, ctx.tenant.id), eq(notifications.recipientId, ctx.actor.membershipId)),
    )
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  return { rows, unread: await unreadNotifications(ctx.tx, ctx.tenant.id, ctx.actor.membershipId) };
}

export async function unreadNotifications(tx: Queryable, tenantId: string, recipientId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(notifications)
    .where(
      and(
        eq(notifications.tenantId, tenantId),
        eq(notifications.recipientId, recipientId),
        isNull(notifications.readAt),
      ),
    );
  return row?.n ?? 0;
}

/** Marks the given notifications (or all of them) as read; only the recipient's own are touched. */
export async function markNotificationsRead(ctx: TenantServiceContext, ids?: string[]) {
  await ctx.tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.tenantId, ctx.tenant.id),
        eq(notifications.recipientId, ctx.actor.membershipId),
        isNull(notifications.readAt),
        ids
          ? inArray(notifications.id, ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000'])
          : undefined,
      ),
    );
}
