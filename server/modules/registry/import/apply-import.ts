import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import {
  alumniRecords,
  importChunks,
  importStaged,
  recordEmails,
  recordHistory,
  registryImports,
} from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { recordAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import { failpoint } from '../../../platform/failpoint.js';
import type { Jobs } from '../../../platform/jobs/jobs.js';
import { refreshMembersOfRecords } from '../../community/member-search.js';
import { discardStaging, mergeImportTokenChanges } from './token-changes.js';

// The record's own columns, which the staging table shares (see recordDataColumns).
const stagedNames = new Set(Object.values(getTableColumns(importStaged)).map((column) => column.name));
const dataColumns = Object.values(getTableColumns(alumniRecords))
  .map((column) => column.name)
  .filter((name) => stagedNames.has(name) && name !== 'tenant_id');
const columnList = sql.raw(dataColumns.map((name) => `"${name}"`).join(', '));
const stagedList = sql.raw(dataColumns.map((name) => `s."${name}"`).join(', '));
const setFromStaged = sql.raw(dataColumns.map((name) => `"${name}" = s."${name}"`).join(', '));

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}

/** Planner statistics after bulk writes, so searches keep using their indexes (see migration 0003). */
export async function refreshRegistryStatistics(db: AppDatabase) {
  await db.execute(sql`select enishi_analyze_registry()`);
}

/**
 * Writes a checked import in one transaction of set-based statements: all accepted rows land, with
 * their history and search index, or (on any failure, including a crash) none do. Records edited
 * after the dry run stop the apply instead of being overwritten. Statistics and the removal of staged
 * rows follow in a job queued in the same transaction: the records are there as soon as it commits.
 * The import's row stays locked until then, which is how others tell a running apply from a dead one.
 * Returns null when the import had already been applied (nothing is written twice).
 */
export async function applyImport(
  deps: { database: { db: AppDatabase }; jobs: Pick<Jobs, 'send'> },
  tenantId: string,
  importId: string,
  actor: { membershipId: string | null; ipAddress?: string },
) {
  const db = deps.database.db;
  try {
    const applied = await inTenant(db, tenantId, async (tx) => {
      const scope = and(eq(registryImports.tenantId, tenantId), eq(registryImports.id, importId));
      const [imp] = await tx.select().from(registryImports).where(scope).for('update');
      if (!imp) throw new AppError(404, 'not_found');
      // A second job for the same apply (queued again after a crash, or pg-boss's own retry) finds it done.
      if (imp.status === 'applied') return null;
      if (imp.status !== 'checked' && imp.status !== 'applying') throw new AppError(409, 'import_not_ready');
      const staged = sql`(select * from ${importStaged}
        where tenant_id = ${tenantId} and import_id = ${importId}) s`;
      const updatedRecords = sql`${staged} join ${alumniRecords} r
        on r.tenant_id = s.tenant_id and r.id = s.record_id and s.kind = 'updated'`;

      // Records the dry run saw are locked, and must still be as it saw them.
      const [locked] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from (select 1 from ${updatedRecords} for update of r) l`,
      );
      const stale = await queryRows(
        tx,
        sql`select 1 from ${updatedRecords} where r.updated_at <> s.seen_updated_at limit 1`,
      );
      if (stale.length > 0 || locked!.n !== (imp.counts?.updated ?? 0)) {
        throw new AppError(409, 'import_changed_since_check');
      }

      // Addresses an updated record gives up leave record_emails before its new ones go in.
      await tx.execute(sql`
        delete from ${recordEmails} e using ${updatedRecords}
        where e.tenant_id = s.tenant_id and e.record_id = s.record_id and e.email = any(r.emails)`);
      // Counted in the database: returning a row per record to the process would cost as much again.
      const [written] = await queryRows<{ n: number }>(
        tx,
        sql`
        with created as (
          insert into ${alumniRecords} (tenant_id, id, ${columnList}, created_by_import_id)
          select s.tenant_id, s.record_id, ${stagedList}, s.import_id from ${staged} where s.kind = 'new'
          returning 1),
        updated as (
          update ${alumniRecords} r set ${setFromStaged}, updated_at = now()
          from ${staged} where s.kind = 'updated' and r.tenant_id = s.tenant_id and r.id = s.record_id
          returning 1)
        select (select count(*) from created)::int + (select count(*) from updated)::int as n`,
      );
      await tx.execute(sql`
        insert into ${recordEmails} (tenant_id, email, record_id)
        select distinct s.tenant_id, email, s.record_id from ${staged} cross join lateral unnest(s.emails) email`);
      await mergeImportTokenChanges(tx, tenantId, importId);
      await refreshMembersOfRecords(
        tx,
        tenantId,
        sql`select s.record_id from ${staged} where s.kind = 'updated' and s.changes ? 'formerNames'`,
      );
      await tx.execute(sql`
        insert into ${recordHistory} (tenant_id, record_id, actor_membership_id, source, changes)
        select s.tenant_id, s.record_id, ${actor.membershipId}::uuid, 'import', s.changes
        from ${staged} where s.kind = 'updated'`);
      // The uploaded file holds personal data nobody needs once it has been applied.
      await tx
        .delete(importChunks)
        .where(and(eq(importChunks.tenantId, tenantId), eq(importChunks.importId, importId)));
      const [applied] = await tx
        .update(registryImports)
        .set({ status: 'applied', appliedAt: new Date(), appliedBy: actor.membershipId })
        .where(scope)
        .returning();
      await recordAudit(tx, {
        tenantId,
        actorMembershipId: actor.membershipId,
        action: 'registry.import_applied',
        targetType: 'registry_import',
        targetId: importId,
        data: { fileName: imp.fileName, ...(imp.counts ?? {}), written: written!.n },
        ipAddress: actor.ipAddress ?? '',
      });
      await deps.jobs.send(tx, 'registry.import.cleanup', { tenantId, importId });
      // Everything is written but not committed: where a crash test kills the process.
      await failpoint('registry.import.apply.before-commit');
      return applied!;
    });
    return applied;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'import_changed_since_check');
    throw error;
  }
}

/**
 * After an apply has committed (a job it queued): the planner's statistics catch up with the new
 * records, and the staged rows and token changes go.
 */
export async function finishAppliedImport(db: AppDatabase, tenantId: string, importId: string) {
  await refreshRegistryStatistics(db);
  await inTenant(db, tenantId, (tx) => discardStaging(tx, tenantId, importId));
}
