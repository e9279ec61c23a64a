import { type AudienceSpec, storedAudience } from '../programmes/audience/audience-spec.js';
import { audienceAdmitsMember, loadMemberAudienceFacts } from '../programmes/audience/member-audience.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { EventRow } from './write-events.js';

/** The event's stored spec (see storedAudience). */
export const audienceOf = (row: Pick<EventRow, 'audience'>): AudienceSpec => storedAudience(row.audience);

/** Keeps the events meant for the acting member: one read of their facts for the whole list. */
export async function keepEventsForMember<T extends { event: Pick<EventRow, 'audience'> }>(
  ctx: TenantServiceContext,
  rows: T[],
): Promise<T[]> {
  if (rows.length === 0) return rows;
  const specs = rows.map((row) => audienceOf(row.event));
  const segmentIds = [...new Set(specs.flatMap((spec) => (spec.segmentId ? [spec.segmentId] : [])))];
  const facts = await loadMemberAudienceFacts(ctx, ctx.actor.membershipId, segmentIds);
  return rows.filter((_, index) => audienceAdmitsMember(specs[index]!, facts));
}

export async function eventMeantForMember(ctx: TenantServiceContext, event: Pick<EventRow, 'audience'>) {
  return (await keepEventsForMember(ctx, [{ event }])).length === 1;
}
