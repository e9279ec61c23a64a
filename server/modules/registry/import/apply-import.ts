import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import { alumniRecords, importChunks, importStaged, registryImports } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { recordAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';

const updatable = Object.values(getTableColumns(alumniRecords))
  .map((column) => column.name)
  .filter((name) => !['tenant_id', 'id', 'created_at'].includes(name));

const setExcluded = sql.raw(updatable.map((name) => `"${name}" = excluded."${name}"`).join(', '));

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}

/**
 * Writes a checked import in one transaction with two set-based statements: all accepted rows land,
 * with their history, or (on any failure, including a crash) none do. Records edited after the
 * dry run stop the apply instead of being overwritten.
 */
/** Planner statistics after bulk writes, so searches keep using their indexes (see migration 0003). */
export async function refreshRegistryStatistics(db: AppDatabase) {
  await db.execute(sql`select enishi_analyze_registry()`);
}

export async function applyImport(
  db: AppDatabase,
  tenantId: string,
  importId: string,
  actor: { membershipId: string | null; ipAddress?: string },
) {
  try {
    const applied = await inTenant(db, tenantId, async (tx) => {
      const scope = and(eq(registryImports.tenantId, tenantId), eq(registryImports.id, importId));
      const [imp] = await tx.select().from(registryImports).where(scope).for('update');
      if (!imp) throw new AppError(404, 'not_found');
      if (imp.status !== 'checked' && imp.status !== 'applying') throw new AppError(409, 'import_not_ready');

      const stale = await queryRows(
        tx,
        sql`
        select 1 from ${importStaged} s
        left join ${alumniRecords} r on r.tenant_id = s.tenant_id and r.id = s.record_id
        where s.tenant_id = ${tenantId} and s.import_id = ${importId}
          and ((s.kind = 'updated' and (r.id is null or r.updated_at <> s.seen_updated_at))
            or (s.kind = 'new' and r.id is not null))
        limit 1`,
      );
      if (stale.length > 0) throw new AppError(409, 'import_changed_since_check');
      // The token insert sorts ~20 rows per record; in memory that sort is several times faster.
      await tx.execute(sql`set local work_mem = '128MB'`);

      const written = await queryRows(
        tx,
        sql`
        insert into ${alumniRecords}
        select r.*
        from ${importStaged} s,
          -- LATERAL: written as (f(x)).* PostgreSQL would call f once per column.
          lateral jsonb_populate_record(null::alumni_records,
            s.row || jsonb_build_object('updated_at', now(), 'created_at', coalesce(s.row->>'created_at', now()::text))) r
        where s.tenant_id = ${tenantId} and s.import_id = ${importId}
        on conflict (tenant_id, id) do update set ${setExcluded}
        returning 1`,
      );
      await tx.execute(sql`
        delete from record_search_tokens t
        using ${importStaged} s,
          jsonb_array_elements_text((s.row->'previous_tokens') || (s.row->'search_tokens')) old
        where s.tenant_id = ${tenantId} and s.import_id = ${importId} and s.kind = 'updated'
          and t.tenant_id = s.tenant_id and t.token = old and t.record_id = s.record_id`);
      await tx.execute(sql`
        insert into record_search_tokens (tenant_id, token, record_id)
        select s.tenant_id, token, s.record_id
        from ${importStaged} s, jsonb_array_elements_text(s.row->'search_tokens') token
        where s.tenant_id = ${tenantId} and s.import_id = ${importId}
        -- In index order: several times faster than random order into the primary key. Every token a
        -- changed record will get was deleted above, so no conflict handling (which costs a third) is needed.
        order by token, s.record_id`);
      await tx.execute(sql`
        insert into record_history (tenant_id, record_id, actor_membership_id, source, changes)
        select s.tenant_id, s.record_id, ${actor.membershipId}::uuid, 'import', s.changes
        from ${importStaged} s
        where s.tenant_id = ${tenantId} and s.import_id = ${importId}`);
      await tx
        .delete(importStaged)
        .where(and(eq(importStaged.tenantId, tenantId), eq(importStaged.importId, importId)));
      // The uploaded file holds personal data nobody needs once it has been applied.
      await tx
        .delete(importChunks)
        .where(and(eq(importChunks.tenantId, tenantId), eq(importChunks.importId, importId)));
      const [applied] = await tx
        .update(registryImports)
        .set({ status: 'applied', appliedAt: new Date() })
        .where(scope)
        .returning();
      await recordAudit(tx, {
        tenantId,
        actorMembershipId: actor.membershipId,
        action: 'registry.import_applied',
        targetType: 'registry_import',
        targetId: importId,
        data: { fileName: imp.fileName, ...(imp.counts ?? {}), written: written.length },
        ipAddress: actor.ipAddress ?? '',
      });
      return applied!;
    });
    await refreshRegistryStatistics(db);
    return applied;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'import_changed_since_check');
    throw error;
  }
}
