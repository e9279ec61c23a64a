import { and, eq, inArray, ne } from 'drizzle-orm';
import { accounts, eventRegistrations, memberships, type NotificationKind } from '../../db/schema/index.js';
import type { Locale } from '../../platform/i18n/messages.js';
import { type NewNotification, notify } from '../community/notifications/notify.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { eventCalendarFile, eventWhen } from './event-calendar.js';
import type { Promotion } from './promote-waitlisted.js';
import type { EventRow } from './write-events.js';

type Recipient = { memberId: string; registrationId: string; status: string };

async function localesOf(ctx: TenantServiceContext, memberIds: string[]) {
  if (memberIds.length === 0) return new Map<string, Locale>();
  const rows = await ctx.tx
    .select({ id: memberships.id, locale: accounts.locale })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.tenantId, ctx.tenant.id), inArray(memberships.id, memberIds)));
  return new Map(rows.map((row) => [row.id, row.locale]));
}

/**
 * Tells each recipient in their language, in the app, by e-mail and push as they chose for the kind;
 * confirmed ones get the event's .ics with the mail (same UID, the event's SEQUENCE), so a calendar
 * that has the entry moves or cancels it.
 */
async function tell(
  ctx: TenantServiceContext,
  event: EventRow,
  kind: NotificationKind,
  recipients: Recipient[],
  extra: Record<string, string> = {},
) {
  if (recipients.length === 0) return;
  const locales = await localesOf(
    ctx,
    recipients.map((r) => r.memberId),
  );
  const host = new URL(ctx.deps.config.publicUrl).host;
  const entries: NewNotification[] = recipients.map((recipient) => {
    const locale = locales.get(recipient.memberId) ?? 'ja';
    const withCalendar = recipient.status === 'confirmed' && kind !== 'event_message';
    return {
      recipientId: recipient.memberId,
      kind,
      targetType: 'event',
      targetId: event.id,
      data: { title: event.title, when: eventWhen(locale, event), ...extra },
      ...(withCalendar ? { attachments: [eventCalendarFile(ctx.tenant, event, { host, locale })] } : {}),
    };
  });
  await notify(ctx, entries, { fromNetwork: true });
}

/** Everyone still registered (confirmed or waitlisted) for an event. */
async function liveRegistrants(ctx: TenantServiceContext, eventId: string): Promise<Recipient[]> {
  return ctx.tx
    .select({
      memberId: eventRegistrations.memberId,
      registrationId: eventRegistrations.id,
      status: eventRegistrations.status,
    })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.tenantId, ctx.tenant.id),
        eq(eventRegistrations.eventId, eventId),
        ne(eventRegistrations.status, 'cancelled'),
      ),
    );
}

/** A change of time or place, or a cancellation: every registrant is told. */
export async function announceEventChange(
  ctx: TenantServiceContext,
  event: EventRow,
  what: 'changed' | 'cancelled',
) {
  await tell(
    ctx,
    event,
    what === 'changed' ? 'event_changed' : 'event_cancelled',
    await liveRegistrants(ctx, event.id),
  );
}

/** People who got a seat from the waitlist are told, with the calendar entry. */
export async function announcePromotions(ctx: TenantServiceContext, event: EventRow, promoted: Promotion[]) {
  await tell(
    ctx,
    event,
    'event_promoted',
    promoted.map((p) => ({ memberId: p.memberId, registrationId: p.registrationId, status: 'confirmed' })),
  );
}

/** Staff's message to every registrant: in the app, and by e-mail to those who chose it. */
export async function messageRegistrants(ctx: TenantServiceContext, event: EventRow, text: string) {
  const recipients = await liveRegistrants(ctx, event.id);
  await tell(ctx, event, 'event_message', recipients, { snippet: text });
  return recipients.length;
}
