import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { alumniRecords, segments } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { RegistryContext } from './context.js';
import { countRecords, recordFilterConditions } from './record-query.js';
import { type RecordFilter, RecordFilterSchema } from './schemas.js';

type SegmentRow = typeof segments.$inferSelect;

/** Stored filters are re-read through the schema, so an old segment can never smuggle in a bad filter. */
export const segmentFilter = (segment: SegmentRow): RecordFilter => RecordFilterSchema.parse(segment.filter);

/**
 * Of the given segments, the ids of those whose filter a record picked by `record` (a condition on
 * alumni_records) meets now: one statement, one probe per segment.
 */
export async function segmentsMatching(
  tx: Queryable,
  tenantId: string,
  rows: readonly SegmentRow[],
  record: SQL,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const probes = rows.map(
    (segment) =>
      sql`select ${segment.id}::uuid as id where exists (select 1 from ${alumniRecords} where ${and(
        ...recordFilterConditions(tenantId, segmentFilter(segment)),
        record,
      )})`,
  );
  const found = await queryRows<{ id: string }>(tx, sql.join(probes, sql` union all `));
  return found.map((row) => row.id);
}

async function withCount(ctx: RegistryContext, segment: SegmentRow) {
  const filter = segmentFilter(segment);
  return { ...segment, filter, count: await countRecords(ctx.tx, ctx.tenant.id, filter) };
}

export async function listSegments(ctx: RegistryContext) {
  const rows = await ctx.tx
    .select()
    .from(segments)
    .where(eq(segments.tenantId, ctx.tenant.id))
    .orderBy(asc(segments.name));
  return Promise.all(rows.map((row) => withCount(ctx, row)));
}

export async function findSegment(
  ctx: Pick<RegistryContext, 'tx' | 'tenant'>,
  by: { id?: string; name?: string },
) {
  const [segment] = await ctx.tx
    .select()
    .from(segments)
    .where(
      and(
        eq(segments.tenantId, ctx.tenant.id),
        by.id ? eq(segments.id, by.id) : eq(segments.name, by.name ?? ''),
      ),
    );
  if (!segment) throw notFound();
  return segment;
}

async function ensureNameFree(ctx: RegistryContext, name: string, selfId?: string) {
  const [taken] = await ctx.tx
    .select({ id: segments.id })
    .from(segments)
    .where(and(eq(segments.tenantId, ctx.tenant.id), eq(segments.name, name)));
  if (taken && taken.id !== selfId) throw conflict('segment_name_taken');
}

export async function saveSegment(
  ctx: RegistryContext,
  input: { name: string; filter: RecordFilter },
  id?: string,
) {
  await ensureNameFree(ctx, input.name, id);
  const values = { name: input.name, filter: input.filter as Record<string, unknown> };
  const [segment] = id
    ? await ctx.tx
        .update(segments)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(segments.tenantId, ctx.tenant.id), eq(segments.id, id)))
        .returning()
    : await ctx.tx
        .insert(segments)
        .values({ tenantId: ctx.tenant.id, createdBy: ctx.actor.membershipId, ...values })
        .returning();
  if (!segment) throw notFound();
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: id ? 'segment.updated' : 'segment.created',
    targetType: 'segment',
    targetId: segment.id,
    data: { name: segment.name },
    ipAddress: ctx.ipAddress,
  });
  return withCount(ctx, segment);
}

export async function deleteSegment(ctx: RegistryContext, id: string) {
  const [deleted] = await ctx.tx
    .delete(segments)
    .where(and(eq(segments.tenantId, ctx.tenant.id), eq(segments.id, id)))
    .returning();
  if (!deleted) throw notFound();
}
