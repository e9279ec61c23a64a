import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import {
  accounts,
  memberProfiles,
  memberships,
  type NotificationKind,
  notifications,
} from '../../../db/schema/index.js';
import { queueMail } from '../../../platform/mail/queue-mail.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { hasMuted, isBlockedBetween } from '../blocks.js';
import { emailedKinds, notificationMail } from './notification-mail.js';

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
    if (await hasMuted(ctx.tx, ctx.tenant.id, entry.recipientId, actorId)) continue;
    rows.push({ tenantId: ctx.tenant.id, actorId, ...entry, data: entry.data ?? {} });
  }
  if (rows.length === 0) return;
  await ctx.tx.insert(notifications).values(rows);
  await mailNotifications(ctx, rows);
}

const targetPath: Record<NewNotification['targetType'], string> = {
  post: 'posts',
  conversation: 'messages',
  group: 'groups',
};

/** The e-mail side of notify(): for recipients who keep e-mail notifications on, queued in the same transaction. */
async function mailNotifications(
  ctx: TenantServiceContext,
  rows: (NewNotification & { data: Record<string, string> })[],
) {
  const emailed = rows.filter((row) => emailedKinds.has(row.kind));
  if (emailed.length === 0) return;
  const recipients = await ctx.tx
    .select({
      id: memberships.id,
      email: accounts.email,
      locale: accounts.locale,
      wantsEmail: memberProfiles.emailNotifications,
      key: memberProfiles.unsubscribeKey,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .innerJoin(
      memberProfiles,
      and(eq(memberProfiles.tenantId, memberships.tenantId), eq(memberProfiles.membershipId, memberships.id)),
    )
    .where(
      and(
        eq(memberships.tenantId, ctx.tenant.id),
        inArray(
          memberships.id,
          emailed.map((row) => row.recipientId),
        ),
        eq(memberships.status, 'active'),
      ),
    );
  const base = ctx.deps.config.publicUrl;
  for (const row of emailed) {
    const recipient = recipients.find((r) => r.id === row.recipientId);
    if (!recipient?.wantsEmail) continue;
    const mail = notificationMail(recipient.locale, {
      kind: row.kind,
      network: recipient.locale === 'ja' ? ctx.tenant.nameJa : ctx.tenant.nameEn,
      data: { actor: ctx.actor.displayName, ...row.data },
      link: `${base}/t/${ctx.tenant.slug}/${targetPath[row.targetType]}/${row.targetId}`,
      unsubscribe: `${base}/unsubscribe/${ctx.tenant.slug}#member=${recipient.id}&key=${recipient.key}`,
    });
    const oneClick = `${base}/api/v1/unsubscribe/one-click?${new URLSearchParams({ slug: ctx.tenant.slug, member: recipient.id, key: recipient.key })}`;
    await queueMail(ctx.deps.jobs, ctx.tx, {
      to: recipient.email,
      ...mail,
      // RFC 8058: mail apps offer their own unsubscribe button, which posts here without a browser.
      headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }
}

/** The link in every notification e-mail: turns e-mail notifications off without signing in. */
export async function unsubscribeByKey(tx: Queryable, tenantId: string, membershipId: string, key: string) {
  const [row] = await tx
    .update(memberProfiles)
    .set({ emailNotifications: false, updatedAt: new Date() })
    .where(
      and(
        eq(memberProfiles.tenantId, tenantId),
        eq(memberProfiles.membershipId, membershipId),
        eq(memberProfiles.unsubscribeKey, key),
      ),
    )
    .returning({ id: memberProfiles.membershipId });
  return Boolean(row);
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
