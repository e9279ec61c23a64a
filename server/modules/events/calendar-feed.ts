import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { eventCalendarFeeds, eventRegistrations, events } from '../../db/schema/index.js';
import { memberCalendarFeed } from '../../platform/calendar/calendar.js';
import type { Locale } from '../../platform/i18n/messages.js';
import type { TenantRef, TenantServiceContext } from '../tenancy/tenant-context.js';
import { eventCalendarEntry } from './event-calendar.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The addresses of a feed: https for a download, webcal:// for calendar apps that subscribe. */
export function feedUrls(publicUrl: string, slug: string, token: string) {
  const https = `${publicUrl}/api/v1/calendar/${slug}/${token}.ics`;
  return { url: https, webcalUrl: https.replace(/^https?:\/\//, 'webcal://') };
}

/** Whether the member has a live feed (the token itself is shown only when it is made). */
export async function findFeed(ctx: TenantServiceContext) {
  const [feed] = await ctx.tx
    .select({ createdAt: eventCalendarFeeds.createdAt })
    .from(eventCalendarFeeds)
    .where(
      and(
        eq(eventCalendarFeeds.tenantId, ctx.tenant.id),
        eq(eventCalendarFeeds.membershipId, ctx.actor.membershipId),
        isNull(eventCalendarFeeds.revokedAt),
      ),
    );
  return feed ?? null;
}

/** Revokes the member's feed: calendars subscribed to it get 404 from now on. */
export async function revokeFeed(ctx: TenantServiceContext) {
  await ctx.tx
    .update(eventCalendarFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(eventCalendarFeeds.tenantId, ctx.tenant.id),
        eq(eventCalendarFeeds.membershipId, ctx.actor.membershipId),
        isNull(eventCalendarFeeds.revokedAt),
      ),
    );
}

/**
 * Makes a new secret feed address (256 random bits; only its SHA-256 is kept), revoking the previous
 * one: a member who shared the address by mistake makes a new one and the old stops working.
 */
export async function createFeed(ctx: TenantServiceContext) {
  await revokeFeed(ctx);
  const token = randomBytes(32).toString('base64url');
  await ctx.tx.insert(eventCalendarFeeds).values({
    tenantId: ctx.tenant.id,
    membershipId: ctx.actor.membershipId,
    tokenHash: hashOf(token),
  });
  return { token, createdAt: new Date() };
}

/**
 * The feed's calendar: every event the member registered for (not drafts) that ended less than
 * 90 days ago or is still to come; a cancelled event or registration stays as STATUS:CANCELLED, so
 * subscribed calendars drop it. Null when the token is unknown or revoked.
 */
export async function feedCalendar(
  tx: AppTransaction,
  tenant: TenantRef,
  token: string,
  options: { host: string; locale: Locale },
) {
  const [feed] = await tx
    .select({ membershipId: eventCalendarFeeds.membershipId })
    .from(eventCalendarFeeds)
    .where(
      and(
        eq(eventCalendarFeeds.tenantId, tenant.id),
        eq(eventCalendarFeeds.tokenHash, hashOf(token)),
        isNull(eventCalendarFeeds.revokedAt),
      ),
    );
  if (!feed) return null;
  const rows = await tx
    .select({ event: events, registration: eventRegistrations })
    .from(eventRegistrations)
    .innerJoin(
      events,
      and(eq(events.tenantId, eventRegistrations.tenantId), eq(events.id, eventRegistrations.eventId)),
    )
    .where(
      and(
        eq(eventRegistrations.tenantId, tenant.id),
        eq(eventRegistrations.memberId, feed.membershipId),
        ne(events.status, 'draft'),
        gt(events.endsAt, sql`now() - interval '90 days'`),
      ),
    )
    .orderBy(desc(eventRegistrations.createdAt))
    .limit(1000);
  // One entry per event: the live registration if any, else the latest (cancelled) one.
  const byEvent = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const kept = byEvent.get(row.event.id);
    if (!kept || (kept.registration.status === 'cancelled' && row.registration.status !== 'cancelled')) {
      byEvent.set(row.event.id, row);
    }
  }
  const entries = [...byEvent.values()].map((row) =>
    eventCalendarEntry(tenant, row.event, {
      ...options,
      registrationCancelled: row.registration.status === 'cancelled',
    }),
  );
  return memberCalendarFeed(entries, { name: options.locale === 'ja' ? tenant.nameJa : tenant.nameEn });
}
