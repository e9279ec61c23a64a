import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import type { Period } from '../period.js';
import { type ActivitySource, activityDaysSql } from './activity-days.js';
import { addDays, daysBetween } from './japan-days.js';

/** Weekly and monthly active members are counted over the 7 and 30 days that end a period. */
const WEEK = 7;
const MONTH = 30;

/** Figures about members' own activity, from the daily rollup (and today live). */
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

/** A period's activity: member figures from the daily rollup (and today live), the rest from their tables. */
export async function activityFigures(
  tx: Queryable,
  source: ActivitySource,
  period: Period,
): Promise<ActivityFigures> {
  const from = period.fromDate;
  const end = periodEnd(period, source.today);
  const future = daysBetween(from, end) < 0;
  const windowFrom = addDays(end, -(MONTH - 1));
  const scanFrom = daysBetween(windowFrom, from) < 0 ? from : windowFrom;
  const days = activityDaysSql(source, scanFrom, end);
  const inPeriod = sql`day >= ${from}::date`;
  const [members] = future
    ? [undefined]
    : await queryRows<MemberFigures>(
        tx,
        sql`with a as (${days})
          select count(distinct membership_id) filter (where ${inPeriod})::int as "activeMembers",
            count(distinct membership_id) filter (where day >= ${addDays(end, 1 - WEEK)}::date)::int as "weeklyActive",
            count(distinct membership_id) filter (where day >= ${addDays(end, 1 - MONTH)}::date)::int as "monthlyActive",
            (select count(*) from (select membership_id from a where ${inPeriod} group by membership_id
              having sum(posts + comments) = 0) r)::int as "readersOnly",
            coalesce(sum(posts) filter (where ${inPeriod}), 0)::int as posts,
            coalesce(sum(comments) filter (where ${inPeriod}), 0)::int as comments,
            coalesce(sum(messages) filter (where ${inPeriod}), 0)::int as messages,
            coalesce(sum(reactions) filter (where ${inPeriod}), 0)::int as reactions,
            coalesce(sum(reads) filter (where ${inPeriod}), 0)::int as "articleReads"
          from a`,
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

/** The period week by week from its first day (the last week may be shorter), for the chart. */
export async function activityWeeks(
  tx: Queryable,
  source: ActivitySource,
  period: Period,
): Promise<ActivityWeek[]> {
  const from = period.fromDate;
  const end = periodEnd(period, source.today);
  if (daysBetween(from, end) < 0) return [];
  const rows = await queryRows<Omit<ActivityWeek, 'from'> & { week: number }>(
    tx,
    sql`select ((day - ${from}::date) / 7)::int as week,
        count(distinct membership_id)::int as "activeMembers", sum(posts)::int as posts,
        sum(comments)::int as comments, sum(messages)::int as messages
      from (${activityDaysSql(source, from, end)}) a group by 1`,
  );
  const byWeek = new Map(rows.map((row) => [row.week, row]));
  const weeks: ActivityWeek[] = [];
  for (let week = 0; week * 7 <= daysBetween(from, end); week += 1) {
    const row = byWeek.get(week);
    weeks.push({
      from: addDays(from, week * 7),
      activeMembers: row?.activeMembers ?? 0,
      posts: row?.posts ?? 0,
      comments: row?.comments ?? 0,
      messages: row?.messages ?? 0,
    });
  }
  return weeks;
}
