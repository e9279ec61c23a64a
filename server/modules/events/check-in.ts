import { and, eq, isNull } from 'drizzle-orm';
import { eventRegistrations } from '../../db/schema/index.js';
import { AppError, conflict } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { auditEvent, findEvent } from './write-events.js';

/**
 * Records that a confirmed registrant came, by the code on their screen. Attendance is recorded once:
 * a second scan of the same code answers with the first time and records nothing. A code of a
 * waitlisted, cancelled or unknown registration is refused, and so is any code while the event is a
 * draft or cancelled: a draft was never announced, and no one comes to a cancelled event.
 */
export async function checkIn(ctx: TenantServiceContext, eventId: string, code: string) {
  const event = await findEvent(ctx, eventId);
  if (event.status === 'cancelled') throw conflict('event_cancelled');
  if (event.status !== 'published') throw conflict('event_check_in_not_published');
  const where = and(
    eq(eventRegistrations.tenantId, ctx.tenant.id),
    eq(eventRegistrations.eventId, eventId),
    eq(eventRegistrations.checkInCode, code),
    eq(eventRegistrations.status, 'confirmed'),
  );
  const [marked] = await ctx.tx
    .update(eventRegistrations)
    .set({ attendedAt: new Date(), checkedInBy: ctx.actor.membershipId })
    .where(and(where, isNull(eventRegistrations.attendedAt)))
    .returning();
  if (marked) {
    await auditEvent(ctx, 'event.checked_in', eventId, {
      registrationId: marked.id,
      memberId: marked.memberId,
    });
    return { registrationId: marked.id, recorded: true };
  }
  const [already] = await ctx.tx.select({ id: eventRegistrations.id }).from(eventRegistrations).where(where);
  if (!already) {
    throw new AppError(422, 'event_check_in_unknown', [{ path: 'code', code: 'event_check_in_unknown' }]);
  }
  return { registrationId: already.id, recorded: false };
}
