import { and, eq, inArray } from 'drizzle-orm';
import {
  accounts,
  type MailAttachment,
  memberProfiles,
  memberships,
  type NotificationKind,
  type NotificationPreferences,
  notifications,
  pushSubscriptions,
} from '../../../db/schema/index.js';
import type { Locale } from '../../../platform/i18n/messages.js';
import { queueMail } from '../../../platform/mail/queue-mail.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { hasMuted, isBlockedBetween } from '../blocks.js';
import { notificationLine, notificationMail } from './notification-mail.js';
import { wants } from './preferences.js';
import { unsubscribeLinks } from './unsubscribe.js';

export type NewNotification = {
  recipientId: string;
  kind: NotificationKind;
  targetType: 'post' | 'conversation' | 'group' | 'article' | 'opportunity' | 'event' | 'proposal' | 'survey';
  targetId: string;
  data?: Record<string, string>;
  /** Files the e-mail carries (an event's .ics, so the calendar entry follows a change). */
  attachments?: MailAttachment[];
};
type Entry = NewNotification & { data: Record<string, string> };

/**
 * Tells members about something that concerns them, in the transaction that caused it: in the app,
 * by e-mail and by Web Push, each as the recipient chose for that kind. Nobody is told about their own
 * action, and nothing passes between members a block separates or from someone the recipient muted.
 */
export async function notify(
  ctx: TenantServiceContext,
  entries: NewNotification[],
  options: { fromNetwork?: boolean } = {},
) {
  const actorId = ctx.actor.membershipId;
  const due: Entry[] = [];
  for (const entry of entries) {
    // What the network's office tells registrants (an event's change) is not one member's word to
    // another, so blocks and mutes between the staff member and the recipient do not hold it back.
    if (!options.fromNetwork) {
      if (entry.recipientId === actorId) continue;
      if (await isBlockedBetween(ctx.tx, ctx.tenant.id, actorId, entry.recipientId)) continue;
      if (await hasMuted(ctx.tx, ctx.tenant.id, entry.recipientId, actorId)) continue;
    }
    due.push({ ...entry, data: entry.data ?? {} });
  }
  if (due.length === 0) return;
  const recipients = await loadRecipients(
    ctx,
    due.map((entry) => entry.recipientId),
  );
  const inApp = due.filter((entry) =>
    wants(recipients.get(entry.recipientId)?.preferences ?? {}, entry.kind, 'inApp'),
  );
  if (inApp.length > 0) {
    await ctx.tx
      .insert(notifications)
      .values(
        inApp.map(({ attachments: _files, ...entry }) => ({ tenantId: ctx.tenant.id, actorId, ...entry })),
      );
  }
  for (const entry of due) {
    const recipient = recipients.get(entry.recipientId);
    if (!recipient) continue;
    await mailNotification(ctx, entry, recipient);
    await pushNotification(ctx, entry, recipient);
  }
}

type Recipient = {
  id: string;
  email: string;
  locale: Locale;
  preferences: NotificationPreferences;
  emailOn: boolean | null;
  key: string | null;
};

/** Active recipients with their address, language and choices; one query for all of them. */
async function loadRecipients(ctx: TenantServiceContext, ids: string[]): Promise<Map<string, Recipient>> {
  const rows = await ctx.tx
    .select({
      id: memberships.id,
      email: accounts.email,
      locale: accounts.locale,
      preferences: memberProfiles.notificationPreferences,
      emailOn: memberProfiles.emailNotifications,
      key: memberProfiles.unsubscribeKey,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .leftJoin(
      memberProfiles,
      and(eq(memberProfiles.tenantId, memberships.tenantId), eq(memberProfiles.membershipId, memberships.id)),
    )
    .where(
      and(
        eq(memberships.tenantId, ctx.tenant.id),
        inArray(memberships.id, [...new Set(ids)]),
        eq(memberships.status, 'active'),
      ),
    );
  return new Map(rows.map((row) => [row.id, { ...row, preferences: row.preferences ?? {} }]));
}

const targetPath: Record<NewNotification['targetType'], string> = {
  post: 'posts',
  conversation: 'messages',
  group: 'groups',
  article: 'news',
  opportunity: 'opportunities',
  event: 'events',
  proposal: 'proposals',
  survey: 'surveys',
};

/** The network's name in the recipient's language, as every mail and push names its sender. */
export const networkName = (ctx: Pick<TenantServiceContext, 'tenant'>, locale: string) =>
  locale === 'ja' ? ctx.tenant.nameJa : ctx.tenant.nameEn;

/** The e-mail side: only with e-mail on (the unsubscribe link turns it off) and chosen for this kind. */
async function mailNotification(ctx: TenantServiceContext, entry: Entry, recipient: Recipient) {
  if (!recipient.emailOn || !recipient.key || !wants(recipient.preferences, entry.kind, 'email')) return;
  const base = ctx.deps.config.publicUrl;
  const links = unsubscribeLinks(base, {
    slug: ctx.tenant.slug,
    membershipId: recipient.id,
    key: recipient.key,
    list: 'notifications',
  });
  const mail = notificationMail(recipient.locale, {
    kind: entry.kind,
    network: networkName(ctx, recipient.locale),
    data: { actor: ctx.actor.displayName, ...entry.data },
    link: `${base}/t/${ctx.tenant.slug}/${targetPath[entry.targetType]}/${entry.targetId}`,
    unsubscribe: links.page,
  });
  await queueMail(ctx.deps.jobs, ctx.tx, {
    to: recipient.email,
    ...mail,
    headers: links.headers,
    ...(entry.attachments ? { attachments: entry.attachments } : {}),
  });
}

/**
 * The push side: one job per device the recipient subscribed, queued in this transaction. Only the
 * one-line summary travels (encrypted to the device); the content itself is read in the app.
 */
async function pushNotification(ctx: TenantServiceContext, entry: Entry, recipient: Recipient) {
  if (!wants(recipient.preferences, entry.kind, 'push')) return;
  const devices = await ctx.tx
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(
      and(eq(pushSubscriptions.tenantId, ctx.tenant.id), eq(pushSubscriptions.membershipId, recipient.id)),
    );
  if (devices.length === 0) return;
  const payload = {
    title: networkName(ctx, recipient.locale),
    body: notificationLine(recipient.locale, entry.kind, { actor: ctx.actor.displayName, ...entry.data }),
    url: `/t/${ctx.tenant.slug}/${targetPath[entry.targetType]}/${entry.targetId}`,
    tag: `${entry.kind}:${entry.targetId}`,
  };
  for (const device of devices) {
    await ctx.deps.jobs.send(ctx.tx, 'push.send', {
      tenantId: ctx.tenant.id,
      subscriptionId: device.id,
      payload,
    });
  }
}

/** The start of a text, for a notification line. */
export const snippet = (text: string) =>
  Array.from(text).length > 60 ? `${Array.from(text).slice(0, 60).join('')}…` : text;
