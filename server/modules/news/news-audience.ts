import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { newsArticles } from '../../db/schema/index.js';
import { type AudienceSpec, storedAudience } from '../programmes/audience/audience-spec.js';
import {
  audienceAdmitsMember,
  loadMemberAudienceFacts,
  type MemberAudienceFacts,
} from '../programmes/audience/member-audience.js';
import { isStaff } from '../tenancy/policies.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';

/** Who an article is for, as stored (see storedAudience). */
export const articleAudience = (stored: unknown): AudienceSpec => storedAudience(stored);

export type NewsReader = { staff: true } | { staff: false; facts: MemberAudienceFacts };

/**
 * The reader's facts, loaded once per request: staff read every published article (they wrote them);
 * everyone else is matched against each article's audience. Only the segments some article names are
 * asked about.
 */
export async function loadNewsReader(ctx: TenantServiceContext): Promise<NewsReader> {
  if (isStaff(ctx.actor)) return { staff: true };
  const segments = await ctx.tx
    .selectDistinct({ id: newsArticles.audienceSegmentId })
    .from(newsArticles)
    .where(
      and(
        eq(newsArticles.tenantId, ctx.tenant.id),
        isNotNull(newsArticles.audienceSegmentId),
        sql`status = 'published'`,
      ),
    );
  const facts = await loadMemberAudienceFacts(
    ctx,
    ctx.actor.membershipId,
    segments.map((row) => row.id!),
  );
  return { staff: false, facts };
}

export function readerAdmits(reader: NewsReader, audience: unknown): boolean {
  return reader.staff || audienceAdmitsMember(articleAudience(audience), reader.facts);
}
