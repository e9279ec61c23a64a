import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  alumniRecords,
  type CandidateStage,
  memberships,
  opportunities,
  opportunityInterestFiles,
  opportunityInterests,
} from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { markRecordRehired } from '../registry/rehire.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { fileOfInterest, interestFileMeta } from './interest-file-rows.js';
import type { CandidatePatch } from './schemas.js';

const owners = alias(memberships, 'owners');

/** HR's candidate cards, newest first; with the member's HR record when they have one. */
export async function listCandidates(
  ctx: TenantServiceContext,
  query: { opportunity?: string | undefined; stage?: CandidateStage | undefined; id?: string | undefined },
) {
  const filters: SQL[] = [eq(opportunityInterests.tenantId, ctx.tenant.id)];
  if (query.opportunity) filters.push(eq(opportunityInterests.opportunityId, query.opportunity));
  if (query.stage) filters.push(eq(opportunityInterests.stage, query.stage));
  if (query.id) filters.push(eq(opportunityInterests.id, query.id));
  const rows = await ctx.tx
    .select({
      interest: opportunityInterests,
      opportunity: { id: opportunities.id, title: opportunities.title, kind: opportunities.kind },
      member: { id: memberships.id, displayName: memberships.displayName },
      owner: { id: owners.id, displayName: owners.displayName },
      file: interestFileMeta,
    })
    .from(opportunityInterests)
    .innerJoin(
      opportunities,
      and(
        eq(opportunities.tenantId, opportunityInterests.tenantId),
        eq(opportunities.id, opportunityInterests.opportunityId),
      ),
    )
    .innerJoin(
      memberships,
      and(
        eq(memberships.tenantId, opportunityInterests.tenantId),
        eq(memberships.id, opportunityInterests.membershipId),
      ),
    )
    .leftJoin(
      owners,
      and(eq(owners.tenantId, opportunityInterests.tenantId), eq(owners.id, opportunityInterests.ownerId)),
    )
    .leftJoin(opportunityInterestFiles, fileOfInterest)
    .where(and(...filters))
    .orderBy(desc(opportunityInterests.createdAt), desc(opportunityInterests.id))
    .limit(5000);
  const memberIds = [...new Set(rows.map((row) => row.member.id))];
  const records =
    memberIds.length === 0
      ? []
      : await ctx.tx
          .select({
            id: alumniRecords.id,
            membershipId: alumniRecords.membershipId,
            familyName: alumniRecords.familyName,
            givenName: alumniRecords.givenName,
            employmentStatus: alumniRecords.employmentStatus,
            rehiredOn: alumniRecords.rehiredOn,
          })
          .from(alumniRecords)
          .where(
            and(eq(alumniRecords.tenantId, ctx.tenant.id), inArray(alumniRecords.membershipId, memberIds)),
          );
  const recordOf = new Map(records.map((record) => [record.membershipId, record]));
  return rows.map((row) => ({ ...row, record: recordOf.get(row.member.id) ?? null }));
}
export type CandidateView = Awaited<ReturnType<typeof listCandidates>>[number];

export async function findCandidate(ctx: TenantServiceContext, id: string): Promise<CandidateView> {
  const [found] = await listCandidates(ctx, { id });
  if (!found) throw notFound();
  return found;
}

/**
 * HR moves a card, writes notes, names an owner or a status to share with the member. Hired needs the
 * return date and marks the member's HR record as rehired (with history and audit).
 */
export async function updateCandidate(ctx: TenantServiceContext, id: string, patch: CandidatePatch) {
  if (Object.keys(patch).length === 0) throw new AppError(422, 'nothing_to_change');
  const current = await findCandidate(ctx, id);
  const moving = patch.stage !== undefined && patch.stage !== current.interest.stage;
  if (moving && current.interest.withdrawnAt) throw conflict('candidate_withdrawn');
  if (patch.stage === 'hired' && moving && !patch.returnOn) {
    throw new AppError(422, 'return_date_required', [{ path: 'returnOn', code: 'return_date_required' }]);
  }
  if (patch.ownerId) {
    const [owner] = await ctx.tx
      .select({ role: memberships.role, status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, patch.ownerId)));
    if (owner?.status !== 'active' || (owner.role !== 'owner' && owner.role !== 'admin')) {
      throw new AppError(422, 'owner_not_staff', [{ path: 'ownerId', code: 'owner_not_staff' }]);
    }
  }
  const now = new Date();
  const { returnOn, ...fields } = patch;
  await ctx.tx
    .update(opportunityInterests)
    .set({ ...fields, ...(moving ? { stageChangedAt: now } : {}), updatedAt: now })
    .where(and(eq(opportunityInterests.tenantId, ctx.tenant.id), eq(opportunityInterests.id, id)));
  if (moving) {
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenant.id,
      actorMembershipId: ctx.actor.membershipId,
      action: 'candidate.stage_changed',
      targetType: 'opportunity_interest',
      targetId: id,
      data: { opportunityId: current.opportunity.id, from: current.interest.stage, to: patch.stage },
      ipAddress: ctx.ipAddress,
    });
  }
  if (patch.stage === 'hired' && returnOn) {
    await markRecordRehired(ctx, current.member.id, returnOn, 'opportunity', {
      targetType: 'opportunity',
      targetId: current.opportunity.id,
    });
  }
  return findCandidate(ctx, id);
}
