import { and, arrayContains, asc, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { alumniRecords, recordSearchTokens } from '../../db/schema/index.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import { queryGrams, searchTerms } from '../../platform/japanese/text.js';
import { asciiToken, isHanLetter, isReading, readingToken } from './record-values.js';
import type { RecordFilter } from './schemas.js';

const NO_RECORD = '00000000-0000-0000-0000-000000000000';
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * Records holding any of these addresses, found through their tokens: an array operator on the records
 * would not be leakproof, so under row-level security it could only scan the tenant.
 */
export function withAnyEmail(tenantId: string, emails: string[]): SQL {
  return sql`${alumniRecords.id} in (
    select ${recordSearchTokens.recordId} from ${recordSearchTokens}
    where ${recordSearchTokens.tenantId} = ${tenantId} and ${recordSearchTokens.token} in (${sql.join(
      emails.map((email) => sql`${asciiToken(email)}`),
      sql`, `,
    )}))`;
}

/** The tokens that can find a term: a reading prefix, its bigrams (all needed), a kanji letter, or a whole address. */
function termTokens(term: { key: string; ascii: string | null }) {
  if (isReading(term.key)) {
    return { all: [], whole: Array.from(term.key).length > 1 ? readingToken(term.key) : null };
  }
  const letters = Array.from(term.key);
  const all = letters.length > 1 ? queryGrams(term.key) : isHanLetter(term.key) ? [term.key] : [];
  return { all, whole: term.ascii ? asciiToken(term.ascii) : null };
}

/**
 * One lookup in record_search_tokens for the whole query: records whose tokens satisfy every term.
 * Equality is what row-level security lets the planner run on an index, and one grouped subquery
 * keeps the plan simple however many terms there are. Null when no term has tokens.
 */
function matchingTokens(tenantId: string, terms: { key: string; ascii: string | null }[]): SQL | null {
  const needs = terms.map(termTokens).filter((t) => t.all.length > 0 || t.whole);
  if (needs.length === 0) return null;
  const tokens = [...new Set(needs.flatMap((t) => [...t.all, ...(t.whole ? [t.whole] : [])]))];
  const list = (items: string[]) =>
    sql.join(
      items.map((token) => sql`${token}`),
      sql`, `,
    );
  const satisfied = needs.map((t) => {
    const grams =
      t.all.length > 0
        ? sql`count(*) filter (where ${recordSearchTokens.token} in (${list(t.all)})) = ${t.all.length}`
        : null;
    const whole = t.whole ? sql`bool_or(${recordSearchTokens.token} = ${t.whole})` : null;
    return grams && whole ? sql`(${grams} or ${whole})` : (grams ?? whole)!;
  });
  return sql`${alumniRecords.id} in (
    select ${recordSearchTokens.recordId} from ${recordSearchTokens}
    where ${recordSearchTokens.tenantId} = ${tenantId} and ${recordSearchTokens.token} in (${list(tokens)})
    group by ${recordSearchTokens.recordId}
    having ${sql.join(satisfied, sql` and `)})`;
}

/** The WHERE clause for a registry filter; shared by the table, segments, exports and invitations. */
export function recordFilterConditions(tenantId: string, filter: RecordFilter): SQL[] {
  const conditions: (SQL | undefined)[] = [eq(alumniRecords.tenantId, tenantId)];
  const terms = searchTerms(filter.q ?? '');
  const tokenMatch = matchingTokens(tenantId, terms);
  if (tokenMatch) conditions.push(tokenMatch);
  for (const term of terms) {
    // Tokens narrow by index; LIKE on the normalised text confirms each whole term.
    conditions.push(sql`${alumniRecords.searchText} like ${`%${likeEscape(term.key)}%`}`);
  }
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
