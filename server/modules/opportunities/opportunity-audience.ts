import { type AudienceSpec, storedAudience } from '../programmes/audience/audience-spec.js';
import { audienceAdmitsMember, loadMemberAudienceFacts } from '../programmes/audience/member-audience.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { OpportunityRow } from './write-opportunities.js';

/** The opportunity's stored spec (see storedAudience). */
export const audienceOf = (row: Pick<OpportunityRow, 'audience'>): AudienceSpec =>
  storedAudience(row.audience);

/** Keeps the opportunities meant for the acting member: one read of their facts for the whole list. */
export async function keepMeantForMember<T extends { opportunity: Pick<OpportunityRow, 'audience'> }>(
  ctx: TenantServiceContext,
  rows: T[],
): Promise<T[]> {
  if (rows.length === 0) return rows;
  const specs = rows.map((row) => audienceOf(row.opportunity));
  const segmentIds = specs.flatMap((spec) => (spec.segmentId ? [spec.segmentId] : []));
  const facts = await loadMemberAudienceFacts(ctx, ctx.actor.membershipId, segmentIds);
  return rows.filter((_, index) => audienceAdmitsMember(specs[index]!, facts));
}
