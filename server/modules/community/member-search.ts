import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import type { ProfileVisibility } from '../../db/schema/index.js';
import { personSearchTokens } from '../../platform/japanese/person-search.js';
import { readingSortKey, searchKey, splitPersonName } from '../../platform/japanese/text.js';
import { visibilityOf } from './profile-visibility.js';

/**
 * How the directory finds a member, built in one place from everything it depends on: the display name,
 * the reading, the profile's privacy choices and the former names on the member's registry record.
 * Every write of one of them calls refreshMemberSearch, so a member is findable from the moment their
 * profile exists (an accepted invitation, say), not only after they first edit it.
 */
export type MemberSearchInput = {
  displayName: string;
  /** The reading as stored (full-width katakana, family name first). */
  kana: string;
  visibility: ProfileVisibility;
  /** Whether the member chose to be findable by their former names (旧姓); off unless they say so. */
  findableByFormerNames: boolean;
  /** Former names HR holds on the member's record. */
  formerNames: readonly string[];
};

export type MemberSearch = { readingKey: string; searchText: string; tokens: string[] };

/**
 * The directory's sort key, confirming text and tokens for one member. The reading counts only while
 * the member shows it to members and former names only while they opt in, so that a search cannot
 * reveal either against their choice.
 */
export function memberSearchOf(input: MemberSearchInput): MemberSearch {
  const readingShown = visibilityOf(input.visibility, 'reading') === 'members';
  const reading = readingShown ? splitPersonName(input.kana) : { family: '', given: '' };
  // A former family name with today's given name, so that 旧姓 and 名 typed together (佐藤美咲) match.
  const given = splitPersonName(input.displayName).given;
  const formerNames = input.findableByFormerNames
    ? input.formerNames.flatMap((name) => (given ? [name, `${name}${given}`] : [name]))
    : [];
  const names = [input.displayName, ...formerNames];
  return {
    readingKey: readingSortKey(input.kana || input.displayName),
    searchText: [...names.map(searchKey), readingShown ? searchKey(input.kana) : '']
      .filter(Boolean)
      .join(' '),
    tokens: personSearchTokens({
      names,
      readings: [`${reading.family}${reading.given}`, reading.given],
    }),
  };
}

type MemberSearchRow = {
  membership_id: string;
  display_name: string;
  display_name_kana: string;
  visibility: ProfileVisibility;
  findable_by_former_names: boolean;
  former_names: string[] | null;
};

/** Everything memberSearchOf needs, for the profiles a condition on `p` selects. */
const memberSearchRows = (tenantId: string, where: SQL, limit?: number) =>
  sql`select p.membership_id, m.display_name, p.display_name_kana, p.visibility, p.findable_by_former_names,
      (select array_agg(f.name) from alumni_records r, unnest(r.former_names) as f(name)
        where r.tenant_id = p.tenant_id and r.membership_id = p.membership_id) as former_names
    from member_profiles p
    join memberships m on m.tenant_id = p.tenant_id and m.id = p.membership_id
    where p.tenant_id = ${tenantId} and ${where}
    order by p.membership_id
    ${limit ? sql`limit ${limit}` : sql``}`;

/** Writes the search columns and tokens of a batch of members whose token rows are already gone. */
async function writeMemberSearch(tx: Queryable, tenantId: string, rows: MemberSearchRow[]) {
  const built = rows.map((row) => ({
    id: row.membership_id,
    ...memberSearchOf({
      displayName: row.display_name,
      kana: row.display_name_kana,
      visibility: row.visibility,
      findableByFormerNames: row.findable_by_former_names,
      formerNames: row.former_names ?? [],
    }),
  }));
  if (built.length === 0) return;
  // One JSON parameter per statement: far cheaper than thousands of bound parameters, most on PGlite.
  const json = JSON.stringify(built);
  await tx.execute(sql`update member_profiles p
    set reading_key = e->>'readingKey', search_text = e->>'searchText'
    from jsonb_array_elements(${json}::jsonb) e
    where p.tenant_id = ${tenantId} and p.membership_id = (e->>'id')::uuid
      and (p.reading_key <> e->>'readingKey' or p.search_text <> e->>'searchText')`);
  await tx.execute(sql`insert into member_search_tokens (tenant_id, token, membership_id)
    select ${tenantId}, t.token, (e->>'id')::uuid
    from jsonb_array_elements(${json}::jsonb) e, jsonb_array_elements_text(e->'tokens') as t(token)
    on conflict do nothing`);
}

/** Brings the directory search of the profiles a condition on `p` selects up to date. */
async function refreshMembersWhere(tx: Queryable, tenantId: string, where: SQL) {
  await tx.execute(sql`delete from member_search_tokens t using member_profiles p
    where t.tenant_id = ${tenantId} and p.tenant_id = t.tenant_id and p.membership_id = t.membership_id
      and ${where}`);
  await writeMemberSearch(
    tx,
    tenantId,
    await queryRows<MemberSearchRow>(tx, memberSearchRows(tenantId, where)),
  );
}

/** Brings one member's directory search up to date; a member without a profile yet has nothing to find. */
export async function refreshMemberSearch(tx: Queryable, tenantId: string, membershipId: string) {
  await refreshMembersWhere(tx, tenantId, sql`p.membership_id = ${membershipId}`);
}

/**
 * After the former names on registry records changed (an import): the members linked to those records
 * who chose to be found by them. `recordIds` is a subquery of record ids.
 */
export async function refreshMembersOfRecords(tx: Queryable, tenantId: string, recordIds: SQL) {
  await refreshMembersWhere(
    tx,
    tenantId,
    sql`p.findable_by_former_names and p.membership_id in (select r.membership_id from alumni_records r
      where r.tenant_id = ${tenantId} and r.id in (${recordIds}) and r.membership_id is not null)`,
  );
}

/**
 * Rebuilds a tenant's directory search from its profiles, a batch at a time: the maintenance task for
 * profiles written before every write built tokens, and for a change of the token scheme.
 */
export async function rebuildMemberSearch(tx: Queryable, tenantId: string, batchSize = 2000) {
  await tx.execute(sql`delete from member_search_tokens where tenant_id = ${tenantId}`);
  let after: string | null = null;
  for (;;) {
    const rows: MemberSearchRow[] = await queryRows<MemberSearchRow>(
      tx,
      memberSearchRows(tenantId, after ? sql`p.membership_id > ${after}` : sql`true`, batchSize),
    );
    if (rows.length === 0) break;
    await writeMemberSearch(tx, tenantId, rows);
    after = rows.at(-1)!.membership_id;
  }
}
