import { and, eq, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { importStaged, importTokenChanges } from '../../../db/schema/index.js';
import { mergePostings, notePostingChanges, type PostingChange } from '../search-index.js';

const KEY_SEPARATOR = '\u001f';

/**
 * How many (token, record) pairs the dry run holds in memory before it writes them out. A pair is two
 * list slots (the id and key strings are shared by all of a record's tokens), so 2,000,000 pairs, about
 * 110,000 new records, hold some 40 MB; up to that an import is written once, with no merge of parts.
 */
const PAIRS_IN_MEMORY = 2_000_000;

/** Characters of JSON per statement when the pairs are written out, so no single parameter is huge. */
const CHARS_PER_WRITE = 8_000_000;

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

  /** Notes one record's change: its tokens, and its reading key before (null: a new record) and after. */
  note(recordId: string, before: string[], after: string[], keys: { before: string | null; after: string }) {
    this.#pairs += notePostingChanges(this.#pending, recordId, before, after, keys);
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
      insert into ${importTokenChanges} (tenant_id, import_id, part, token, change, record_ids, reading_keys)
      select tenant_id, import_id, 0, token, change, array_agg(u.id), array_agg(u.key)
      from ${importTokenChanges}, unnest(record_ids, reading_keys) u(id, key)
      where tenant_id = ${tenantId} and import_id = ${importId} and part > 0 and u.id is not null
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
    // Keys likewise, split at a control character no key holds (else sent as a JSON list).
    type Row = { token: string; change: 'add' | 'remove'; ids: string; keys?: string; keyList?: string[] };
    let rows: Row[] = [];
    let chars = 0;
    const push = async (row: Row) => {
      rows.push(row);
      chars += row.ids.length + (row.keys?.length ?? 0) + (row.keyList?.length ?? 0) * 40;
      if (chars >= CHARS_PER_WRITE) {
        await this.#insert(tx, part, rows);
        rows = [];
        chars = 0;
      }
    };
    const pending = this.#pending;
    this.#pending = new Map();
    this.#pairs = 0;
    for (const [token, entry] of pending) {
      if (entry.add.length > 0) {
        const keys = entry.addKeys.join(KEY_SEPARATOR);
        const plain = keys.split(KEY_SEPARATOR).length === entry.addKeys.length;
        await push({
          token,
          change: 'add',
          ids: entry.add.join(','),
          ...(plain ? { keys } : { keyList: entry.addKeys }),
        });
      }
      if (entry.remove.length > 0) await push({ token, change: 'remove', ids: entry.remove.join(',') });
    }
    if (rows.length > 0) await this.#insert(tx, part, rows);
  }

  async #insert(tx: Queryable, part: number, rows: object[]) {
    // One JSON parameter: far cheaper than thousands of bound parameters, most on PGlite.
    await tx.execute(sql`
      insert into ${importTokenChanges} (tenant_id, import_id, part, token, change, record_ids, reading_keys)
      select ${this.scope.tenantId}::uuid, ${this.scope.importId}::uuid, ${part}::int, e->>'token', e->>'change',
        string_to_array(e->>'ids', ',')::uuid[],
        case when e->'keyList' is not null then array(select json_array_elements_text(e->'keyList'))
          else coalesce(string_to_array(e->>'keys', chr(31)), '{}') end
      from json_array_elements(${JSON.stringify(rows)}::json) e`);
  }
}

/**
 * Merges an import's token changes (part 0) into the postings: the apply's one pass over them, with
 * each added record's reading key (noted by the dry run) beside its id.
 */
export async function mergeImportTokenChanges(tx: Queryable, tenantId: string, importId: string) {
  const part = (change: 'add' | 'remove') => sql`(select t.token, t.record_ids, t.reading_keys
    from ${importTokenChanges} t
    where t.tenant_id = ${tenantId} and t.import_id = ${importId} and t.part = 0 and t.change = ${change})`;
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
