import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import { type ActivitySource, activityDaysSql } from '../activity/activity-days.js';
import { addDays } from '../activity/japan-days.js';
import { activityColumns } from '../activity/member-activity.js';
import { RECENT_DAYS } from '../activity/presence-rollup.js';
import { goingQuietSql } from './going-quiet.js';

/** The score counts what a member did over the last 90 days, today included. */
export const SCORE_DAYS = 90;

/** The visible ingredients of the score, each counted in member_activity_days. */
export const ingredients = [
  'visits',
  'reads',
  'posts',
  'comments',
  'eventsAttended',
  'surveysAnswered',
] as const;
export type Ingredient = (typeof ingredients)[number];
export type Weights = Record<Ingredient, number>;

const columnOf: Record<Ingredient, string> = {
  visits: 'visits',
  reads: 'reads',
  posts: 'posts',
  comments: 'comments',
  eventsAttended: 'events_attended',
  surveysAnswered: 'surveys_answered',
};

/**
 * Default weights: turning up (a visit, a read) counts a little, speaking up (a comment, a post) more,
 * and the things that take an evening or a considered answer (an event, a survey) most.
 */
export const defaultWeights: Weights = {
  visits: 1,
  reads: 2,
  posts: 5,
  comments: 3,
  eventsAttended: 10,
  surveysAnswered: 5,
};

/** The network's weights: its own where set, the default for any ingredient it has not set. */
export async function loadWeights(tx: Queryable, tenantId: string): Promise<Weights> {
  const [row] = await queryRows<{ weights: Partial<Weights> }>(
    tx,
    sql`select weights from engagement_settings where tenant_id = ${tenantId}`,
  );
  const stored = row?.weights ?? {};
  return Object.fromEntries(
    ingredients.map((key) => [key, typeof stored[key] === 'number' ? stored[key] : defaultWeights[key]]),
  ) as Weights;
}

export async function saveWeights(
  tx: Queryable,
  input: { tenantId: string; weights: Weights; updatedBy: string },
): Promise<void> {
  await tx.execute(sql`insert into engagement_settings (tenant_id, weights, updated_by, updated_at)
    values (${input.tenantId}, ${JSON.stringify(input.weights)}::jsonb, ${input.updatedBy}, now())
    on conflict (tenant_id) do update set weights = excluded.weights, updated_by = excluded.updated_by,
      updated_at = now()`);
}

/**
 * What the score sums, as member_activity_days rows: when the rollup has counted up to yesterday, each
 * member's 89-day totals kept by it (one row per member) and today live; otherwise the days themselves.
 */
async function scoreDaysSql(tx: Queryable, source: ActivitySource, from: string) {
  const yesterday = addDays(source.today, -1);
  const [recent] = await queryRows<{ through: string | null }>(
    tx,
    sql`select max(through)::text as through from member_recent_activity where tenant_id = ${source.tenantId}`,
  );
  if (
    source.lastRolled !== yesterday ||
    recent?.through !== yesterday ||
    addDays(yesterday, 1 - RECENT_DAYS) !== from
  )
    return activityDaysSql(source, from, source.today);
  const columns = sql.raw(activityColumns.join(', '));
  return sql`select through as day, membership_id, ${columns} from member_recent_activity
      where tenant_id = ${source.tenantId}
    union all ${activityDaysSql(source, source.today, source.today)}`;
}

export type MemberEngagement = Record<Ingredient, number> & {
  membershipId: string;
  name: string;
  score: number;
  goingQuiet: boolean;
};

/**
 * The network's members (alumni, employees, moderators) with their score and ingredients over the last
 * 90 days, highest first; members with no activity score 0 and are listed too. For HR's console only.
 */
export async function memberEngagement(
  tx: Queryable,
  source: ActivitySource,
  weights: Weights,
  page: { limit: number; offset: number },
): Promise<{ members: MemberEngagement[]; total: number; goingQuiet: number }> {
  const from = addDays(source.today, -(SCORE_DAYS - 1));
  const sums = ingredients.map(
    (key) => sql`coalesce(sum(${sql.raw(columnOf[key])}), 0)::int as ${sql.raw(`"${key}"`)}`,
  );
  const score = sql.join(
    ingredients.map((key) => sql`${weights[key]}::int * coalesce(sum(${sql.raw(columnOf[key])}), 0)`),
    sql` + `,
  );
  const tenantId = source.tenantId;
  const rows = await queryRows<MemberEngagement & { total: number }>(
    tx,
    sql`with a as (${await scoreDaysSql(tx, source, from)}),
        per as (select membership_id, ${sql.join(sums, sql`, `)}, (${score})::int as score
          from a group by membership_id),
        quiet as (${goingQuietSql(source)})
      select m.id as "membershipId", m.display_name as name,
        ${sql.join(
          ingredients.map((key) => sql`coalesce(per.${sql.raw(`"${key}"`)}, 0) as ${sql.raw(`"${key}"`)}`),
          sql`, `,
        )},
        coalesce(per.score, 0) as score, m.id in (select membership_id from quiet) as "goingQuiet",
        count(*) over ()::int as total
      from memberships m left join per on per.membership_id = m.id
      where m.tenant_id = ${tenantId} and m.status = 'active' and m.role in ('alumnus', 'employee', 'moderator')
      order by coalesce(per.score, 0) desc, m.display_name, m.id
      limit ${page.limit} offset ${page.offset}`,
  );
  const [quiet] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from (${goingQuietSql(source)}) q
      join memberships m on m.tenant_id = ${tenantId} and m.id = q.membership_id and m.status = 'active'`,
  );
  return {
    members: rows.map(({ total: _total, ...member }) => member),
    total: rows[0]?.total ?? 0,
    goingQuiet: quiet?.n ?? 0,
  };
}
