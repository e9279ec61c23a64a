import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import type { Period } from '../period.js';
import type { ActivitySource } from './activity-days.js';
import { dailyTotalsSql } from './daily-totals.js';
import { addDays, daysBetween } from './japan-days.js';
import { presenceSql } from './presence.js';

/** Weekly and monthly active members are counted over the 7 and 30 days that end a period. */
const WEEK = 7;
const MONTH = 30;

/** Figures about members' own activity, from the rollups (and today live). */
type MemberFigures = {
  activeMembers: number;
  weeklyActive: number;
  monthlyActive: number;
  /** Active members who neither posted nor commented: reading is a way to belong, so they count as active. */
  readersOnly: number;
  posts: number;
  comments: number;
  messages: number;
  reactions: number;
  articleReads: number;
};

/** The community's growth and what the company's mail reached, from their own tables. */
type ReachFigures = {
  groupsCreated: number;
  groupsTotal: number;
  hashtagsCreated: number;
  hashtagsTotal: number;
  digestReach: number;
  newsletters: number;
  newsletterReach: number;
};

export type ActivityFigures = MemberFigures & ReachFigures;

const noActivity: MemberFigures = {
  activeMembers: 0,
  weeklyActive: 0,
  monthlyActive: 0,
  readersOnly: 0,
  posts: 0,
  comments: 0,
  messages: 0,
  reactions: 0,
  articleReads: 0,
};

export type ActivityWeek = {
  from: string;
  activeMembers: number;
  posts: number;
  comments: number;
  messages: number;
};

/** The last Japan day a period's figures reach: its own last day, or today while it is still running. */
export function periodEnd(period: Period, today: string): string {
  const last = addDays(period.toDate, -1);
  return daysBetween(last, today) < 0 ? today : last;
}

/** A period's activity: member figures from the rollups (and today live), the rest from their tables. */
export async function activityFigures(
  tx: Queryable,
  source: ActivitySource,
  period: Period,
): Promise<ActivityFigures> {
  const from = period.fromDate;
  const end = periodEnd(period, source.today);
  const future = daysBetween(from, end) < 0;
  const windows = {
    period: { from, to: end },
    week: { from: addDays(end, 1 - WEEK), to: end },
    month: { from: addDays(end, 1 - MONTH), to: end },
  };
  const [members] = future
    ? [undefined]
    : await queryRows<MemberFigures>(
        tx,
        sql`with p as (${presenceSql(source, windows, ['period'])}),
            t as (${dailyTotalsSql(source, from, end)})
          select count(*) filter (where p.period)::int as "activeMembers",
            count(*) filter (where p.week)::int as "weeklyActive",
            count(*) filter (where p.month)::int as "monthlyActive",
            count(*) filter (where p.period and not p."periodSpoke")::int as "readersOnly",
            (select coalesce(sum(posts), 0) from t)::int as posts,
            (select coalesce(sum(comments), 0) from t)::int as comments,
            (select coalesce(sum(messages), 0) from t)::int as messages,
            (select coalesce(sum(reactions), 0) from t)::int as reactions,
            (select coalesce(sum(reads), 0) from t)::int as "articleReads"
          from p`,
      );
  const lo = sql`(${from}::date::timestamp at time zone 'Asia/Tokyo')`;
  const hi = sql`((${end}::date + 1)::timestamp at time zone 'Asia/Tokyo')`;
  const tenant = source.tenantId;
  const [reach] = await queryRows<ReachFigures>(
    tx,
    sql`select
      (select count(*) from groups where tenant_id = ${tenant} and created_at >= ${lo} and created_at < ${hi})::int as "groupsCreated",
      (select count(*) from groups where tenant_id = ${tenant} and created_at < ${hi})::int as "groupsTotal",
      (select count(*) from hashtags where tenant_id = ${tenant} and created_at >= ${lo} and created_at < ${hi})::int as "hashtagsCreated",
      (select count(*) from hashtags where tenant_id = ${tenant} and created_at < ${hi})::int as "hashtagsTotal",
      (select count(distinct membership_id) from activity_events where tenant_id = ${tenant}
        and kind = 'digest_sent' and day >= ${from}::date and day <= ${end}::date)::int as "digestReach",
      (select count(*) from newsletter_campaigns where tenant_id = ${tenant} and status = 'sent'
        and sent_at >= ${lo} and sent_at < ${hi})::int as newsletters,
      (select coalesce(sum(recipient_count), 0) from newsletter_campaigns where tenant_id = ${tenant}
        and status = 'sent' and sent_at >= ${lo} and sent_at < ${hi})::int as "newsletterReach"`,
  );
  return { ...noActivity, ...members, ...reach! };
}

/**
 * The period week by week from its first day (the last week may be shorter), for the chart. A whole
 * week the rollup has counted reads its active members from activity_daily's 7-day count on its last
 * day; a shorter or partly live one counts them from member presence.
 */
export async function activityWeeks(
  tx: Queryable,
  source: ActivitySource,
  period: Period,
): Promise<ActivityWeek[]> {
  const from = period.fromDate;
  const end = periodEnd(period, source.today);
  if (daysBetween(from, end) < 0) return [];
  const spans: { from: string; to: string; rolled: boolean }[] = [];
  for (let start = from; daysBetween(start, end) >= 0; start = addDays(start, WEEK)) {
    const last = addDays(start, WEEK - 1);
    const to = daysBetween(last, end) < 0 ? end : last;
    const rolled = to === last && source.lastRolled !== null && daysBetween(to, source.lastRolled) >= 0;
    spans.push({ from: start, to, rolled });
  }
  const totals = await queryRows<Omit<ActivityWeek, 'from' | 'activeMembers'> & { week: number }>(
    tx,
    sql`select ((day - ${from}::date) / 7)::int as week, sum(posts)::int as posts,
        sum(comments)::int as comments, sum(messages)::int as messages
      from (${dailyTotalsSql(source, from, end)}) t group by 1`,
  );
  const weekly = await queryRows<{ day: string; members: number }>(
    tx,
    sql`select day::text as day, members from activity_daily where tenant_id = ${source.tenantId}
      and kind = 'active_7d' and day >= ${from}::date and day <= ${end}::date`,
  );
  const counted = new Map(weekly.map((row) => [row.day, row.members]));
  const others = spans.flatMap((span, index) => (span.rolled ? [] : [[`w${index}`, span] as const]));
  const live = new Map<string, number>();
  if (others.length > 0) {
    const [row] = await queryRows<Record<string, number>>(
      tx,
      sql`select ${sql.join(
        others.map(
          ([name]) => sql`count(*) filter (where p.${sql.raw(`"${name}"`)})::int as ${sql.raw(`"${name}"`)}`,
        ),
        sql`, `,
      )} from (${presenceSql(source, Object.fromEntries(others))}) p`,
    );
    for (const [name] of others) live.set(name, row?.[name] ?? 0);
  }
  const byWeek = new Map(totals.map((row) => [row.week, row]));
  return spans.map((span, index) => {
    const row = byWeek.get(index);
    return {
      from: span.from,
      activeMembers: span.rolled ? (counted.get(span.to) ?? 0) : (live.get(`w${index}`) ?? 0),
      posts: row?.posts ?? 0,
      comments: row?.comments ?? 0,
      messages: row?.messages ?? 0,
    };
  });
}
