import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { alumniRecords, recordEmails, recordSearchPostings } from '../../db/schema/index.js';
import {
  asciiToken,
  lookupTokens,
  MAX_CHAR,
  type PersonTerm,
  readingStartToken,
  type TokenSource,
  textList,
} from '../../platform/japanese/person-search.js';
import { readingFoldKey } from '../../platform/japanese/text.js';
import { derivedKeys, type RecordValues, searchTokensOf } from './record-values.js';

/**
 * The registry's search index: posting lists of name and reading tokens (record_search_postings) and
 * the records' e-mail addresses (record_emails). Both are written with their record, in its transaction.
 */

/**
 * Where registry search finds a query's terms: name and given-name reading tokens in the postings,
 * family and whole readings by a range over the records' reading_key, the start of an address in
 * record_emails and the start of an employee number on the records. Every branch is an index lookup.
 */
export const recordTokenSource: TokenSource = (tenantId, terms) => {
  const branches: SQL[] = [];
  const tokens = lookupTokens(terms);
  if (tokens.length > 0) {
    branches.push(sql`select p.token, u.owner, u.key from ${recordSearchPostings} p
      cross join lateral unnest(p.record_ids, p.reading_keys) as u(owner, key)
      where p.tenant_id = ${tenantId} and p.token in (${textList(tokens)}) and u.owner is not null`);
  }
  for (const term of terms) {
    for (const reading of term.readings) {
      // The range finds the reading with voicing marks set aside (ガ with カ); the reading as written,
      // after the \u0001 in the same key, then has to start with the term. Both read the index only.
      const fold = readingFoldKey(reading);
      branches.push(sql`select ${readingStartToken(reading)}::text, r.id, r.reading_key from ${alumniRecords} r
        where r.tenant_id = ${tenantId} and r.reading_key >= ${fold} and r.reading_key < ${fold + MAX_CHAR}
          and starts_with(split_part(r.reading_key, chr(1), 2), ${reading})`);
    }
    if (term.ascii) branches.push(...asciiBranches(tenantId, term.ascii));
  }
  if (branches.length === 0) return null;
  return sql.join(branches, sql` union all `);
};

/**
 * Addresses and employee numbers that start with the term: record_emails.email is `COLLATE "C"` and
 * employee numbers have an index in that collation, so a prefix is a range of the index.
 */
function asciiBranches(tenantId: string, ascii: NonNullable<PersonTerm['ascii']>): SQL[] {
  const label = asciiToken(ascii.lower);
  const numbers = [...new Set([ascii.typed, ascii.lower, ascii.typed.toUpperCase()])];
  const number = sql.raw('(r.employee_number collate "C")');
  return [
    sql`select ${label}::text, e.record_id, null::text from ${recordEmails} e where e.tenant_id = ${tenantId}
      and e.email >= ${ascii.lower} and e.email < ${ascii.lower + MAX_CHAR}`,
    ...numbers.map(
      (
        prefix,
      ) => sql`select ${label}::text, r.id, r.reading_key from ${alumniRecords} r where r.tenant_id = ${tenantId}
        and ${number} >= ${prefix} and ${number} < ${prefix + MAX_CHAR}`,
    ),
  ];
}

/** Records holding any of these (normalised) addresses. */
export function withAnyEmail(tenantId: string, emails: string[]): SQL {
  return sql`${alumniRecords.id} in (
    select ${recordEmails.recordId} from ${recordEmails}
    where ${recordEmails.tenantId} = ${tenantId} and ${recordEmails.email} in (${textList(emails)}))`;
}

export type PostingChange = { token: string; add: string[]; addKeys: string[]; remove: string[] };

/**
 * The tokens a record gains and loses in the postings when its tokens go from `before` to `after`. The
 * postings hold each record's reading key beside its id, so when the key changes every token is taken
 * out and put back with the new key.
 */
export function tokenChanges(
  before: readonly string[],
  after: readonly string[],
  keys: { before: string | null; after: string },
): { added: string[]; removed: string[] } {
  const rekeyed = keys.before !== keys.after;
  const old = new Set(before);
  const next = new Set(after);
  const added: string[] = [];
  const removed: string[] = [];
  for (const token of next) if (rekeyed || !old.has(token)) added.push(token);
  for (const token of old) if (rekeyed || !next.has(token)) removed.push(token);
  return { added, removed };
}

/**
 * Notes one record's token changes (see tokenChanges) into one entry per token.
 */
export function notePostingChanges(
  into: Map<string, PostingChange>,
  recordId: string,
  before: readonly string[],
  after: readonly string[],
  keys: { before: string | null; after: string },
): void {
  const { added, removed } = tokenChanges(before, after, keys);
  for (const token of added) {
    const entry = postingEntry(into, token);
    entry.add.push(recordId);
    entry.addKeys.push(keys.after);
  }
  for (const token of removed) postingEntry(into, token).remove.push(recordId);
}

function postingEntry(into: Map<string, PostingChange>, token: string): PostingChange {
  let entry = into.get(token);
  if (!entry) {
    entry = { token, add: [], addKeys: [], remove: [] };
    into.set(token, entry);
  }
  return entry;
}

/**
 * Merges changes into the postings. `changes` is a relation `c(token, add, add_keys, remove)` with one
 * row per token (`add_keys` the reading keys of `add`, in its order). Rows are locked in token order
 * before anything is written and new rows are inserted in token order, so two transactions changing
 * the same tokens wait for each other instead of deadlocking. Lists that become empty are deleted.
 * Used for single records and for a whole import alike.
 */
export async function mergePostings(tx: Queryable, tenantId: string, changes: SQL) {
  await tx.execute(sql`select 1 from ${recordSearchPostings} p
    where p.tenant_id = ${tenantId} and p.token in (select c.token from ${changes})
    order by p.token for update of p`);
  // Ids and keys are aggregated from the same rows, so they stay in step (keys missing from a list
  // written before keys were kept come out as NULL, which readers look up instead).
  await tx.execute(sql`update ${recordSearchPostings} p
    set (record_ids, reading_keys) = (
      select coalesce(array_agg(u.id), '{}'), coalesce(array_agg(u.key), '{}')
      from unnest(p.record_ids, p.reading_keys) as u(id, key)
        left join unnest(c.remove) as gone(id) on gone.id = u.id
      where u.id is not null and gone.id is null)
    from ${changes} where p.tenant_id = ${tenantId} and p.token = c.token and cardinality(c.remove) > 0`);
  await tx.execute(sql`delete from ${recordSearchPostings} p using ${changes}
    where p.tenant_id = ${tenantId} and p.token = c.token and cardinality(c.remove) > 0
      and cardinality(p.record_ids) = 0`);
  await tx.execute(sql`insert into ${recordSearchPostings} (tenant_id, token, record_ids, reading_keys)
    select ${tenantId}, c.token, c.add, c.add_keys from ${changes} where cardinality(c.add) > 0 order by c.token
    on conflict (tenant_id, token) do update
      set record_ids = ${recordSearchPostings}.record_ids || excluded.record_ids,
        reading_keys = (case
          when cardinality(${recordSearchPostings}.reading_keys) = cardinality(${recordSearchPostings}.record_ids)
            then ${recordSearchPostings}.reading_keys
          else array_fill(null::text, array[cardinality(${recordSearchPostings}.record_ids)]) end)
          || excluded.reading_keys`);
}

/** Applies posting changes held in memory (one record, or a batch of a rebuild). */
export async function changePostings(tx: Queryable, tenantId: string, changes: Map<string, PostingChange>) {
  if (changes.size === 0) return;
  // One JSON parameter: far cheaper than thousands of bound parameters, most on PGlite.
  const json = JSON.stringify([...changes.values()]);
  await mergePostings(
    tx,
    tenantId,
    sql`(select e->>'token' as token,
        array(select jsonb_array_elements_text(e->'add'))::uuid[] as add,
        array(select jsonb_array_elements_text(e->'addKeys'))::text[] as add_keys,
        array(select jsonb_array_elements_text(e->'remove'))::uuid[] as remove
      from jsonb_array_elements(${json}::jsonb) e) c`,
  );
}

/** Moves a record's addresses from `before` to `after` in record_emails. */
export async function changeRecordEmails(
  tx: Queryable,
  tenantId: string,
  recordId: string,
  before: readonly string[],
  after: readonly string[],
) {
  const removed = before.filter((email) => !after.includes(email));
  const added = [...new Set(after.filter((email) => !before.includes(email)))];
  if (removed.length > 0) {
    await tx.execute(sql`delete from ${recordEmails} where tenant_id = ${tenantId}
      and email in (${textList(removed)}) and record_id = ${recordId}`);
  }
  if (added.length > 0) {
    await tx
      .insert(recordEmails)
      .values(added.map((email) => ({ tenantId, email, recordId })))
      .onConflictDoNothing();
  }
}

type Indexed = Pick<
  RecordValues,
  | 'familyName'
  | 'givenName'
  | 'familyNameKana'
  | 'givenNameKana'
  | 'formerNames'
  | 'emails'
  | 'employeeNumber'
  | 'hrTags'
  | 'lastDepartment'
>;

/** Keeps the index in step with one record written from the console or an invitation. */
export async function indexRecord(
  tx: Queryable,
  tenantId: string,
  recordId: string,
  after: Indexed,
  before: Indexed | null = null,
) {
  const changes = new Map<string, PostingChange>();
  notePostingChanges(changes, recordId, before ? searchTokensOf(before) : [], searchTokensOf(after), {
    before: before ? derivedKeys(before).readingKey : null,
    after: derivedKeys(after).readingKey,
  });
  await changePostings(tx, tenantId, changes);
  await changeRecordEmails(tx, tenantId, recordId, before?.emails ?? [], after.emails);
}

/**
 * Builds a tenant's index afresh from its records, a few thousand at a time (memory stays flat
 * however large the registry), and brings each record's derived search keys up to date: for a new
 * token scheme, and as the reference the tests compare the maintained index to.
 */
export async function rebuildRecordIndex(tx: Queryable, tenantId: string, batchSize = 5000) {
  await tx.delete(recordSearchPostings).where(eq(recordSearchPostings.tenantId, tenantId));
  await tx.delete(recordEmails).where(eq(recordEmails.tenantId, tenantId));
  let after: string | null = null;
  for (;;) {
    const records = await tx
      .select({
        id: alumniRecords.id,
        employeeNumber: alumniRecords.employeeNumber,
        familyName: alumniRecords.familyName,
        givenName: alumniRecords.givenName,
        familyNameKana: alumniRecords.familyNameKana,
        givenNameKana: alumniRecords.givenNameKana,
        formerNames: alumniRecords.formerNames,
        emails: alumniRecords.emails,
        hrTags: alumniRecords.hrTags,
        lastDepartment: alumniRecords.lastDepartment,
        readingKey: alumniRecords.readingKey,
        searchText: alumniRecords.searchText,
      })
      .from(alumniRecords)
      .where(and(eq(alumniRecords.tenantId, tenantId), after ? gt(alumniRecords.id, after) : undefined))
      .orderBy(asc(alumniRecords.id))
      .limit(batchSize);
    if (records.length === 0) break;
    const keyed = records.map((record) => ({ record, keys: derivedKeys(record) }));
    const stale = keyed.flatMap(({ record, keys }) =>
      keys.readingKey === record.readingKey && keys.searchText === record.searchText
        ? []
        : [{ id: record.id, ...keys }],
    );
    if (stale.length > 0) {
      await tx.execute(sql`update ${alumniRecords} r
        set reading_key = e->>'readingKey', search_text = e->>'searchText'
        from jsonb_array_elements(${JSON.stringify(stale)}::jsonb) e
        where r.tenant_id = ${tenantId} and r.id = (e->>'id')::uuid`);
    }
    const changes = new Map<string, PostingChange>();
    for (const { record, keys } of keyed)
      notePostingChanges(changes, record.id, [], searchTokensOf(record), {
        before: null,
        after: keys.readingKey,
      });
    await changePostings(tx, tenantId, changes);
    const emails = records.flatMap((record) =>
      [...new Set(record.emails)].map((email) => ({ tenantId, email, recordId: record.id })),
    );
    if (emails.length > 0) await tx.insert(recordEmails).values(emails).onConflictDoNothing();
    after = records.at(-1)!.id;
  }
}
