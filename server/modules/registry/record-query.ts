import { and, arrayContains, asc, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { AppDatabase, Queryable } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { alumniRecords } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import {
  likeEscape,
  type PersonQuery,
  personQuery,
  personQueryConditions,
} from '../../platform/japanese/person-search.js';
import type { RecordFilter } from './schemas.js';
import { recordTokenSource } from './search-index.js';

const NO_RECORD = '00000000-0000-0000-0000-000000000000';

type SearchOptions = {
  /** The person query, when the caller has already built it. */
  query?: PersonQuery;
  /** Keep the matches as a hashed filter, so PostgreSQL can walk the reading index in order (see findRecordsPage). */
  walk?: boolean;
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
    ...personQueryConditions(
      recordTokenSource,
      alumniRecords,
      tenantId,
      searchOf(tenantId, filter, options),
      {
        asFilter: options.walk,
      },
    ),
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

/** Whether a filter holds nothing but a free-text query. */
function onlyQuery(filter: RecordFilter): boolean {
  return Object.entries(filter).every(
    ([key, value]) =>
      key === 'q' || value === undefined || (key !== 'ids' && Array.isArray(value) && !value.length),
  );
}

export async function countRecords(
  tx: Queryable,
  tenantId: string,
  filter: RecordFilter,
  options: SearchOptions = {},
) {
  const query = searchOf(tenantId, filter, options);
  // When the tokens prove every term, the owners they find are the matches: no record needs reading.
  if (query.owners && query.exact && onlyQuery(filter)) {
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from (${query.owners}) found`,
    );
    return row?.n ?? 0;
  }
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(alumniRecords)
    .where(and(...recordFilterConditions(tenantId, filter, { query })));
  return row?.n ?? 0;
}

/**
 * How many matches make walking the reading index (in order, keeping the matches in a hash) cheaper
 * than reading every match and sorting: the walk reads about size × page / matches index entries,
 * the other way one record per match, each costing about twice an entry of the walk. So: walk when
 * matches² > WALK_FACTOR × size.
 */
const WALK_FACTOR = 30;

/**
 * The registry table's request: a page of records and how many match in all.
 *
 * When the search tokens prove a query (and nothing else filters), counting their owners is the count,
 * and it comes first: for many matches, walking the reading index in order and keeping the matches in
 * a hash finds the first page sooner than reading every match and sorting. Otherwise page and count run
 * side by side (on a PostgreSQL server on two connections, so the answer takes as long as the slower).
 */
export async function findRecordsPage(
  db: AppDatabase,
  tenantId: string,
  query: { filter: RecordFilter; sort: RecordSort; cursor?: string | undefined; limit: number },
) {
  const search = personQuery(recordTokenSource, tenantId, query.filter.q ?? '');
  if (search.owners && search.exact && onlyQuery(query.filter)) {
    const owners = search.owners;
    return inTenant(db, tenantId, async (tx) => {
      const [counted] = await queryRows<{ total: number; size: number }>(
        tx,
        // All networks' records: an upper bound on this one's, which errs towards not walking.
        sql`select (select count(*)::int from (${owners}) found) as total,
          (select greatest(reltuples, 0)::float8 from pg_class where oid = 'alumni_records'::regclass) as size`,
      );
      const { total, size } = counted!;
      const walk = query.sort === 'reading' && size > 0 && total * total > WALK_FACTOR * size;
      return { ...(await listRecords(tx, tenantId, query, { query: search, walk })), total };
    });
  }
  const [page, total] = await Promise.all([
    inTenant(db, tenantId, (tx) => listRecords(tx, tenantId, query, { query: search })),
    inTenant(db, tenantId, (tx) => countRecords(tx, tenantId, query.filter, { query: search })),
  ]);
  return { ...page, total };
}
