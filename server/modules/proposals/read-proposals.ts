import { and, eq, type SQL, sql } from 'drizzle-orm';
import { memberships, proposalSupports, proposals } from '../../db/schema/index.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';

export type ProposalRow = typeof proposals.$inferSelect & {
  supports: number;
  supportedByMe: boolean;
  /** The sender's display name; null when sent anonymously. Presenters decide who sees it. */
  authorName: string | null;
};

/** How many proposals a list shows at most: the newest first. */
export const PROPOSAL_LIST_MAX = 200;

/** Proposals of the network matching `where`, newest first, with their support counts. */
export async function readProposals(
  ctx: TenantServiceContext,
  where: SQL | undefined,
  limit = PROPOSAL_LIST_MAX,
): Promise<ProposalRow[]> {
  const rows = await ctx.tx
    .select({
      proposal: proposals,
      supports: sql<number>`(select count(*)::int from ${proposalSupports} s
        where s.tenant_id = ${proposals.tenantId} and s.proposal_id = ${proposals.id})`,
      supportedByMe: sql<boolean>`exists (select 1 from ${proposalSupports} s
        where s.tenant_id = ${proposals.tenantId} and s.proposal_id = ${proposals.id}
          and s.membership_id = ${ctx.actor.membershipId})`,
      authorName: memberships.displayName,
    })
    .from(proposals)
    .leftJoin(
      memberships,
      and(eq(memberships.tenantId, proposals.tenantId), eq(memberships.id, proposals.authorId)),
    )
    .where(and(eq(proposals.tenantId, ctx.tenant.id), where))
    .orderBy(sql`${proposals.createdAt} desc, ${proposals.id} desc`)
    .limit(limit);
  return rows.map((row) => ({
    ...row.proposal,
    supports: row.supports,
    supportedByMe: row.supportedByMe,
    authorName: row.authorName,
  }));
}
