import type { ChatBookingRow, ChatSlotRow } from './career-chats.js';

type Named = { id: string; displayName: string };

function slotFields(slot: ChatSlotRow, host: Named) {
  return {
    id: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    minutes: slot.minutes,
    placeKind: slot.placeKind,
    topic: slot.topic,
    note: slot.note,
    host: { id: host.id, displayName: host.displayName },
  };
}

/**
 * An open slot for a member. Who booked a slot is never here (a booked slot is only listed to the one
 * who booked it); a meeting link is given once booked, a place's name always.
 */
export function presentOpenSlot(row: { slot: ChatSlotRow; host: Named; bookedByMe: boolean }) {
  const { slot } = row;
  return {
    ...slotFields(slot, row.host),
    place: row.bookedByMe || slot.placeKind === 'place' ? slot.place : null,
    bookedByMe: row.bookedByMe,
  };
}

/** A member's own chat. */
export function presentMyChat(row: { booking: ChatBookingRow; slot: ChatSlotRow; host: Named }) {
  const { booking, slot } = row;
  const cancelledAt = booking.cancelledAt ?? slot.cancelledAt;
  return {
    id: booking.id,
    slot: { ...slotFields(slot, row.host), place: slot.place },
    message: booking.message,
    status: cancelledAt ? ('cancelled' as const) : ('booked' as const),
    cancelledAt: cancelledAt?.toISOString() ?? null,
    bookedAt: booking.createdAt.toISOString(),
  };
}

/** A slot for its host or HR, with the member who booked it. */
export function presentHostedSlot(row: {
  slot: ChatSlotRow;
  host: Named;
  booking: ChatBookingRow | null;
  member: Named | null;
}) {
  const { slot, booking, member } = row;
  return {
    ...slotFields(slot, row.host),
    place: slot.place,
    cancelledAt: slot.cancelledAt?.toISOString() ?? null,
    booking:
      booking && member?.id
        ? {
            id: booking.id,
            member: { id: member.id, displayName: member.displayName },
            message: booking.message,
            bookedAt: booking.createdAt.toISOString(),
          }
        : null,
  };
}
