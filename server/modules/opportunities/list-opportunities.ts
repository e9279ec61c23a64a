import { and, asc, desc, eq, gte, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  type OpportunityKind,
  opportunities,
  opportunityInterestFiles,
  opportunityInterests,
} from '../../db/schema/index.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { todayInTokyo } from './dates.js';
import { fileOfInterest, interestFileMeta } from './interest-file-rows.js';
import { keepMeantForMember } from './opportunity-audience.js';

/** Every opportunity of the network for the console, newest first, with its candidates counted. */
export async function listStaffOpportunities(ctx: TenantServiceContext) {
  return ctx.tx
    .select({
      opportunity: opportunities,
      total: sql<number>`count(${opportunityInterests.id})::int`,
      active: sql<number>`(count(${opportunityInterests.id}) filter (where ${opportunityInterests.withdrawnAt} is null
        and ${opportunityInterests.stage} not in ('hired', 'not_selected', 'declined')))::int`,
    })
    .from(opportunities)
    .leftJoin(
      opportunityInterests,
      and(
        eq(opportunityInterests.tenantId, opportunities.tenantId),
        eq(opportunityInterests.opportunityId, opportunities.id),
      ),
    )
    .where(eq(opportunities.tenantId, ctx.tenant.id))
    .groupBy(opportunities.tenantId, opportunities.id)
    .orderBy(desc(opportunities.createdAt), desc(opportunities.id));
}

/** Counts for one opportunity, as in the list. */
export async function countCandidates(ctx: TenantServiceContext, opportunityId: string) {
  const [row] = await ctx.tx
    .select({
      total: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where ${opportunityInterests.withdrawnAt} is null
        and ${opportunityInterests.stage} not in ('hired', 'not_selected', 'declined')))::int`,
    })
    .from(opportunityInterests)
    .where(
      and(
        eq(opportunityInterests.tenantId, ctx.tenant.id),
        eq(opportunityInterests.opportunityId, opportunityId),
      ),
    );
  return row ?? { total: 0, active: 0 };
}

/** Open and not past its closing date (Japan time): what members may see and answer. */
export function isOpenForMembers(today = todayInTokyo()): SQL {
  return and(
    eq(opportunities.status, 'open'),
    or(isNull(opportunities.closesOn), gte(opportunities.closesOn, today)),
  )!;
}

/**
 * The open opportunities a member may see, with the member's own answer (never anyone else's).
 * newest: most recently opened first; closing: those with a closing date, soonest first, then the rest.
 */
export async function listMemberOpportunities(
  ctx: TenantServiceContext,
  query: { kind?: OpportunityKind | undefined; sort: 'newest' | 'closing' },
) {
  const filters = [eq(opportunities.tenantId, ctx.tenant.id), isOpenForMembers()];
  if (query.kind) filters.push(eq(opportunities.kind, query.kind));
  const order =
    query.sort === 'closing'
      ? [sql`${opportunities.closesOn} asc nulls last`, desc(opportunities.openedAt), asc(opportunities.id)]
      : [desc(opportunities.openedAt), asc(opportunities.id)];
  const rows = await ctx.tx
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
    .where(and(...filters))
    .orderBy(...order)
    .limit(500);
  // Answers already given stay visible to their author, whoever the opportunity is meant for now.
  const meant = new Set(
    (
      await keepMeantForMember(
        ctx,
        rows.filter((row) => !row.interest),
      )
    ).map((row) => row.opportunity.id),
  );
  return rows.filter((row) => row.interest || meant.has(row.opportunity.id)).slice(0, 200);
}
