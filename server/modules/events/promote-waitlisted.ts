import { and, asc, eq, sql } from 'drizzle-orm';
import { type AttendanceMode, eventRegistrations, events } from '../../db/schema/index.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { capacityOf, modesOf } from './event-rules.js';
import type { EventRow } from './write-events.js';

export type Promotion = { registrationId: string; memberId: string; mode: AttendanceMode };

/**
 * Fills free seats from the waitlist, first come first served per mode. The caller holds the event's
 * row lock (a cancellation, a larger capacity), so the seats counted here are the seats there are.
 * A cancelled event promotes nobody.
 */
export async function promoteWaitlisted(
  ctx: TenantServiceContext,
  event: EventRow,
): Promise<{ event: EventRow; promoted: Promotion[] }> {
  if (event.status === 'cancelled') return { event, promoted: [] };
  const promoted: Promotion[] = [];
  let current = event;
  for (const mode of modesOf(event.format)) {
    const capacity = capacityOf(current, mode);
    const confirmed = mode === 'online' ? current.confirmedOnline : current.confirmedInPerson;
    const free = capacity === null ? Number.MAX_SAFE_INTEGER : capacity - confirmed;
    if (free <= 0) continue;
    const waiting = await ctx.tx
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.tenantId, ctx.tenant.id),
          eq(eventRegistrations.eventId, event.id),
          eq(eventRegistrations.status, 'waitlisted'),
          eq(eventRegistrations.mode, mode),
        ),
      )
      .orderBy(asc(eventRegistrations.seq))
      .limit(Math.min(free, 10_000));
    if (waiting.length === 0) continue;
    const now = new Date();
    const rows = await ctx.tx
      .update(eventRegistrations)
      .set({ status: 'confirmed', promotedAt: now })
      .where(
        and(
          eq(eventRegistrations.tenantId, ctx.tenant.id),
          sql`${eventRegistrations.id} in ${waiting.map((row) => row.id)}`,
        ),
      )
      .returning({ registrationId: eventRegistrations.id, memberId: eventRegistrations.memberId });
    promoted.push(...rows.map((row) => ({ ...row, mode })));
    const column = mode === 'online' ? events.confirmedOnline : events.confirmedInPerson;
    const [updated] = await ctx.tx
      .update(events)
      .set(
        mode === 'online'
          ? { confirmedOnline: sql`${column} + ${rows.length}` }
          : { confirmedInPerson: sql`${column} + ${rows.length}` },
      )
      .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, event.id)))
      .returning();
    current = updated!;
  }
  return { event: current, promoted };
}
