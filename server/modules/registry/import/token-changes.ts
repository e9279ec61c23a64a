import { and, eq, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { alumniRecords, importStaged, importTokenChanges } from '../../../db/schema/index.js';
import { gatherChanges, mergePostings, type PostingChange, tokenChanges } from '../search-index.js';

/** How many (token, record) pairs the dry run holds in memory before it writes them out (~20 MB). */
const PAIRS_IN_MEMORY = 250_000;

/**
 * Gathers how an import changes the search postings, token by token, while the dry run reads the
 * file. Pairs are written out in parts whenever enough have gathered, so memory does not grow with
 * the file; `finish` merges the parts into one row per token and change (part 0), which the apply
 * merges into record_search_postings in one pass.
 */
export class ImportTokenChanges {
  #pending = new Map<string, PostingChange>();
  #pairs = 0;
  #parts = 0;

  constructor(
    private readonly scope: { tenantId: string; importId: string },
    private readonly limit = PAIRS_IN_MEMORY,
  ) {}

  /**
   * Notes one record's change. Reading keys are looked up from the written records when the apply
   * merges the changes, so only whether the key changes matters here.
   */
  note(recordId: string, before: string[], after: string[], keyChanged: boolean) {
    const changes = tokenChanges(recordId, before, after, { before: keyChanged ? null : '', after: '' });
    gatherChanges(this.#pending, changes);
    this.#pairs += changes.length;
  }

  /** Writes the gathered pairs out as a new part once there are enough of them. */
  async writeIfFull(tx: Queryable) {
    if (this.#pairs >= this.limit) await this.#write(tx, ++this.#parts);
  }

  async finish(tx: Queryable) {
    const { tenantId, importId } = this.scope;
    if (this.#parts === 0) {
      await this.#write(tx, 0);
      return;
    }
    await this.#write(tx, ++this.#parts);
    await tx.execute(sql`
      insert into ${importTokenChanges} (tenant_id, import_id, part, token, change, record_ids)
      select tenant_id, import_id, 0, token, change, array_agg(id)
      from ${importTokenChanges}, unnest(record_ids) id
      where tenant_id = ${tenantId} and import_id = ${importId} and part > 0
      group by tenant_id, import_id, token, change`);
    await tx
      .delete(importTokenChanges)
      .where(
        and(
          eq(importTokenChanges.tenantId, tenantId),
          eq(importTokenChanges.importId, importId),
          gt(importTokenChanges.part, 0),
        ),
      );
  }

  async #write(tx: Queryable, part: number) {
    // Ids joined into one string per token: PostgreSQL splits it in C, where reading a JSON array of
    // thousands of strings per token took most of the dry run's final write.
    const rows: { token: string; change: 'add' | 'remove'; ids: string }[] = [];
    for (const [token, entry] of this.#pending) {
      if (entry.add.length > 0) rows.push({ token, change: 'add', ids: entry.add.join(',') });
      if (entry.remove.length > 0) rows.push({ token, change: 'remove', ids: entry.remove.join(',') });
    }
    this.#pending = new Map();
    this.#pairs = 0;
    if (rows.length === 0) return;
    // One JSON parameter: far cheaper than thousands of bound parameters, most on PGlite.
    await tx.execute(sql`
      insert into ${importTokenChanges} (tenant_id, import_id, part, token, change, record_ids)
      select ${this.scope.tenantId}::uuid, ${this.scope.importId}::uuid, ${part}::int, e->>'token', e->>'change',
        string_to_array(e->>'ids', ',')::uuid[]
      from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) e`);
  }
}

/**
 * Merges an import's token changes (part 0) into the postings: the apply's one pass over them, once
 * the records are written, whose reading keys go into the postings beside their ids.
 */
export async function mergeImportTokenChanges(tx: Queryable, tenantId: string, importId: string) {
  const changes = (change: 'add' | 'remove') => sql`${importTokenChanges} t
    where t.tenant_id = ${tenantId} and t.import_id = ${importId} and t.part = 0 and t.change = ${change}`;
  const added = sql`(select t.token, array_agg(u.id) as record_ids, array_agg(k.reading_key) as reading_keys
    from ${importTokenChanges} t cross join unnest(t.record_ids) as u(id)
      left join ${alumniRecords} k on k.tenant_id = t.tenant_id and k.id = u.id
    where t.tenant_id = ${tenantId} and t.import_id = ${importId} and t.part = 0 and t.change = 'add'
    group by t.token)`;
  await mergePostings(
    tx,
    tenantId,
    sql`(select coalesce(a.token, r.token) as token, coalesce(a.record_ids, '{}') as add,
        coalesce(a.reading_keys, '{}') as add_keys, coalesce(r.record_ids, '{}') as remove
      from ${added} a full join (select t.token, t.record_ids from ${changes('remove')}) r
        on r.token = a.token) c`,
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
