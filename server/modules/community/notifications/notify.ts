import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { memberships, type NotificationKind, notifications } from '../../../db/schema/index.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { isBlockedBetween } from '../blocks.js';

export type NewNotification = {
  recipientId: string;
  kind: NotificationKind;
  targetType: 'post' | 'conversation' | 'group';
  targetId: string;
  data?: Record<string, string>;
};

/**
 * Tells members about something that concerns them, in the transaction that caused it. Nobody is told
 * about their own action, and nothing passes between members a block separates.
 */
export async function notify(ctx: TenantServiceContext, entries: NewNotification[]) {
  const actorId = ctx.actor.membershipId;
  const rows = [];
  for (const entry of entries) {
    if (entry.recipientId === actorId) continue;
    if (await isBlockedBetween(ctx.tx, ctx.tenant.id, actorId, entry.recipientId)) continue;
    rows.push({ tenantId: ctx.tenant.id, actorId, data: {}, ...entry });
  }
  if (rows.length > 0) await ctx.tx.insert(notifications).values(rows);
}

/** The start of a text, for a notification line. */
export const snippet = (text: string) =>
  Array.from(text).length > 60 ? `${Array.from(text).slice(0, 60).join('')}…` : text;

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
