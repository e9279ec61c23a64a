import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { alumniRecords, segments } from '../../db/schema/index.js';
import { segmentsMatching } from '../registry/segments.js';

/**
 * What a response keeps about its respondent for breakdowns, copied when it is sent: the department and
 * leaving year of the linked record and the registry segments that record was in. Copied rather than
 * looked up later, so an anonymous answer needs no link to anyone and a record's later changes do not
 * move answers between groups.
 */
export type BreakdownFacts = { department: string | null; leftYear: number | null; segments: string[] };

const noFacts: BreakdownFacts = { department: null, leftYear: null, segments: [] };

/** The facts of the record linked to a member, or of a record itself; none without a record. */
export async function breakdownFactsOf(
  ctx: { tx: Queryable; tenant: { id: string } },
  who: { membershipId: string } | { recordId: string },
): Promise<BreakdownFacts> {
  const tenantId = ctx.tenant.id;
  const [record] = await ctx.tx
    .select({ id: alumniRecords.id, department: alumniRecords.lastDepartment, leftOn: alumniRecords.leftOn })
    .from(alumniRecords)
    .where(
      and(
        eq(alumniRecords.tenantId, tenantId),
        'membershipId' in who
          ? eq(alumniRecords.membershipId, who.membershipId)
          : eq(alumniRecords.id, who.recordId),
      ),
    )
    .orderBy(alumniRecords.id)
    .limit(1);
  if (!record) return noFacts;
  return {
    department: record.department ?? null,
    leftYear: record.leftOn ? Number(String(record.leftOn).slice(0, 4)) : null,
    segments: (
      await segmentsMatching(
        ctx.tx,
        tenantId,
        await ctx.tx.select().from(segments).where(eq(segments.tenantId, tenantId)),
        eq(alumniRecords.id, record.id),
      )
    ).sort(),
  };
}
