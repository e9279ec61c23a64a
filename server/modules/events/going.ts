import { z } from '@hono/zod-openapi';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { eventRegistrations, memberProfiles, memberships } from '../../db/schema/index.js';
import { notBlockedWith } from '../community/blocks.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { findMemberEvent } from './list-events.js';

/** How many faces the event page shows; the rest are a number. */
export const goingShown = 24;

/**
 * Who else is going, for a member who may see the event: confirmed registrants, listed by the same rule
 * as the directory (their consent to be listed, an active membership, no block either way), in the
 * order they registered. Everyone else confirmed is only counted, so nobody is named who did not agree.
 */
export async function whoElseIsGoing(ctx: TenantServiceContext, eventId: string) {
  const { event } = await findMemberEvent(ctx, eventId);
  if (event.status !== 'published') return { rows: [], others: 0 };
  const me = ctx.actor.membershipId;
  const confirmedOthers = and(
    eq(eventRegistrations.tenantId, ctx.tenant.id),
    eq(eventRegistrations.eventId, eventId),
    eq(eventRegistrations.status, 'confirmed'),
    ne(eventRegistrations.memberId, me),
  );
  const rows = await ctx.tx
    .select({
      membership: { id: memberships.id, displayName: memberships.displayName, role: memberships.role },
      profile: memberProfiles,
    })
    .from(eventRegistrations)
    .innerJoin(
      memberships,
      and(
        eq(memberships.tenantId, eventRegistrations.tenantId),
        eq(memberships.id, eventRegistrations.memberId),
      ),
    )
    .innerJoin(
      memberProfiles,
      and(
        eq(memberProfiles.tenantId, eventRegistrations.tenantId),
        eq(memberProfiles.membershipId, eventRegistrations.memberId),
      ),
    )
    .where(
      and(
        confirmedOthers,
        eq(memberships.status, 'active'),
        eq(memberProfiles.listedInDirectory, true),
        notBlockedWith(me, ctx.tenant.id, eventRegistrations.memberId),
      ),
    )
    .orderBy(asc(eventRegistrations.seq))
    .limit(goingShown);
  const [total] = await ctx.tx.select({ n: count() }).from(eventRegistrations).where(confirmedOthers);
  return { rows, others: Math.max(0, (total?.n ?? 0) - rows.length) };
}

export const GoingPersonSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    badge: z.enum(['staff', 'employee']).nullable(),
    photoUrl: z.string().optional(),
    currentCompany: z.string().optional(),
    currentTitle: z.string().optional(),
  })
  .openapi('EventGoingPerson');

export const GoingSchema = z
  .object({
    people: z.array(GoingPersonSchema),
    /** Confirmed registrants besides me who are not shown (not listed, or past the first few). */
    others: z.number().int(),
  })
  .openapi('EventGoing');
