import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import {
  importChunks,
  importIssues,
  importStaged,
  importTokenChanges,
  registryImports,
  tenants,
} from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import type { Deps } from '../../../platform/http/env.js';

const DAY_MS = 86_400_000;

/**
 * Imports uploaded or checked but not applied within IMPORT_DRY_RUN_DAYS (counted from the last dry
 * run, else the upload) expire: the file, the staged records and token changes (a 100,000-row dry run
 * stages about 70 MB) and the rejected rows' values go; the import stays in the list, marked expired,
 * with its counts. Run by the hourly registry.import.expire job.
 */
export async function expireDryRuns(
  deps: Pick<Deps, 'database' | 'config' | 'logger'>,
  now = new Date(),
  signal?: AbortSignal,
): Promise<number> {
  const cutoff = new Date(now.getTime() - deps.config.importDryRunDays * DAY_MS);
  const db = deps.database.db;
  let expired = 0;
  for (const { id: tenantId } of await db.select({ id: tenants.id }).from(tenants)) {
    if (signal?.aborted) break;
    expired += await inTenant(db, tenantId, async (tx) => {
      const stale = await tx
        .update(registryImports)
        .set({ status: 'expired', errorCode: 'import_expired' })
        .where(
          and(
            eq(registryImports.tenantId, tenantId),
            inArray(registryImports.status, ['uploaded', 'checked', 'failed']),
            lt(sql`coalesce(${registryImports.checkedAt}, ${registryImports.createdAt})`, cutoff),
          ),
        )
        .returning({ id: registryImports.id });
      if (stale.length === 0) return 0;
      const ids = stale.map((imp) => imp.id);
      for (const table of [importStaged, importTokenChanges, importChunks, importIssues]) {
        await tx.delete(table).where(and(eq(table.tenantId, tenantId), inArray(table.importId, ids)));
      }
      return stale.length;
    });
  }
  if (expired > 0) deps.logger.info({ expired }, 'expired unapplied imports');
  return expired;
}
