import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { importStaged, importTokenChanges } from '../../../db/schema/index.js';
import { mergePostings } from '../search-index.js';

/**
 * Merges an import's search-token changes into the postings. The dry run staged each record's gained
 * and lost tokens (a few short strings per row); here they are gathered into one row per token and
 * change, each added record's reading key beside its id, and merged in one pass.
 */
export async function mergeImportTokenChanges(tx: Queryable, tenantId: string, importId: string) {
  const of = sql`s.tenant_id = ${tenantId} and s.import_id = ${importId}`;
  await tx.execute(sql`
    insert into ${importTokenChanges} (tenant_id, import_id, token, change, record_ids, reading_keys)
    select ${tenantId}::uuid, ${importId}::uuid, t.token, 'add', array_agg(s.record_id), array_agg(s.reading_key)
    from ${importStaged} s cross join lateral unnest(s.tokens_added) t(token)
    where ${of} group by t.token
    union all
    select ${tenantId}::uuid, ${importId}::uuid, t.token, 'remove', array_agg(s.record_id), '{}'
    from ${importStaged} s cross join lateral unnest(s.tokens_removed) t(token)
    where ${of} group by t.token`);
  const part = (change: 'add' | 'remove') => sql`(select t.token, t.record_ids, t.reading_keys
    from ${importTokenChanges} t
    where t.tenant_id = ${tenantId} and t.import_id = ${importId} and t.change = ${change})`;
  await mergePostings(
    tx,
    tenantId,
    sql`(select coalesce(a.token, r.token) as token, coalesce(a.record_ids, '{}') as add,
        coalesce(a.reading_keys, '{}') as add_keys, coalesce(r.record_ids, '{}') as remove
      from ${part('add')} a full join ${part('remove')} r on r.token = a.token) c`,
  );
}

/** Removes an import's staged rows and token changes: before a new dry run, and once it is applied. */
export async function discardStaging(tx: Queryable, tenantId: string, importId: string) {
  await tx
    .delete(importStaged)
    .where(and(eq(importStaged.tenantId, tenantId), eq(importStaged.importId, importId)));
  await tx
    .delete(importTokenChanges)
    .where(and(eq(importTokenChanges.tenantId, tenantId), eq(importTokenChanges.importId, importId)));
}
