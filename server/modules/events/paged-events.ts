import { and, asc, desc, eq, gt, lte, ne, type SQL, sql } from 'drizzle-orm';
import { eventRegistrations, events } from '../../db/schema/index.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { keepEventsForMember } from './event-audience.js';
import { type MemberEventRow, ownRegistrationJoin, waitlistPosition } from './list-events.js';
import type { EventRow } from './write-events.js';

/**
 * Where a page ends: the last event's sort time (its start for upcoming events, its end for past
 * ones) and its id, so events at the same time keep one order across pages.
 */
export type EventCursor = { at: Date; id: string };

export const cursorText = (cursor: EventCursor) => `${cursor.at.toISOString()}_${cursor.id}`;
export function parseCursor(text: string | undefined): EventCursor | null {
  if (!text) return null;
  const [at, id] = text.split('_');
  return { at: new Date(at!), id: id! };
}

type PagedList = {
  filter: SQL;
  atOf: (event: EventRow) => Date;
  /** The rows after the cursor in the list's order. */
  after: (cursor: EventCursor) => SQL;
  order: SQL[];
};

const lists: Record<'upcoming' | 'past', PagedList> = {
  // Published and not yet ended, soonest first.
  upcoming: {
    filter: and(eq(events.status, 'published'), gt(events.endsAt, sql`now()`))!,
    atOf: (event) => event.startsAt,
    after: (cursor) => sql`(${events.startsAt}, ${events.id}) > (${cursor.at}, ${cursor.id}::uuid)`,
    order: [asc(events.startsAt), asc(events.id)],
  },
  // Ended (published or cancelled), newest first.
  past: {
    filter: and(ne(events.status, 'draft'), lte(events.endsAt, sql`now()`))!,
    atOf: (event) => event.endsAt,
    after: (cursor) => sql`(${events.endsAt}, ${events.id}) < (${cursor.at}, ${cursor.id}::uuid)`,
    order: [desc(events.endsAt), desc(events.id)],
  },
};

/**
 * Upcoming or past events for a member, a page at a time: those meant for them or that they
 * registered for. The audience is decided in code, so rows are read in chunks until the page is
 * full; `next` is where the following page starts (none once every row has been read).
 */
export async function listEventPage(
  ctx: TenantServiceContext,
  when: 'upcoming' | 'past',
  after: EventCursor | null,
  pageSize = 20,
): Promise<{ rows: MemberEventRow[]; next: EventCursor | null }> {
  const list = lists[when];
  const chunk = pageSize * 2;
  const page: MemberEventRow[] = [];
  let cursor = after;
  for (;;) {
    const rows = await ctx.tx
      .select({ event: events, registration: eventRegistrations, waitlistPosition })
      .from(events)
      .leftJoin(eventRegistrations, ownRegistrationJoin(ctx.actor.membershipId))
      .where(and(eq(events.tenantId, ctx.tenant.id), list.filter, cursor ? list.after(cursor) : undefined))
      .orderBy(...list.order)
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
      cursor = { at: list.atOf(row.event), id: row.event.id };
      if (!row.registration && !meant.has(row.event.id)) continue;
      page.push(row);
      if (page.length === pageSize) return { rows: page, next: cursor };
    }
    if (rows.length < chunk) return { rows: page, next: null };
  }
}
