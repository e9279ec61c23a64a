import { type AudienceSpec, AudienceSpecSchema, everyMember } from '../programmes/audience/audience-spec.js';
import { audienceAdmitsMember, loadMemberAudienceFacts } from '../programmes/audience/member-audience.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { OpportunityRow } from './write-opportunities.js';

/** The stored spec, read back through the schema (fields added later take their defaults). */
export function audienceOf(row: Pick<OpportunityRow, 'audience'>): AudienceSpec {
  if (!row.audience) return everyMember;
  const parsed = AudienceSpecSchema.safeParse(row.audience);
  return parsed.success ? parsed.data : everyMember;
}

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
