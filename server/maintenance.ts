import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { AppDatabase, AppTransaction } from './db/client.js';
import { queryRows } from './db/raw.js';
import { tenants } from './db/schema/index.js';
import { enterTenant } from './db/scope.js';
import { rebuildMemberSearch } from './modules/community/member-search.js';
import { rebuildRecordIndex } from './modules/registry/search-index.js';
import { rebuildAnswerCounts } from './modules/surveys/answer-counts.js';

/**
 * Work a migration leaves for the application's own code (a search index built by TypeScript, say),
 * done once per tenant at the next start. Each task runs in one transaction that also removes it, so a
 * crash leaves it for the next start and a second instance starting at once waits, then finds it done.
 */
const tasks: Record<string, (tx: AppTransaction, tenantId: string) => Promise<void>> = {
  'registry.rebuild_search': (tx, tenantId) => rebuildRecordIndex(tx, tenantId),
  'community.rebuild_member_search': (tx, tenantId) => rebuildMemberSearch(tx, tenantId),
  'surveys.rebuild_answer_counts': (tx, tenantId) => rebuildAnswerCounts(tx, tenantId),
};

export async function runMaintenance(db: AppDatabase, logger: Logger) {
  const pending = await queryRows<{ name: string }>(
    db,
    sql`select name from maintenance_tasks order by created_at`,
  );
  for (const { name } of pending) {
    const task = tasks[name];
    if (!task) {
      logger.warn({ task: name }, 'unknown maintenance task left in place');
      continue;
    }
    const started = performance.now();
    await db.transaction(async (tx) => {
      const claimed = await queryRows(
        tx,
        sql`select 1 from maintenance_tasks where name = ${name} for update`,
      );
      if (claimed.length === 0) return;
      for (const tenant of await tx.select({ id: tenants.id }).from(tenants)) {
        await enterTenant(tx, tenant.id);
        await task(tx, tenant.id);
      }
      await tx.execute(sql`delete from maintenance_tasks where name = ${name}`);
    });
    logger.info({ task: name, ms: Math.round(performance.now() - started) }, 'maintenance task done');
  }
}
