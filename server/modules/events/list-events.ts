import { and, asc, desc, eq, lte, ne, type SQL, sql } from 'drizzle-orm';
import { eventRegistrations, events } from '../../db/schema/index.js';
import { notFound } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { keepEventsForMember } from './event-audience.js';
import type { RegistrationRow } from './register.js';
import type { EventRow } from './write-events.js';

export type EventCounts = {
  waitlistedOnline: number;
  waitlistedInPerson: number;
  attended: number;
};

const countsOf = sql<EventCounts>`(select json_build_object(
    'waitlistedOnline', count(*) filter (where r.status = 'waitlisted' and r.mode = 'online'),
    'waitlistedInPerson', count(*) filter (where r.status = 'waitlisted' and r.mode = 'in_person'),
    'attended', count(*) filter (where r.attended_at is not null and r.status <> 'cancelled'))
  from ${eventRegistrations} r where r.tenant_id = events.tenant_id and r.event_id = events.id)`;

/** Events for the console: upcoming soonest first, past newest first, or all newest first. */
export async function listStaffEvents(ctx: TenantServiceContext, when: 'upcoming' | 'past' | 'all') {
  const ended = lte(events.endsAt, sql`now()`);
  return ctx.tx
    .select({ event: events, counts: countsOf })
    .from(events)
    .where(
      and(
        eq(events.tenantId, ctx.tenant.id),
        when === 'all' ? undefined : when === 'past' ? ended : sql`not ${ended}`,
      ),
    )
    .orderBy(when === 'upcoming' ? asc(events.startsAt) : desc(events.startsAt), asc(events.id))
    .limit(500);
}

export async function findStaffEvent(ctx: TenantServiceContext, id: string) {
  const [row] = await ctx.tx
    .select({ event: events, counts: countsOf })
    .from(events)
    .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, id)));
  if (!row) throw notFound();
  return row;
}

// Drizzle writes a column inside a sql`` select field without its table, which inside a subquery
// would name the subquery's own column: the outer rows are named in full here.

/** A registration with its place on the waitlist (1 = next to be promoted), null unless waitlisted. */
export const waitlistPosition = sql<number | null>`case when event_registrations.status = 'waitlisted' then
  (select count(*)::int from ${eventRegistrations} w where w.tenant_id = event_registrations.tenant_id
    and w.event_id = event_registrations.event_id and w.mode = event_registrations.mode
    and w.status = 'waitlisted' and w.seq <= event_registrations.seq) end`;

export type MemberEventRow = {
  event: EventRow;
  registration: RegistrationRow | null;
  waitlistPosition: number | null;
};

/** The member's own live (or, failing that, latest) registration joined to each event. */
export function ownRegistrationJoin(memberId: string): SQL {
  return and(
    eq(eventRegistrations.tenantId, events.tenantId),
    eq(eventRegistrations.eventId, events.id),
    eq(eventRegistrations.memberId, memberId),
    // Refers to the registration row only (not the event), so it is checked once per registration of
    // this member rather than once per event read: a list then costs its events, not events × registrations.
    sql`${eventRegistrations.id} = (select m.id from ${eventRegistrations} m
      where m.tenant_id = ${eventRegistrations.tenantId} and m.event_id = ${eventRegistrations.eventId}
        and m.member_id = ${eventRegistrations.memberId}
      order by (m.status = 'cancelled'), m.created_at desc limit 1)`,
  )!;
}

/**
 * The events a member registered for (not drafts): those still to come soonest first, then those
 * ended, newest first. Upcoming and past events are paged (paged-events.ts).
 */
export async function listMemberEvents(ctx: TenantServiceContext): Promise<MemberEventRow[]> {
  const ended = lte(events.endsAt, sql`now()`);
  return ctx.tx
    .select({ event: events, registration: eventRegistrations, waitlistPosition })
    .from(events)
    .innerJoin(eventRegistrations, ownRegistrationJoin(ctx.actor.membershipId))
    .where(and(eq(events.tenantId, ctx.tenant.id), ne(events.status, 'draft')))
    .orderBy(
      sql`${ended}`,
      sql`case when ${ended} then null else ${events.startsAt} end asc`,
      desc(events.startsAt),
    )
    .limit(300);
}

/** One event as a member may see it: published or cancelled, meant for them or registered for. */
export async function findMemberEvent(ctx: TenantServiceContext, id: string): Promise<MemberEventRow> {
  const [row] = await ctx.tx
    .select({ event: events, registration: eventRegistrations, waitlistPosition })
    .from(events)
    .leftJoin(eventRegistrations, ownRegistrationJoin(ctx.actor.membershipId))
    .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, id), ne(events.status, 'draft')));
  if (!row) throw notFound();
  if (!row.registration && (await keepEventsForMember(ctx, [row])).length === 0) throw notFound();
  return row;
}
