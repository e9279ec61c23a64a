import { type SQL, sql } from 'drizzle-orm';

/** The ingredients counted per member and Japan day, in member_activity_days' column order. */
export const activityColumns = [
  'visits',
  'reads',
  'posts',
  'comments',
  'messages',
  'reactions',
  'events_registered',
  'events_attended',
  'surveys_answered',
] as const;
export type ActivityColumn = (typeof activityColumns)[number];

/**
 * Members who count in activity figures: the alumni and employees of the community (moderators are
 * alumni too). The company's own staff (owner, HR admin) work in the console and are left out.
 */
export const countedRoles = sql`('alumnus', 'employee', 'moderator')`;

/**
 * One row per member and Japan day in [from, to] with what they did, read from the raw tables: visits
 * recorded by the session middleware, first reads of articles, posts (not staff announcements),
 * comments, messages, reactions, registrations made by the member, check-ins, and named survey answers
 * (an anonymous answer carries no member, so it is never counted, and nothing here could date it).
 * Each source is read through an index on (tenant_id, time), so one day costs that day's rows.
 */
export function memberActivitySql(tenantId: string, from: string, to: string): SQL {
  const lo = sql`(${from}::date::timestamp at time zone 'Asia/Tokyo')`;
  const hi = sql`((${to}::date + 1)::timestamp at time zone 'Asia/Tokyo')`;
  const dayOf = (column: string) => sql.raw(`(${column} at time zone 'Asia/Tokyo')::date`);
  const timed = (table: string, member: string, time: string, kind: ActivityColumn, extra = '') =>
    sql`select ${sql.raw(member)} as m, ${dayOf(time)} as d, ${kind}::text as k from ${sql.raw(table)}
        where tenant_id = ${tenantId} and ${sql.raw(time)} >= ${lo} and ${sql.raw(time)} < ${hi}${sql.raw(extra)}`;
  const sources = [
    sql`select membership_id as m, day as d, 'visits'::text as k from activity_events
        where tenant_id = ${tenantId} and kind = 'visit' and day >= ${from}::date and day <= ${to}::date`,
    timed('news_reads', 'membership_id', 'created_at', 'reads'),
    timed('posts', 'author_id', 'created_at', 'posts', ` and kind = 'post'`),
    timed('comments', 'author_id', 'created_at', 'comments'),
    timed('messages', 'sender_id', 'created_at', 'messages'),
    timed('reactions', 'membership_id', 'created_at', 'reactions'),
    timed('event_registrations', 'member_id', 'created_at', 'events_registered', ' and added_by is null'),
    timed('event_registrations', 'member_id', 'attended_at', 'events_attended'),
    sql`select membership_id as m, submitted_on as d, 'surveys_answered'::text as k from survey_responses
        where tenant_id = ${tenantId} and membership_id is not null and status = 'submitted'
          and submitted_on >= ${from}::date and submitted_on <= ${to}::date`,
  ];
  const counts = activityColumns.map(
    (column) => sql`count(*) filter (where raw.k = ${column})::int as ${sql.raw(column)}`,
  );
  return sql`select raw.d as day, raw.m as membership_id, ${sql.join(counts, sql`, `)}
    from (${sql.join(sources, sql` union all `)}) raw
    join memberships ms on ms.tenant_id = ${tenantId} and ms.id = raw.m and ms.role in ${countedRoles}
    group by raw.d, raw.m`;
}
