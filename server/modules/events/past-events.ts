import { and, desc, eq, lte, ne, sql } from 'drizzle-orm';
import { eventRegistrations, events } from '../../db/schema/index.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { keepEventsForMember } from './event-audience.js';
import { type MemberEventRow, ownRegistrationJoin, waitlistPosition } from './list-events.js';

/** Where a page of past events ends: the last event's end and id (ties on the end keep an order). */
export type PastCursor = { endsAt: Date; id: string };

export const cursorText = (cursor: PastCursor) => `${cursor.endsAt.toISOString()}_${cursor.id}`;
export function parseCursor(text: string | undefined): PastCursor | null {
  if (!text) return null;
  const [at, id] = text.split('_');
  return { endsAt: new Date(at!), id: id! };
}

/**
 * Past events for a member, newest first, a page at a time: ended (published or cancelled), meant for
 * them or registered for. The audience is decided in code, so rows are read in chunks until the page
 * is full; `next` is where the following page starts (none once every row has been read).
 */
export async function listPastEvents(
  ctx: TenantServiceContext,
  after: PastCursor | null,
  pageSize = 20,
): Promise<{ rows: MemberEventRow[]; next: PastCursor | null }> {
  const chunk = pageSize * 2;
  const page: MemberEventRow[] = [];
  let cursor = after;
  for (;;) {
    const rows = await ctx.tx
      .select({ event: events, registration: eventRegistrations, waitlistPosition })
      .from(events)
      .leftJoin(eventRegistrations, ownRegistrationJoin(ctx.actor.membershipId))
      .where(
        and(
          eq(events.tenantId, ctx.tenant.id),
          ne(events.status, 'draft'),
          lte(events.endsAt, sql`now()`),
          cursor ? sql`(${events.endsAt}, ${events.id}) < (${cursor.endsAt}, ${cursor.id}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(events.endsAt), desc(events.id))
      .limit(chunk);
    // An event they registered for stays theirs even when its audience has changed since.
    const meant = new Set(
      (
        await keepEventsForMember(
          ctx,
          rows.filter((row) => !row.registration),
        )
      ).map((row) => row.event.id),
    );
    for (const row of rows) {
      cursor = { endsAt: row.event.endsAt, id: row.event.id };
      if (!row.registration && !meant.has(row.event.id)) continue;
      page.push(row);
      if (page.length === pageSize) return { rows: page, next: cursor };
    }
    if (rows.length < chunk) return { rows: page, next: null };
  }
}
