import { and, asc, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import {
  alumniRecords,
  hashtags,
  type Intent,
  memberHashtags,
  memberProfiles,
  memberSearchTokens,
  memberships,
} from '../../db/schema/index.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import {
  likeEscape,
  personQueryConditions,
  tokenTableSource,
} from '../../platform/japanese/person-search.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { notBlockedWith } from './blocks.js';
import { hashtagsOfMembers } from './hashtags/hashtags.js';
import { normaliseHashtag } from './hashtags/normalise-hashtag.js';
import { fieldVisibleTo } from './profile-visibility.js';
import { tenureOf } from './profiles.js';

export type DirectoryQuery = {
  q?: string | undefined;
  hashtag?: string | undefined;
  intent?: Intent | undefined;
  company?: string | undefined;
  department?: string | undefined;
  leftFrom?: number | undefined;
  leftTo?: number | undefined;
  overlap?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
};

const memberTokens = tokenTableSource({
  table: memberSearchTokens,
  tenantId: memberSearchTokens.tenantId,
  token: memberSearchTokens.token,
  owner: memberSearchTokens.membershipId,
});

// The member's registry record, joined only for the years and departments they chose to show.
const recordJoin = and(
  eq(alumniRecords.tenantId, memberProfiles.tenantId),
  eq(alumniRecords.membershipId, memberProfiles.membershipId),
);
const recordDepartmentLike = (pattern: string) =>
  sql`(${alumniRecords.lastDepartment} ilike ${pattern} or exists (
    select 1 from jsonb_array_elements(${alumniRecords.departmentHistory}) as entry
    where entry ->> 'department' ilike ${pattern}))`;

/**
 * Who the viewer can find: active members listed in the directory (their consent), not blocked either
 * way, matching every filter, and each filter only on a field the member shows this viewer.
 */
export async function searchDirectory(ctx: TenantServiceContext, query: DirectoryQuery) {
  const rows = await (await directoryQuery(ctx, query)).select;
  const { items, nextCursor } = pageOf(rows, query.limit, (row) => [
    row.profile.readingKey,
    row.profile.membershipId,
  ]);
  const tags = await hashtagsOfMembers(
    ctx.tx,
    ctx.tenant.id,
    items.map((row) => row.membership.id),
  );
  return {
    people: items.map((row) => ({ ...row, hashtags: tags.get(row.membership.id) ?? [] })),
    nextCursor,
  };
}

/** The directory's query, one row past the page (exported for the benchmark's query plans). */
export async function directoryQuery(ctx: TenantServiceContext, query: DirectoryQuery) {
  const { viewer, tenantId } = { viewer: ctx.actor, tenantId: ctx.tenant.id };
  const conditions: (SQL | undefined)[] = [
    eq(memberProfiles.tenantId, tenantId),
    eq(memberProfiles.listedInDirectory, true),
    eq(memberships.status, 'active'),
    notBlockedWith(viewer.membershipId, tenantId, memberProfiles.membershipId),
    ...personQueryConditions(
      memberTokens,
      { id: memberProfiles.membershipId, searchText: memberProfiles.searchText },
      tenantId,
      query.q ?? '',
    ),
  ];
  if (query.hashtag) {
    const tag = normaliseHashtag(query.hashtag);
    conditions.push(
      fieldVisibleTo(viewer, 'hashtags'),
      sql`${memberProfiles.membershipId} in (
        select ${memberHashtags.membershipId} from ${memberHashtags}
        inner join ${hashtags} on ${hashtags.tenantId} = ${memberHashtags.tenantId} and ${hashtags.id} = ${memberHashtags.hashtagId}
        where ${memberHashtags.tenantId} = ${tenantId} and ${hashtags.key} = ${tag?.key ?? ''})`,
    );
  }
  if (query.intent) {
    conditions.push(fieldVisibleTo(viewer, 'intents'), sql`${query.intent} = any(${memberProfiles.intents})`);
  }
  if (query.company) {
    conditions.push(
      fieldVisibleTo(viewer, 'company'),
      sql`${memberProfiles.currentCompany} ilike ${`%${likeEscape(query.company)}%`}`,
    );
  }
  const usesTenure = query.department || query.leftFrom || query.leftTo || query.overlap;
  if (usesTenure) conditions.push(fieldVisibleTo(viewer, 'tenure'));
  if (query.department) conditions.push(recordDepartmentLike(`%${likeEscape(query.department)}%`));
  if (query.leftFrom) conditions.push(sql`${alumniRecords.leftOn} >= ${`${query.leftFrom}-01-01`}`);
  if (query.leftTo) conditions.push(sql`${alumniRecords.leftOn} <= ${`${query.leftTo}-12-31`}`);
  if (query.overlap) conditions.push(...(await overlapConditions(ctx)));
  const after = decodeCursor(query.cursor, 2);
  if (after) {
    const [key, id] = after as [string, string];
    conditions.push(
      or(
        gt(memberProfiles.readingKey, key),
        and(eq(memberProfiles.readingKey, key), gt(memberProfiles.membershipId, id)),
      ),
    );
  }
  const base = ctx.tx
    .select({ profile: memberProfiles, membership: memberships })
    .from(memberProfiles)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, memberProfiles.tenantId), eq(memberships.id, memberProfiles.membershipId)),
    );
  // Wrapped, because a query builder is thenable and would run if returned from an async function.
  return {
    select: (usesTenure ? base.innerJoin(alumniRecords, recordJoin) : base)
      .where(and(...conditions))
      .orderBy(asc(memberProfiles.readingKey), asc(memberProfiles.membershipId))
      .limit(query.limit + 1),
  };
}

/**
 * "People who overlapped with me": a department in common and years that overlap. Only between members
 * who both show their time at the company to members; a viewer who does not sees nobody here.
 */
async function overlapConditions(ctx: TenantServiceContext): Promise<SQL[]> {
  const nobody = [sql`false`];
  const [own] = await ctx.tx
    .select({ visibility: memberProfiles.visibility })
    .from(memberProfiles)
    .where(
      and(
        eq(memberProfiles.tenantId, ctx.tenant.id),
        eq(memberProfiles.membershipId, ctx.actor.membershipId),
      ),
    );
  if (own?.visibility.tenure !== 'members') return nobody;
  const tenure = await tenureOf(ctx.tx, ctx.tenant.id, ctx.actor.membershipId);
  if (!tenure || tenure.departments.length === 0) return nobody;
  const departments = tenure.departments;
  const sameDepartment = sql`(${inArray(alumniRecords.lastDepartment, departments)} or exists (
    select 1 from jsonb_array_elements(${alumniRecords.departmentHistory}) as entry
    where entry ->> 'department' in (${sql.join(
      departments.map((d) => sql`${d}`),
      sql`, `,
    )})))`;
  const from = tenure.joinedYear ? `${tenure.joinedYear}-01-01` : '0001-01-01';
  const to = tenure.leftYear ? `${tenure.leftYear}-12-31` : '9999-12-31';
  return [
    sql`coalesce(${memberProfiles.visibility} ->> 'tenure', 'private') = 'members'`,
    sql`${memberProfiles.membershipId} <> ${ctx.actor.membershipId}`,
    sameDepartment,
    sql`coalesce(${alumniRecords.joinedOn}, '0001-01-01') <= ${to}`,
    sql`coalesce(${alumniRecords.leftOn}, '9999-12-31') >= ${from}`,
  ];
}
