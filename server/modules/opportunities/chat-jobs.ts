import { and, eq, isNull } from 'drizzle-orm';
import { careerChatBookings, careerChatSlots, tenants } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import type { Deps } from '../../platform/http/env.js';
import { chatPeople, queueChatMail } from './chat-mail.js';

/**
 * The day-before reminder (job career_chat.remind, queued with the booking for start − 24 h). The
 * booking row is locked and marked reminded, so a retried job sends nothing more; a cancelled booking
 * or slot, or a chat that has already started, gets no reminder. Returns whether mail went out.
 */
export async function remindChat(deps: Deps, data: { tenantId: string; bookingId: string }) {
  const [tenant] = await deps.database.db.select().from(tenants).where(eq(tenants.id, data.tenantId));
  if (!tenant) return false;
  return inTenant(deps.database.db, tenant.id, async (tx) => {
    const [found] = await tx
      .select({ booking: careerChatBookings, slot: careerChatSlots })
      .from(careerChatBookings)
      .innerJoin(
        careerChatSlots,
        and(
          eq(careerChatSlots.tenantId, careerChatBookings.tenantId),
          eq(careerChatSlots.id, careerChatBookings.slotId),
        ),
      )
      .where(and(eq(careerChatBookings.tenantId, tenant.id), eq(careerChatBookings.id, data.bookingId)))
      .for('update', { of: careerChatBookings });
    if (!found) return false;
    const { booking, slot } = found;
    if (booking.cancelledAt || booking.remindedAt || slot.cancelledAt) return false;
    if (slot.startsAt.getTime() <= Date.now()) return false;
    const marked = await tx
      .update(careerChatBookings)
      .set({ remindedAt: new Date() })
      .where(
        and(
          eq(careerChatBookings.tenantId, tenant.id),
          eq(careerChatBookings.id, booking.id),
          isNull(careerChatBookings.remindedAt),
        ),
      )
      .returning({ id: careerChatBookings.id });
    if (marked.length === 0) return false;
    const people = await chatPeople(tx, tenant.id, [booking.memberId, slot.hostId]);
    const member = people.get(booking.memberId);
    const host = people.get(slot.hostId);
    if (!member || !host) return false;
    const common = { kind: 'reminder' as const, tenant, slot, bookingId: booking.id };
    await queueChatMail(deps, tx, { ...common, to: member, other: host });
    await queueChatMail(deps, tx, { ...common, to: host, other: member });
    return true;
  });
}

export function registerChatJobs(deps: Deps): void {
  deps.jobs.handle('career_chat.remind', async (data) => {
    await remindChat(deps, data as { tenantId: string; bookingId: string });
  });
}
