import { and, eq } from 'drizzle-orm';
import { registryImports } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import type { Deps } from '../../../platform/http/env.js';

type ApplyJob = { tenantId: string; importId: string };

const isApplyJob = (data: Record<string, unknown>): data is ApplyJob =>
  typeof data.tenantId === 'string' && typeof data.importId === 'string';

/**
 * Finds applies whose worker died (kill -9, a lost machine) and queues them again, instead of leaving
 * the import `applying` until pg-boss expires the job an hour later. An apply holds its import's row
 * locked for its whole transaction, so a taken job whose import is still `applying` but whose row can
 * be locked has nobody working on it; the database rolled its transaction back, so nothing of it was
 * written. Run when a worker process starts and every minute (for instances that outlive another).
 * A job that was merely between being taken and taking the lock is run twice, and the second run
 * finds the import applied and does nothing.
 */
export async function resumeInterruptedApplies(deps: Pick<Deps, 'database' | 'jobs' | 'logger'>) {
  let resumed = 0;
  for (const job of await deps.jobs.takenJobs('registry.import.apply')) {
    if (!isApplyJob(job.data)) continue;
    const { tenantId, importId } = job.data;
    const lost = await inTenant(deps.database.db, tenantId, async (tx) => {
      const [imp] = await tx
        .select({ status: registryImports.status })
        .from(registryImports)
        .where(and(eq(registryImports.tenantId, tenantId), eq(registryImports.id, importId)))
        .for('update', { skipLocked: true });
      if (imp?.status !== 'applying') return false;
      await deps.jobs.send(tx, 'registry.import.apply', job.data);
      return true;
    });
    if (!lost) continue;
    await deps.jobs.abandon('registry.import.apply', job.id, 'its worker stopped while applying');
    deps.logger.warn({ tenantId, importId, jobId: job.id }, 'import apply was interrupted; queued it again');
    resumed += 1;
  }
  return resumed;
}
