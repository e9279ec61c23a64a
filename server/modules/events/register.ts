import { randomInt } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { type AttendanceMode, eventRegistrations, events, memberships } from '../../db/schema/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { eventMeantForMember } from './event-audience.js';
import { capacityOf, isRegistrationOpen, modesOf, registrationWindow } from './event-rules.js';
import { type Promotion, promoteWaitlisted } from './promote-waitlisted.js';
import type { RegisterInput } from './schemas.js';
import { auditEvent, type EventRow, findEvent } from './write-events.js';

export type RegistrationRow = typeof eventRegistrations.$inferSelect;

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L). */
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function newCheckInCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}

/** The mode asked for: a hybrid event needs one; otherwise it is the event's format. */
function modeFor(event: EventRow, asked: AttendanceMode | undefined): AttendanceMode {
  const modes = modesOf(event.format);
  if (asked === undefined) {
    if (modes.length === 1) return modes[0]!;
    throw new AppError(422, 'event_mode_required', [{ path: 'mode', code: 'event_mode_required' }]);
  }
  if (!modes.includes(asked)) {
    throw new AppError(422, 'field_invalid_option', [{ path: 'mode', code: 'field_invalid_option' }]);
  }
  return asked;
}

/** Answers to the event's questions: required ones given, choices among the offered ones, no strangers. */
function checkedAnswers(event: EventRow, answers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  const errors = [];
  for (const question of event.questions) {
    const answer = (answers[question.id] ?? '').trim();
    if (!answer) {
      if (question.required) errors.push({ path: `answers.${question.id}`, code: 'field_required' as const });
      continue;
    }
    if (question.kind === 'choice' && !question.choices.includes(answer)) {
      errors.push({ path: `answers.${question.id}`, code: 'field_invalid_option' as const });
      continue;
    }
    kept[question.id] = answer;
  }
  for (const id of Object.keys(answers)) {
    if (!event.questions.some((question) => question.id === id)) {
      errors.push({ path: `answers.${id}`, code: 'field_invalid_option' as const });
    }
  }
  if (errors.length > 0) throw new AppError(422, 'validation_failed', errors);
  return kept;
}

async function liveRegistration(ctx: TenantServiceContext, eventId: string, memberId: string) {
  const [live] = await ctx.tx
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.tenantId, ctx.tenant.id),
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.memberId, memberId),
        ne(eventRegistrations.status, 'cancelled'),
      ),
    );
  return live;
}

/**
 * Takes a seat, or a place on the waitlist, for one member. The event row is locked for the count and
 * the insert, so registrations for one event are taken one at a time in the order they reach the lock:
 * the confirmed counters (whose CHECK constraints hold them to the capacity) cannot pass the capacity,
 * and the waitlist keeps arrival order through next_seq. The lock is held for a few statements only.
 */
async function takeSeat(
  ctx: TenantServiceContext,
  eventId: string,
  memberId: string,
  mode: AttendanceMode,
  answers: Record<string, string>,
  addedBy: string | null,
): Promise<{ registration: RegistrationRow; event: EventRow }> {
  const event = await findEvent(ctx, eventId, true);
  if (event.status === 'cancelled') throw conflict('event_cancelled');
  if (await liveRegistration(ctx, eventId, memberId)) throw conflict('event_already_registered');
  const capacity = capacityOf(event, mode);
  const confirmed = mode === 'online' ? event.confirmedOnline : event.confirmedInPerson;
  const seat = capacity === null || confirmed < capacity;
  const [registration] = await ctx.tx
    .insert(eventRegistrations)
    .values({
      tenantId: ctx.tenant.id,
      eventId,
      memberId,
      mode,
      status: seat ? 'confirmed' : 'waitlisted',
      seq: event.nextSeq,
      answers,
      checkInCode: newCheckInCode(),
      addedBy,
    })
    .returning();
  const [updated] = await ctx.tx
    .update(events)
    .set({
      nextSeq: sql`${events.nextSeq} + 1`,
      ...(seat && mode === 'online' ? { confirmedOnline: sql`${events.confirmedOnline} + 1` } : {}),
      ...(seat && mode === 'in_person' ? { confirmedInPerson: sql`${events.confirmedInPerson} + 1` } : {}),
    })
    .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, eventId)))
    .returning();
  return { registration: registration!, event: updated! };
}

/**
 * A member registers themselves: the event must be published, meant for them, and open for
 * registration; registering twice is refused. Full: they join the waitlist.
 */
export async function registerForEvent(ctx: TenantServiceContext, eventId: string, input: RegisterInput) {
  const [event] = await ctx.tx
    .select()
    .from(events)
    .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, eventId)));
  if (!event || event.status === 'draft') throw notFound();
  if (!(await eventMeantForMember(ctx, event))) {
    // A published event outside the member's audience is not theirs to see.
    throw notFound();
  }
  if (event.status === 'cancelled') throw conflict('event_cancelled');
  if (!isRegistrationOpen(event)) {
    const { opens } = registrationWindow(event);
    throw conflict(
      opens && opens.getTime() > Date.now() ? 'event_registration_not_open' : 'event_registration_closed',
    );
  }
  const mode = modeFor(event, input.mode);
  const answers = checkedAnswers(event, input.answers);
  if (await liveRegistration(ctx, eventId, ctx.actor.membershipId))
    throw conflict('event_already_registered');
  return takeSeat(ctx, eventId, ctx.actor.membershipId, mode, answers, null);
}

/** Staff add a member by hand: outside the window and the audience, but never past the capacity. */
export async function addRegistration(
  ctx: TenantServiceContext,
  eventId: string,
  input: { memberId: string; mode?: AttendanceMode | undefined; answers: Record<string, string> },
) {
  const event = await findEvent(ctx, eventId);
  const [member] = await ctx.tx
    .select({ id: memberships.id, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, input.memberId)));
  if (member?.status !== 'active') {
    throw new AppError(422, 'event_member_unknown', [{ path: 'memberId', code: 'event_member_unknown' }]);
  }
  const mode = modeFor(event, input.mode);
  const answers = checkedAnswers(
    { ...event, questions: event.questions.map((q) => ({ ...q, required: false })) },
    input.answers,
  );
  const taken = await takeSeat(ctx, eventId, input.memberId, mode, answers, ctx.actor.membershipId);
  await auditEvent(ctx, 'event.registration_added', eventId, {
    registrationId: taken.registration.id,
    memberId: input.memberId,
    status: taken.registration.status,
  });
  return taken;
}

/**
 * Cancels a registration (the member's own, or staff removing someone). A freed seat goes to the first
 * on the waitlist of that mode, in the same transaction under the event's lock. Cancelling twice
 * changes nothing. Returns who was promoted, for the caller to tell.
 */
export async function cancelRegistration(
  ctx: TenantServiceContext,
  eventId: string,
  registrationId: string,
  options: { byStaff: boolean },
): Promise<{ registration: RegistrationRow; promoted: Promotion[]; event: EventRow }> {
  const [found] = await ctx.tx
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.tenantId, ctx.tenant.id),
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.id, registrationId),
      ),
    );
  if (!found) throw notFound();
  if (!options.byStaff && found.memberId !== ctx.actor.membershipId) throw notFound();
  const event = await findEvent(ctx, eventId, true);
  const [cancelled] = await ctx.tx
    .update(eventRegistrations)
    .set({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: ctx.actor.membershipId })
    .where(
      and(
        eq(eventRegistrations.tenantId, ctx.tenant.id),
        eq(eventRegistrations.id, registrationId),
        ne(eventRegistrations.status, 'cancelled'),
      ),
    )
    .returning();
  if (!cancelled) return { registration: found, promoted: [], event };
  let current = event;
  if (found.status === 'confirmed') {
    const [freed] = await ctx.tx
      .update(events)
      .set(
        found.mode === 'online'
          ? { confirmedOnline: sql`${events.confirmedOnline} - 1` }
          : { confirmedInPerson: sql`${events.confirmedInPerson} - 1` },
      )
      .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, eventId)))
      .returning();
    current = freed!;
  }
  const promoted = await promoteWaitlisted(ctx, current);
  if (options.byStaff) {
    await auditEvent(ctx, 'event.registration_removed', eventId, {
      registrationId,
      memberId: found.memberId,
      promoted: promoted.promoted.map((p) => p.registrationId),
    });
  }
  return { registration: cancelled, promoted: promoted.promoted, event: promoted.event };
}
