import { and, eq } from 'drizzle-orm';
import { opportunities, opportunityInterestFiles, opportunityInterests } from '../../db/schema/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { todayInTokyo } from './dates.js';
import { deleteInterestFile, fileOfInterest, interestFileMeta } from './interest-file-rows.js';
import { keepMeantForMember } from './opportunity-audience.js';
import type { OpportunityRow } from './write-opportunities.js';

export type OpportunityInterestRow = typeof opportunityInterests.$inferSelect;

/**
 * An opportunity as a member may reach it: open ones, and closed ones they answered (so their answer
 * and HR's shared status stay readable). Drafts and others' closed ones are not found.
 */
export async function findMemberOpportunity(ctx: TenantServiceContext, id: string) {
  const [found] = await ctx.tx
    .select({ opportunity: opportunities, interest: opportunityInterests, file: interestFileMeta })
    .from(opportunities)
    .leftJoin(
      opportunityInterests,
      and(
        eq(opportunityInterests.tenantId, opportunities.tenantId),
        eq(opportunityInterests.opportunityId, opportunities.id),
        eq(opportunityInterests.membershipId, ctx.actor.membershipId),
      ),
    )
    .leftJoin(opportunityInterestFiles, fileOfInterest)
    .where(and(eq(opportunities.tenantId, ctx.tenant.id), eq(opportunities.id, id)));
  if (!found || found.opportunity.status === 'draft') throw notFound();
  if (!found.interest && !takesAnswers(found.opportunity)) throw notFound();
  // Not meant for this member (and not answered by them): the same as not there.
  if (!found.interest && (await keepMeantForMember(ctx, [found])).length === 0) throw notFound();
  return found;
}

export function takesAnswers(row: OpportunityRow, today = todayInTokyo()): boolean {
  return row.status === 'open' && (row.closesOn === null || row.closesOn >= today);
}

/** Open and not past its closing day (in Japan): what 「興味あり」 and referrals need. */
export function acceptsResponses(row: Pick<OpportunityRow, 'status' | 'closesOn'>, today = todayInTokyo()) {
  return row.status === 'open' && (row.closesOn === null || row.closesOn >= today);
}

export function refuseIfClosed(row: OpportunityRow) {
  if (acceptsResponses(row)) return;
  throw conflict(row.status === 'draft' ? 'opportunity_not_open' : 'opportunity_closed');
}

/**
 * 「興味あり」: one answer per member and opportunity. A second tap changes nothing; after a withdrawal
 * it counts again. A closed or past-deadline opportunity refuses it (409).
 */
export async function expressInterest(
  ctx: TenantServiceContext,
  id: string,
  input: { message: string; link?: string | null | undefined },
) {
  const { opportunity, interest, file } = await findMemberOpportunity(ctx, id);
  refuseIfClosed(opportunity);
  const where = and(
    eq(opportunityInterests.tenantId, ctx.tenant.id),
    eq(opportunityInterests.opportunityId, id),
    eq(opportunityInterests.membershipId, ctx.actor.membershipId),
  );
  if (interest && !interest.withdrawnAt) return { interest, file, created: false };
  if (interest) {
    const now = new Date();
    const [revived] = await ctx.tx
      .update(opportunityInterests)
      .set({
        withdrawnAt: null,
        stage: 'interested',
        stageChangedAt: now,
        message: input.message.trim(),
        link: input.link ?? null,
        updatedAt: now,
      })
      .where(where)
      .returning();
    return { interest: revived!, file: null, created: true };
  }
  // A double tap racing itself lands once: the unique key keeps one row and the other reads it.
  const [inserted] = await ctx.tx
    .insert(opportunityInterests)
    .values({
      tenantId: ctx.tenant.id,
      opportunityId: id,
      membershipId: ctx.actor.membershipId,
      message: input.message.trim(),
      link: input.link ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { interest: inserted, file: null, created: true };
  const [existing] = await ctx.tx.select().from(opportunityInterests).where(where);
  return { interest: existing!, file: null, created: false };
}

/** The member takes their interest back; HR's card stays, marked withdrawn, and the attached PDF is deleted. */
export async function withdrawInterest(ctx: TenantServiceContext, id: string) {
  const { interest } = await findMemberOpportunity(ctx, id);
  if (!interest) throw notFound();
  if (interest.withdrawnAt) return interest;
  const now = new Date();
  await deleteInterestFile(ctx, interest.id);
  const [updated] = await ctx.tx
    .update(opportunityInterests)
    .set({ withdrawnAt: now, updatedAt: now })
    .where(and(eq(opportunityInterests.tenantId, ctx.tenant.id), eq(opportunityInterests.id, interest.id)))
    .returning();
  return updated!;
}
