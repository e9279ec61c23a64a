import { and, arrayContains, asc, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { AppDatabase, Queryable } from '../../db/client.js';
import { alumniRecords } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import { likeEscape, personQueryConditions } from '../../platform/japanese/person-search.js';
import type { RecordFilter } from './schemas.js';
import { recordTokenSource } from './search-index.js';

const NO_RECORD = '00000000-0000-0000-0000-000000000000';

/** The WHERE clause for a registry filter; shared by the table, segments, exports and invitations. */
export function recordFilterConditions(tenantId: string, filter: RecordFilter): SQL[] {
  const conditions: (SQL | undefined)[] = [eq(alumniRecords.tenantId, tenantId)];
  conditions.push(...personQueryConditions(recordTokenSource, alumniRecords, tenantId, filter.q ?? ''));
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
        after: (key: string, id: string) =>
          or(
            gt(alumniRecords.readingKey, key),
            and(eq(alumniRecords.readingKey, key), gt(alumniRecords.id, id)),
          ),
        key: (row: { readingKey: string }) => row.readingKey,
      };
  }
}

export async function listRecords(
  tx: Queryable,
  tenantId: string,
  query: { filter: RecordFilter; sort: RecordSort; cursor?: string | undefined; limit: number },
) {
  const spec = sortSpec(query.sort);
  const conditions = recordFilterConditions(tenantId, query.filter);
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

export async function countRecords(tx: Queryable, tenantId: string, filter: RecordFilter) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(alumniRecords)
    .where(and(...recordFilterConditions(tenantId, filter)));
  return row?.n ?? 0;
}

/**
 * The registry table's request: a page of records and how many match in all. On a PostgreSQL server the
 * two run side by side on two connections, so the answer takes as long as the slower of them.
 */
export async function findRecordsPage(
  db: AppDatabase,
  tenantId: string,
  query: { filter: RecordFilter; sort: RecordSort; cursor?: string | undefined; limit: number },
) {
  const [page, total] = await Promise.all([
    inTenant(db, tenantId, (tx) => listRecords(tx, tenantId, query)),
    inTenant(db, tenantId, (tx) => countRecords(tx, tenantId, query.filter)),
  ]);
  return { ...page, total };
}
