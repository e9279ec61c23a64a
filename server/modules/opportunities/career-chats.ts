import { and, asc, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  careerChatBookings,
  careerChatSlots,
  memberBlocks,
  memberships,
  type Role,
} from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuditAction } from '../../platform/audit-actions.js';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.js';
import { isStaff } from '../tenancy/policies.js';
import type { Actor, TenantServiceContext } from '../tenancy/tenant-context.js';
import { chatPeople, queueChatMail } from './chat-mail.js';
import type { NewChatSlot } from './chat-schemas.js';

export type ChatSlotRow = typeof careerChatSlots.$inferSelect;
export type ChatBookingRow = typeof careerChatBookings.$inferSelect;

/** HR staff and employees who volunteer host chats; alumni (and moderators, who are alumni) book them. */
const hostRoles: ReadonlySet<Role> = new Set(['owner', 'admin', 'employee']);
const bookerRoles: ReadonlySet<Role> = new Set(['alumnus', 'moderator']);
export const canHostChats = (actor: Actor) => hostRoles.has(actor.role);
export const canBookChats = (actor: Actor) => bookerRoles.has(actor.role);

/** The reminder goes out this long before the chat starts. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;

const hosts = alias(memberships, 'hosts');
const members = alias(memberships, 'members');

async function audit(
  ctx: TenantServiceContext,
  action: AuditAction,
  slotId: string,
  data: Record<string, unknown>,
) {
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action,
    targetType: 'career_chat_slot',
    targetId: slotId,
    data,
    ipAddress: ctx.ipAddress,
  });
}

/**
 * Publishes a slot for the acting host. Slots in the past are refused, and so is a slot overlapping
 * another live slot of the same host: a transaction-scoped lock per host makes the check and the
 * insert one step, so two requests at once cannot both pass the check.
 */
export async function publishSlot(ctx: TenantServiceContext, input: NewChatSlot) {
  if (!canHostChats(ctx.actor)) throw forbidden('chat_not_host');
  const startsAt = new Date(input.startsAt);
  if (startsAt.getTime() <= Date.now()) {
    throw new AppError(422, 'chat_slot_in_past', [{ path: 'startsAt', code: 'chat_slot_in_past' }]);
  }
  const endsAt = new Date(startsAt.getTime() + input.minutes * 60_000);
  const hostId = ctx.actor.membershipId;
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`career-chat-host:${ctx.tenant.id}:${hostId}`}, 0))`,
  );
  const [overlap] = await ctx.tx
    .select({ id: careerChatSlots.id })
    .from(careerChatSlots)
    .where(
      and(
        eq(careerChatSlots.tenantId, ctx.tenant.id),
        eq(careerChatSlots.hostId, hostId),
        isNull(careerChatSlots.cancelledAt),
        sql`${careerChatSlots.startsAt} < ${endsAt.toISOString()}::timestamptz`,
        sql`${careerChatSlots.endsAt} > ${startsAt.toISOString()}::timestamptz`,
      ),
    )
    .limit(1);
  if (overlap) {
    throw new AppError(409, 'chat_slot_overlaps', [{ path: 'startsAt', code: 'chat_slot_overlaps' }]);
  }
  const [slot] = await ctx.tx
    .insert(careerChatSlots)
    .values({
      tenantId: ctx.tenant.id,
      hostId,
      startsAt,
      endsAt,
      minutes: input.minutes,
      placeKind: input.placeKind,
      place: input.place,
      topic: input.topic,
      note: input.note.trim(),
    })
    .returning();
  await audit(ctx, 'career_chat.slot_published', slot!.id, {
    startsAt: startsAt.toISOString(),
    minutes: input.minutes,
    topic: input.topic,
  });
  return { slot: slot!, host: { id: hostId, displayName: ctx.actor.displayName } };
}

/** A block either way between the member and the host: the host's slots are not for them. */
const blockedWith = (memberId: string) => sql`exists (
  select 1 from ${memberBlocks} b where b.tenant_id = ${careerChatSlots.tenantId}
    and ((b.blocker_id = ${careerChatSlots.hostId} and b.blocked_id = ${memberId})
      or (b.blocker_id = ${memberId} and b.blocked_id = ${careerChatSlots.hostId})))`;

/**
 * Future slots a member may book, soonest first: live, not booked by anyone else (who booked is never
 * shown), hosts still active and not blocked either way. Their own booked slots stay in the list.
 */
export async function listOpenSlots(ctx: TenantServiceContext) {
  const me = ctx.actor.membershipId;
  return ctx.tx
    .select({
      slot: careerChatSlots,
      host: { id: hosts.id, displayName: hosts.displayName },
      bookedByMe: sql<boolean>`${careerChatBookings.id} is not null`,
    })
    .from(careerChatSlots)
    .innerJoin(hosts, and(eq(hosts.tenantId, careerChatSlots.tenantId), eq(hosts.id, careerChatSlots.hostId)))
    .leftJoin(
      careerChatBookings,
      and(
        eq(careerChatBookings.tenantId, careerChatSlots.tenantId),
        eq(careerChatBookings.slotId, careerChatSlots.id),
        isNull(careerChatBookings.cancelledAt),
      ),
    )
    .where(
      and(
        eq(careerChatSlots.tenantId, ctx.tenant.id),
        isNull(careerChatSlots.cancelledAt),
        gt(careerChatSlots.startsAt, sql`now()`),
        eq(hosts.status, 'active'),
        or(isNull(careerChatBookings.id), eq(careerChatBookings.memberId, me)),
        sql`not ${blockedWith(me)}`,
      ),
    )
    .orderBy(asc(careerChatSlots.startsAt), asc(careerChatSlots.id))
    .limit(200);
}

/**
 * Books a slot. The partial unique index on live bookings is what guarantees one booking per slot:
 * of any number of people booking at once exactly one insert lands, every other one is told 409
 * chat_slot_taken. In front of it, the slot row is locked with SKIP LOCKED: a request that finds the
 * slot being booked (or cancelled) by someone else at this moment answers 409 at once instead of
 * waiting for that transaction with a database connection held, so a rush on a few slots does not
 * starve the pool. Every refusal that depends on the member (role, block, own slot) is made before the
 * lock, so the lock holder's insert is all but sure to land. A second tap by the same member after
 * the first has landed returns their booking (200).
 */
export async function bookSlot(ctx: TenantServiceContext, slotId: string, input: { message: string }) {
  if (!canBookChats(ctx.actor)) throw forbidden('chat_not_bookable');
  const me = ctx.actor.membershipId;
  const slotWhere = and(eq(careerChatSlots.tenantId, ctx.tenant.id), eq(careerChatSlots.id, slotId));
  const [found] = await ctx.tx
    .select({ slot: careerChatSlots, blocked: sql<boolean>`${blockedWith(me)}` })
    .from(careerChatSlots)
    .where(slotWhere);
  if (!found) throw notFound();
  if (found.blocked) throw forbidden('chat_blocked');
  if (found.slot.hostId === me) throw conflict('chat_own_slot');
  const refuseIfGone = (row: ChatSlotRow) => {
    if (row.cancelledAt || row.startsAt.getTime() <= Date.now()) throw conflict('chat_slot_unavailable');
  };
  refuseIfGone(found.slot);
  const liveBooking = async () => {
    const [live] = await ctx.tx
      .select()
      .from(careerChatBookings)
      .where(
        and(
          eq(careerChatBookings.tenantId, ctx.tenant.id),
          eq(careerChatBookings.slotId, slotId),
          isNull(careerChatBookings.cancelledAt),
        ),
      );
    return live;
  };
  const existing = await liveBooking();
  if (existing?.memberId === me) return { booking: existing, slot: found.slot, created: false };
  if (existing) throw conflict('chat_slot_taken');
  const [slot] = await ctx.tx
    .select()
    .from(careerChatSlots)
    .where(slotWhere)
    .for('update', { skipLocked: true });
  if (!slot) throw conflict('chat_slot_taken');
  refuseIfGone(slot);
  const [booking] = await ctx.tx
    .insert(careerChatBookings)
    .values({ tenantId: ctx.tenant.id, slotId, memberId: me, message: input.message.trim() })
    .onConflictDoNothing()
    .returning();
  if (!booking) {
    const live = await liveBooking();
    if (live?.memberId === me) return { booking: live, slot, created: false };
    throw conflict('chat_slot_taken');
  }
  const people = await chatPeople(ctx.tx, ctx.tenant.id, [me, slot.hostId]);
  const member = people.get(me);
  const host = people.get(slot.hostId);
  if (member && host) {
    const common = { kind: 'booked' as const, tenant: ctx.tenant, slot, bookingId: booking.id };
    await queueChatMail(ctx.deps, ctx.tx, { ...common, to: member, other: host });
    await queueChatMail(ctx.deps, ctx.tx, { ...common, to: host, other: member });
  }
  const remindAt = new Date(slot.startsAt.getTime() - REMINDER_BEFORE_MS);
  if (remindAt.getTime() > Date.now()) {
    await ctx.deps.jobs.send(
      ctx.tx,
      'career_chat.remind',
      { tenantId: ctx.tenant.id, bookingId: booking.id },
      { startAfter: remindAt },
    );
  }
  await audit(ctx, 'career_chat.booked', slot.id, { bookingId: booking.id });
  return { booking, slot, created: true };
}

/** A booking with its slot, as one of the two people or HR may reach it; anyone else: not found. */
async function findVisibleBooking(ctx: TenantServiceContext, bookingId: string) {
  const [found] = await ctx.tx
    .select({ booking: careerChatBookings, slot: careerChatSlots })
    .from(careerChatBookings)
    .innerJoin(
      careerChatSlots,
      and(
        eq(careerChatSlots.tenantId, careerChatBookings.tenantId),
        eq(careerChatSlots.id, careerChatBookings.slotId),
      ),
    )
    .where(and(eq(careerChatBookings.tenantId, ctx.tenant.id), eq(careerChatBookings.id, bookingId)))
    .for('update', { of: careerChatBookings });
  const me = ctx.actor.membershipId;
  if (!found) throw notFound();
  if (found.booking.memberId !== me && found.slot.hostId !== me && !isStaff(ctx.actor)) throw notFound();
  return found;
}

/**
 * Cancels a live booking and tells the other side (both sides when HR cancels), with a CANCEL .ics.
 * The queued reminder finds the booking cancelled and sends nothing. Cancelling twice changes nothing.
 */
async function cancelLiveBooking(
  ctx: TenantServiceContext,
  booking: ChatBookingRow,
  slot: ChatSlotRow,
): Promise<ChatBookingRow> {
  const now = new Date();
  const [cancelled] = await ctx.tx
    .update(careerChatBookings)
    .set({ cancelledAt: now, cancelledBy: ctx.actor.membershipId })
    .where(
      and(
        eq(careerChatBookings.tenantId, ctx.tenant.id),
        eq(careerChatBookings.id, booking.id),
        isNull(careerChatBookings.cancelledAt),
      ),
    )
    .returning();
  if (!cancelled) return booking;
  const me = ctx.actor.membershipId;
  const people = await chatPeople(ctx.tx, ctx.tenant.id, [booking.memberId, slot.hostId]);
  const member = people.get(booking.memberId);
  const host = people.get(slot.hostId);
  const byStaff = me !== booking.memberId && me !== slot.hostId;
  const common = { kind: 'cancelled' as const, tenant: ctx.tenant, slot, bookingId: booking.id };
  if (member && host) {
    if (me !== booking.memberId) {
      await queueChatMail(ctx.deps, ctx.tx, {
        ...common,
        to: member,
        other: host,
        cancelledByStaff: byStaff,
      });
    }
    if (me !== slot.hostId) {
      await queueChatMail(ctx.deps, ctx.tx, {
        ...common,
        to: host,
        other: member,
        cancelledByStaff: byStaff,
      });
    }
  }
  await audit(ctx, 'career_chat.booking_cancelled', slot.id, { bookingId: booking.id, byStaff });
  return cancelled;
}

/** Either of the two, or HR, cancels a chat; the slot opens again unless it is the host who cancels. */
export async function cancelBooking(ctx: TenantServiceContext, bookingId: string) {
  const { booking, slot } = await findVisibleBooking(ctx, bookingId);
  if (booking.cancelledAt) return { booking, slot };
  return { booking: await cancelLiveBooking(ctx, booking, slot), slot };
}

/** A host (or HR) takes a slot back; its booking, if any, is cancelled with a mail to the member. */
export async function cancelSlot(ctx: TenantServiceContext, slotId: string) {
  const [slot] = await ctx.tx
    .select()
    .from(careerChatSlots)
    .where(and(eq(careerChatSlots.tenantId, ctx.tenant.id), eq(careerChatSlots.id, slotId)))
    .for('update');
  if (!slot || (slot.hostId !== ctx.actor.membershipId && !isStaff(ctx.actor))) throw notFound();
  if (slot.cancelledAt) return slot;
  const now = new Date();
  const [cancelled] = await ctx.tx
    .update(careerChatSlots)
    .set({ cancelledAt: now, sequence: slot.sequence + 1, updatedAt: now })
    .where(and(eq(careerChatSlots.tenantId, ctx.tenant.id), eq(careerChatSlots.id, slotId)))
    .returning();
  const [live] = await ctx.tx
    .select()
    .from(careerChatBookings)
    .where(
      and(
        eq(careerChatBookings.tenantId, ctx.tenant.id),
        eq(careerChatBookings.slotId, slotId),
        isNull(careerChatBookings.cancelledAt),
      ),
    )
    .for('update');
  if (live) await cancelLiveBooking(ctx, live, slot);
  await audit(ctx, 'career_chat.slot_cancelled', slotId, { booked: Boolean(live) });
  return cancelled!;
}

/** The member's own chats (booked or cancelled), upcoming first then the most recent past ones. */
export async function listMyChats(ctx: TenantServiceContext, only?: { bookingId: string }) {
  return ctx.tx
    .select({
      booking: careerChatBookings,
      slot: careerChatSlots,
      host: { id: hosts.id, displayName: hosts.displayName },
    })
    .from(careerChatBookings)
    .innerJoin(
      careerChatSlots,
      and(
        eq(careerChatSlots.tenantId, careerChatBookings.tenantId),
        eq(careerChatSlots.id, careerChatBookings.slotId),
      ),
    )
    .innerJoin(hosts, and(eq(hosts.tenantId, careerChatSlots.tenantId), eq(hosts.id, careerChatSlots.hostId)))
    .where(
      and(
        eq(careerChatBookings.tenantId, ctx.tenant.id),
        eq(careerChatBookings.memberId, ctx.actor.membershipId),
        only ? eq(careerChatBookings.id, only.bookingId) : undefined,
      ),
    )
    .orderBy(
      sql`${careerChatSlots.endsAt} < now()`,
      sql`case when ${careerChatSlots.endsAt} < now() then null else ${careerChatSlots.startsAt} end asc`,
      desc(careerChatSlots.startsAt),
    )
    .limit(100);
}

/**
 * Slots with their live booking: the host's own, or (for HR, `all`) every host's. Upcoming ones
 * soonest first, or ended ones newest first.
 */
export async function listHostedSlots(
  ctx: TenantServiceContext,
  options: { all: boolean; when: 'upcoming' | 'past' | 'any'; slotId?: string },
) {
  const ended = lte(careerChatSlots.endsAt, sql`now()`);
  return ctx.tx
    .select({
      slot: careerChatSlots,
      host: { id: hosts.id, displayName: hosts.displayName },
      booking: careerChatBookings,
      member: { id: members.id, displayName: members.displayName },
    })
    .from(careerChatSlots)
    .innerJoin(hosts, and(eq(hosts.tenantId, careerChatSlots.tenantId), eq(hosts.id, careerChatSlots.hostId)))
    .leftJoin(
      careerChatBookings,
      and(
        eq(careerChatBookings.tenantId, careerChatSlots.tenantId),
        eq(careerChatBookings.slotId, careerChatSlots.id),
        isNull(careerChatBookings.cancelledAt),
      ),
    )
    .leftJoin(
      members,
      and(eq(members.tenantId, careerChatBookings.tenantId), eq(members.id, careerChatBookings.memberId)),
    )
    .where(
      and(
        eq(careerChatSlots.tenantId, ctx.tenant.id),
        options.all ? undefined : eq(careerChatSlots.hostId, ctx.actor.membershipId),
        options.when === 'any' ? undefined : options.when === 'past' ? ended : sql`not ${ended}`,
        options.slotId ? eq(careerChatSlots.id, options.slotId) : undefined,
      ),
    )
    .orderBy(
      options.when === 'past' ? desc(careerChatSlots.startsAt) : asc(careerChatSlots.startsAt),
      asc(careerChatSlots.id),
    )
    .limit(500);
}
