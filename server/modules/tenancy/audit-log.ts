import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { auditEvents, memberships } from '../../db/schema/index.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import { auditTargetNames, targetKey } from './audit-targets.js';
import type { MemberContext } from './members.js';

export async function listAuditEvents(
  ctx: MemberContext,
  query: {
    action?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const after = decodeCursor(query.cursor, 2);
  const conditions: (SQL | undefined)[] = [eq(auditEvents.tenantId, ctx.tenant.id)];
  if (query.action) conditions.push(eq(auditEvents.action, query.action));
  if (query.from) conditions.push(gte(auditEvents.createdAt, new Date(`${query.from}T00:00:00+09:00`)));
  if (query.to)
    conditions.push(
      lt(auditEvents.createdAt, new Date(new Date(`${query.to}T00:00:00+09:00`).getTime() + 86_400_000)),
    );
  if (after) {
    const [createdAt, id] = after as [string, string];
    // Compared at PostgreSQL's microsecond precision: a JS Date would round and skip rows.
    conditions.push(
      sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${createdAt}::timestamptz, ${id}::uuid)`,
    );
  }
  const rows = await ctx.tx
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      data: auditEvents.data,
      ipAddress: auditEvents.ipAddress,
      createdAt: auditEvents.createdAt,
      exactCreatedAt: sql<string>`${auditEvents.createdAt}::text`,
      actorName: memberships.displayName,
    })
    .from(auditEvents)
    .leftJoin(
      memberships,
      and(eq(memberships.tenantId, auditEvents.tenantId), eq(memberships.id, auditEvents.actorMembershipId)),
    )
    .where(and(...conditions))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(query.limit + 1);
  const { items, nextCursor } = pageOf(rows, query.limit, (row) => [row.exactCreatedAt, row.id]);
  const names = await auditTargetNames(ctx, items);
  return {
    events: items.map((item) => ({ ...item, targetName: names.get(targetKey(item)) ?? null })),
    nextCursor,
  };
}
