import { and, arrayContains, asc, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { AppDatabase, Queryable } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { alumniRecords, recordSearchPostings } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import {
  likeEscape,
  type PersonQuery,
  personQuery,
  personQueryConditions,
  textList,
} from '../../platform/japanese/person-search.js';
import { tidySpaces } from '../../platform/japanese/text.js';
import { departmentTokens, tagToken } from './record-values.js';
import type { RecordFilter } from './schemas.js';
import { recordTokenSource } from './search-index.js';

const NO_RECORD = '00000000-0000-0000-0000-000000000000';

type SearchOptions = {
  /** The person query, when the caller has already built it. */
  query?: PersonQuery;
};

const searchOf = (tenantId: string, filter: RecordFilter, options: SearchOptions) =>
  options.query ?? personQuery(recordTokenSource, tenantId, filter.q ?? '');

/** The WHERE clause for a registry filter; shared by the table, segments, exports and invitations. */
export function recordFilterConditions(
  tenantId: string,
  filter: RecordFilter,
  options: SearchOptions = {},
): SQL[] {
  const conditions: (SQL | undefined)[] = [eq(alumniRecords.tenantId, tenantId)];
  conditions.push(
    ...personQueryConditions(recordTokenSource, alumniRecords, tenantId, searchOf(tenantId, filter, options)),
  );
  if (filter.ids)
    conditions.push(inArray(alumniRecords.id, filter.ids.length > 0 ? filter.ids : [NO_RECORD]));
  if (filter.leftFrom) conditions.push(gte(alumniRecords.leftOn, `${filter.leftFrom}-01-01`));
  if (filter.leftTo) conditions.push(lte(alumniRecords.leftOn, `${filter.leftTo}-12-31`));
  if (filter.department) {
    conditions.push(sql`${alumniRecords.lastDepartment} ilike ${`%${likeEscape(filter.department)}%`}`);
  }
  if (filter.wouldReturn?.length) conditions.push(inArray(alumniRecords.wouldReturn, filter.wouldReturn));
  if (filter.eligibility?.length) conditions.push(inArray(alumniRecords.eligibility, filter.eligibility));
  if (filter.consent?.length) conditions.push(inArray(alumniRecords.contactConsent, filter.consent));
  if (filter.status?.length) conditions.push(inArray(alumniRecords.status, filter.status));
  if (filter.tag) conditions.push(arrayContains(alumniRecords.hrTags, [filter.tag]));
  if (filter.customKey) {
    conditions.push(
      filter.customValue
        ? sql`${alumniRecords.customFields} ->> ${filter.customKey} = ${filter.customValue}`
        : sql`${alumniRecords.customFields} ? ${filter.customKey}`,
    );
  }
  return conditions.filter((c): c is SQL => c !== undefined);
}

export type RecordSort = 'reading' | 'leftOn' | 'name';

const leftOnKey = sql<string>`coalesce(${alumniRecords.leftOn}::text, '0000-00-00')`;
const nameKey = sql<string>`(${alumniRecords.familyName} || ' ' || ${alumniRecords.givenName})`;

function sortSpec(sort: RecordSort) {
  switch (sort) {
    case 'leftOn':
      // Most recent leavers first; records without a leave date last.
      return {
        order: [desc(leftOnKey), desc(alumniRecords.id)],
        after: (key: string, id: string) =>
          or(lt(leftOnKey, key), and(eq(leftOnKey, key), lt(alumniRecords.id, id))),
        key: (row: { leftOn: string | null }) => row.leftOn ?? '0000-00-00',
      };
    case 'name':
      return {
        order: [asc(nameKey), asc(alumniRecords.id)],
        after: (key: string, id: string) =>
          or(gt(nameKey, key), and(eq(nameKey, key), gt(alumniRecords.id, id))),
        key: (row: { familyName: string; givenName: string }) => `${row.familyName} ${row.givenName}`,
      };
    default:
      return {
        order: [asc(alumniRecords.readingKey), asc(alumniRecords.id)],
        // A row comparison, so that a walk along the reading index starts at the cursor.
        after: (key: string, id: string) =>
          sql`(${alumniRecords.readingKey}, ${alumniRecords.id}) > (${key}, ${id}::uuid)`,
        key: (row: { readingKey: string }) => row.readingKey,
      };
  }
}

export async function listRecords(
  tx: Queryable,
  tenantId: string,
  query: { filter: RecordFilter; sort: RecordSort; cursor?: string | undefined; limit: number },
  options: SearchOptions = {},
) {
  const spec = sortSpec(query.sort);
  const conditions = recordFilterConditions(tenantId, query.filter, options);
  const after = decodeCursor(query.cursor, 2);
  if (after) conditions.push(spec.after(String(after[0]), String(after[1]))!);
  const rows = await tx
    .select()
    .from(alumniRecords)
    .where(and(...conditions))
    .orderBy(...spec.order)
    .limit(query.limit + 1);
  const { items, nextCursor } = pageOf(rows, query.limit, (row) => [spec.key(row), row.id]);
  return { records: items, nextCursor };
}

/** Whether a filter holds nothing but what the postings answer: a query, a tag, a department. */
function onlyIndexed(filter: RecordFilter): boolean {
  return Object.entries(filter).every(
    ([key, value]) =>
      key === 'q' ||
      key === 'tag' ||
      (key === 'department' && departmentTokens(String(value ?? '')).length > 0) ||
      value === undefined ||
      (key !== 'ids' && Array.isArray(value) && !value.length),
  );
}

/**
 * The records matching a query, tag and department, as `select owner, key …` over the postings alone
 * (key: the record's reading key as the postings hold it, NULL where unknown), or null when there is
 * nothing to look up or a term needs the records' text (see provedByTokens).
 */
export function indexedMatches(tenantId: string, filter: RecordFilter, query: PersonQuery): SQL | null {
  const sets: SQL[] = [];
  if (filter.q && tidySpaces(filter.q)) {
    if (!query.owners || !query.exact) return null;
    sets.push(query.owners);
  }
  const postings = (tokens: string[]) =>
    sql`select u.owner, max(u.key) as key from ${recordSearchPostings} p
      cross join lateral unnest(p.record_ids, p.reading_keys) as u(owner, key)
      where p.tenant_id = ${tenantId} and p.token in (${textList(tokens)}) and u.owner is not null
      group by u.owner having count(*) = ${tokens.length}`;
  if (filter.tag) sets.push(postings([tagToken(filter.tag)]));
  if (filter.department) sets.push(postings(departmentTokens(filter.department)));
  const [first, ...others] = sets;
  if (!first) return null;
  if (others.length === 0) return first;
  const joins = others.map((_, index) => sql.raw(`s${index + 1}`));
  return sql`select s0.owner, coalesce(s0.key, ${sql.join(
    joins.map((alias) => sql`${alias}.key`),
    sql`, `,
  )}) as key from (${first}) s0 ${sql.join(
    others.map((set, index) => sql`join (${set}) ${joins[index]} on ${joins[index]}.owner = s0.owner`),
    sql` `,
  )}`;
}

const pageKeys: Record<RecordSort, { key: SQL; descending: boolean }> = {
  reading: { key: sql.raw('k.reading_key'), descending: false },
  leftOn: { key: sql.raw(`coalesce(k.left_on::text, '0000-00-00')`), descending: true },
  name: { key: sql.raw(`(k.family_name || ' ' || k.given_name)`), descending: false },
};

/**
 * A page and the total from the matches alone. In reading order each match's key comes with it from
 * the postings; where a key is not at hand (and in the other orders) it is read from the covering
 * index on (tenant_id, id), one index probe per match. Only the page's records are read in full.
 * The total is exact: counting the ids costs less than reading them.
 */
async function indexedPage(
  tx: Queryable,
  tenantId: string,
  matches: SQL,
  query: { sort: RecordSort; cursor?: string | undefined; limit: number },
) {
  const [found] = await queryRows<{ total: number; ids: string[] | null }>(
    tx,
    indexedPageStatement(tenantId, matches, query),
  );
  const ids = found?.ids ?? [];
  const rows =
    ids.length === 0
      ? []
      : await tx
          .select()
          .from(alumniRecords)
          .where(and(eq(alumniRecords.tenantId, tenantId), inArray(alumniRecords.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = ids.flatMap((id) => byId.get(id) ?? []);
  const spec = sortSpec(query.sort);
  const { items, nextCursor } = pageOf(ordered, query.limit, (row) => [spec.key(row), row.id]);
  return { records: items, nextCursor, total: found?.total ?? 0 };
}

/** The statement of indexedPage: the total and the page's ids in order (exported for the plan test). */
export function indexedPageStatement(
  tenantId: string,
  matches: SQL,
  query: { sort: RecordSort; cursor?: string | undefined; limit: number },
) {
  const { key, descending } = pageKeys[query.sort];
  const after = decodeCursor(query.cursor, 2);
  const direction = sql.raw(descending ? 'desc' : 'asc');
  const beyond = after
    ? descending
      ? sql`and (p.key, p.owner) < (${String(after[0])}, ${String(after[1])}::uuid)`
      : sql`and (p.key, p.owner) > (${String(after[0])}, ${String(after[1])}::uuid)`
    : sql``;
  const probe = sql`(select ${key} from ${alumniRecords} k
    where k.tenant_id = ${tenantId} and k.id = m.owner limit 1)`;
  // COALESCE reads the record's index only for a match whose key the postings do not hold.
  const keyed = query.sort === 'reading' ? sql`coalesce(m.key, ${probe})` : probe;
  return sql`with m as materialized (${matches})
      select (select count(*)::int from m) as total,
        (select array_agg(p.owner order by p.key ${direction}, p.owner ${direction}) from (
          select p.owner, p.key from (select m.owner, ${keyed} as key from m) p
          where true ${beyond}
          order by p.key ${direction}, p.owner ${direction}
          limit ${query.limit + 1}) p)::text[] as ids`;
}

export async function countRecords(
  tx: Queryable,
  tenantId: string,
  filter: RecordFilter,
  options: SearchOptions = {},
) {
  const query = searchOf(tenantId, filter, options);
  const matches = onlyIndexed(filter) ? indexedMatches(tenantId, filter, query) : null;
  if (matches) {
    const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from (${matches}) found`);
    return row?.n ?? 0;
  }
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(alumniRecords)
    .where(and(...recordFilterConditions(tenantId, filter, { query })));
  return row?.n ?? 0;
}

/**
 * The registry table's request: a page of records and how many match in all. A query, a tag and a
 * department are answered from the postings and reading ranges alone (see indexedPage); other filters
 * read the records, page and count side by side (on a PostgreSQL server on two connections, so the
 * answer takes as long as the slower).
 */
export async function findRecordsPage(
  db: AppDatabase,
  tenantId: string,
  query: { filter: RecordFilter; sort: RecordSort; cursor?: string | undefined; limit: number },
) {
  const search = personQuery(recordTokenSource, tenantId, query.filter.q ?? '');
  const matches = onlyIndexed(query.filter) ? indexedMatches(tenantId, query.filter, search) : null;
  if (matches) return inTenant(db, tenantId, (tx) => indexedPage(tx, tenantId, matches, query));
  const [page, total] = await Promise.all([
    inTenant(db, tenantId, (tx) => listRecords(tx, tenantId, query, { query: search })),
    inTenant(db, tenantId, (tx) => countRecords(tx, tenantId, query.filter, { query: search })),
  ]);
  return { ...page, total };
}
