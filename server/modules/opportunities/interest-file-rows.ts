import { and, eq } from 'drizzle-orm';
import { opportunityInterestFiles, opportunityInterests } from '../../db/schema/index.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';

/** What the presenters show of an answer's attached PDF: never its bytes. */
export const interestFileMeta = {
  name: opportunityInterestFiles.fileName,
  size: opportunityInterestFiles.size,
  uploadedAt: opportunityInterestFiles.createdAt,
};
export type InterestFileMeta = { name: string; size: number; uploadedAt: Date };

/** Joins an answer to its file, if it has one. */
export const fileOfInterest = and(
  eq(opportunityInterestFiles.tenantId, opportunityInterests.tenantId),
  eq(opportunityInterestFiles.interestId, opportunityInterests.id),
);

export async function deleteInterestFile(ctx: TenantServiceContext, interestId: string) {
  await ctx.tx
    .delete(opportunityInterestFiles)
    .where(
      and(
        eq(opportunityInterestFiles.tenantId, ctx.tenant.id),
        eq(opportunityInterestFiles.interestId, interestId),
      ),
    );
}
