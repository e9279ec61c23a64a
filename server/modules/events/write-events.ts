import { and, eq } from 'drizzle-orm';
import { type AttendanceMode, events } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuditAction } from '../../platform/audit-actions.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { renderMarkdown } from '../community/posts/render-markdown.js';
import { everyMember } from '../programmes/audience/audience-spec.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { attachCover, checkCover, dropOldCovers } from './event-images.js';
import { scheduleReminders } from './event-reminders.js';
import { modesOf } from './event-rules.js';
import { scheduleFollowUpSurvey } from './follow-up-survey.js';
import { promoteWaitlisted } from './promote-waitlisted.js';
import type { EventPatch, NewEvent } from './schemas.js';

export type EventRow = typeof events.$inferSelect;

export async function auditEvent(
  ctx: TenantServiceContext,
  action: AuditAction,
  eventId: string,
  data: Record<string, unknown>,
) {
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action,
    targetType: 'event',
    targetId: eventId,
    data,
    ipAddress: ctx.ipAddress,
  });
}

/** Any event of the network, drafts included (staff only; callers authorise); `lock` takes the row lock. */
export async function findEvent(ctx: TenantServiceContext, id: string, lock = false): Promise<EventRow> {
  const query = ctx.tx
    .select()
    .from(events)
    .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

function renderedBody(ctx: TenantServiceContext, body: string) {
  const text = body.trim();
  // The posts' Markdown subset and sanitiser: no raw HTML, no script, no javascript: link.
  return { body: text, bodyHtml: text ? renderMarkdown(text, ctx.tenant.slug) : '' };
}

const invalidField = (
  path: string,
  code: 'event_ends_before_start' | 'event_window_invalid' | 'event_cover_alt_required',
) => new AppError(422, code, [{ path, code }]);

/** The rules over the whole event once a change is applied to what is stored. */
function checkWhole(
  next: Pick<
    EventRow,
    'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt' | 'coverImageId' | 'coverAlt'
  >,
) {
  // A cover is described for those who cannot see it.
  if (next.coverImageId && !next.coverAlt) throw invalidField('coverAlt', 'event_cover_alt_required');
  if (next.endsAt.getTime() <= next.startsAt.getTime())
    throw invalidField('endsAt', 'event_ends_before_start');
  if (
    next.registrationOpensAt &&
    next.registrationClosesAt &&
    next.registrationClosesAt.getTime() <= next.registrationOpensAt.getTime()
  ) {
    throw invalidField('registrationClosesAt', 'event_window_invalid');
  }
}

const dateOrNull = (text: string | null | undefined) =>
  text === undefined ? undefined : text === null ? null : new Date(text);

export async function createEvent(ctx: TenantServiceContext, input: NewEvent) {
  const now = new Date();
  const values = {
    ...input,
    ...renderedBody(ctx, input.body),
    audience: input.audience ?? everyMember,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    registrationOpensAt: dateOrNull(input.registrationOpensAt) ?? null,
    registrationClosesAt: dateOrNull(input.registrationClosesAt) ?? null,
  };
  checkWhole(values);
  await checkCover(ctx, null, values.coverImageId);
  const [row] = await ctx.tx
    .insert(events)
    .values({
      ...values,
      tenantId: ctx.tenant.id,
      status: 'draft',
      createdBy: ctx.actor.membershipId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await attachCover(ctx, row!.id, row!.coverImageId);
  await auditEvent(ctx, 'event.created', row!.id, {
    title: row!.title,
    startsAt: values.startsAt.toISOString(),
  });
  return row!;
}

/** Seats taken by confirmed registrants of a mode, and the capacity asked for it. */
function capacityCheck(current: EventRow, next: Pick<EventRow, 'capacityOnline' | 'capacityInPerson'>) {
  const below = (capacity: number | null, confirmed: number) => capacity !== null && capacity < confirmed;
  if (below(next.capacityOnline, current.confirmedOnline)) {
    throw new AppError(422, 'event_capacity_below_confirmed', [
      {
        path: 'capacityOnline',
        code: 'event_capacity_below_confirmed',
        params: { n: current.confirmedOnline },
      },
    ]);
  }
  if (below(next.capacityInPerson, current.confirmedInPerson)) {
    throw new AppError(422, 'event_capacity_below_confirmed', [
      {
        path: 'capacityInPerson',
        code: 'event_capacity_below_confirmed',
        params: { n: current.confirmedInPerson },
      },
    ]);
  }
}

/**
 * Changes an event under its row lock (registrations wait, so the capacity check sees every
 * confirmed seat). A capacity below the confirmed count is refused; a larger one promotes people from
 * the waitlist in arrival order. A change of time or place raises the calendar SEQUENCE. Returns the
 * row, whether the time or place changed, and who was promoted (callers tell them).
 */
export async function updateEvent(ctx: TenantServiceContext, id: string, patch: EventPatch) {
  if (Object.keys(patch).length === 0) throw new AppError(422, 'nothing_to_change');
  const current = await findEvent(ctx, id, true);
  if (current.status === 'cancelled') throw conflict('event_cancelled');
  const next = {
    ...current,
    ...patch,
    startsAt: patch.startsAt ? new Date(patch.startsAt) : current.startsAt,
    endsAt: patch.endsAt ? new Date(patch.endsAt) : current.endsAt,
    registrationOpensAt:
      dateOrNull(patch.registrationOpensAt) === undefined
        ? current.registrationOpensAt
        : dateOrNull(patch.registrationOpensAt)!,
    registrationClosesAt:
      dateOrNull(patch.registrationClosesAt) === undefined
        ? current.registrationClosesAt
        : dateOrNull(patch.registrationClosesAt)!,
  };
  checkWhole(next);
  capacityCheck(current, next);
  if (patch.coverImageId !== undefined) await checkCover(ctx, id, patch.coverImageId);
  const dropped = modesOf(current.format).filter((mode) => !modesOf(next.format).includes(mode));
  if (dropped.some((mode) => confirmedOf(current, mode) > 0)) throw conflict('event_format_in_use');
  const timeChanged =
    next.startsAt.getTime() !== current.startsAt.getTime() ||
    next.endsAt.getTime() !== current.endsAt.getTime();
  const placeChanged =
    next.venue !== current.venue ||
    next.address !== current.address ||
    next.meetingUrl !== current.meetingUrl ||
    next.format !== current.format;
  const [row] = await ctx.tx
    .update(events)
    .set({
      ...patch,
      ...(patch.body === undefined ? {} : renderedBody(ctx, patch.body)),
      startsAt: next.startsAt,
      endsAt: next.endsAt,
      registrationOpensAt: next.registrationOpensAt,
      registrationClosesAt: next.registrationClosesAt,
      sequence: timeChanged || placeChanged ? current.sequence + 1 : current.sequence,
      updatedAt: new Date(),
    })
    .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, id)))
    .returning();
  if (patch.coverImageId !== undefined) {
    await attachCover(ctx, id, patch.coverImageId);
    await dropOldCovers(ctx, id, patch.coverImageId);
  }
  const promoted = await promoteWaitlisted(ctx, row!);
  // The reminders queued for the old time find a newer sequence and stand down.
  if (row!.sequence !== current.sequence) await scheduleReminders(ctx, row!);
  if (next.endsAt.getTime() !== current.endsAt.getTime()) await scheduleFollowUpSurvey(ctx, row!);
  await auditEvent(ctx, timeChanged ? 'event.time_changed' : 'event.updated', id, {
    fields: Object.keys(patch),
    ...(timeChanged ? { from: current.startsAt.toISOString(), to: next.startsAt.toISOString() } : {}),
  });
  return { event: promoted.event, timeChanged, placeChanged, promoted: promoted.promoted };
}

export const confirmedOf = (event: EventRow, mode: AttendanceMode) =>
  mode === 'online' ? event.confirmedOnline : event.confirmedInPerson;

/** Opens a draft to its audience. An online or hybrid event needs its meeting link, an in-person one its venue. */
export async function publishEvent(ctx: TenantServiceContext, id: string) {
  const current = await findEvent(ctx, id, true);
  if (current.status === 'published') return current;
  if (current.status === 'cancelled') throw conflict('event_cancelled');
  const errors = [];
  if (current.format !== 'in_person' && !current.meetingUrl) {
    errors.push({ path: 'meetingUrl', code: 'field_required' as const });
  }
  if (current.format !== 'online' && !current.venue)
    errors.push({ path: 'venue', code: 'field_required' as const });
  if (errors.length > 0) throw new AppError(422, 'event_incomplete', errors);
  const now = new Date();
  const [row] = await ctx.tx
    .update(events)
    .set({ status: 'published', publishedAt: current.publishedAt ?? now, updatedAt: now })
    .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, id)))
    .returning();
  await scheduleReminders(ctx, row!);
  await scheduleFollowUpSurvey(ctx, row!);
  await auditEvent(ctx, 'event.published', id, { title: current.title });
  return row!;
}

/**
 * Cancels an event: it stays on registrants' lists as cancelled, registration is refused, the calendar
 * SEQUENCE goes up (their entry becomes a cancellation). Cancelling twice changes nothing.
 */
export async function cancelEvent(ctx: TenantServiceContext, id: string) {
  const current = await findEvent(ctx, id, true);
  if (current.status === 'cancelled') return { event: current, changed: false };
  const now = new Date();
  const [row] = await ctx.tx
    .update(events)
    .set({ status: 'cancelled', cancelledAt: now, sequence: current.sequence + 1, updatedAt: now })
    .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, id)))
    .returning();
  await auditEvent(ctx, 'event.cancelled', id, {
    title: current.title,
    wasPublished: current.status === 'published',
  });
  return { event: row!, changed: current.status === 'published' };
}
