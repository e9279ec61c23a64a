import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { addDays, daysBetween, japanDay } from './japan-days.js';
import { activityColumns, memberActivitySql } from './member-activity.js';
import { lastRolledDay } from './rollup.js';

/** Where a network's daily activity comes from: rolled-up days, and the days after them counted live. */
export type ActivitySource = { tenantId: string; lastRolled: string | null; today: string };

export async function activitySource(
  tx: Queryable,
  tenantId: string,
  now = new Date(),
): Promise<ActivitySource> {
  return { tenantId, lastRolled: await lastRolledDay(tx, tenantId), today: japanDay(now) };
}

const later = (a: string, b: string) => (daysBetween(a, b) > 0 ? b : a);
const earlier = (a: string, b: string) => (daysBetween(a, b) < 0 ? b : a);

/**
 * member_activity_days' rows for the Japan days [from, to]: read from the rollup up to the last day it
 * counted, and counted live from the raw tables after that (today's partial day, or a night the job has
 * not run yet), never past today.
 */
export function activityDaysSql(source: ActivitySource, from: string, to: string): SQL {
  const columns = sql.raw(activityColumns.join(', '));
  const parts: SQL[] = [];
  const last = earlier(to, source.today);
  if (source.lastRolled && daysBetween(from, source.lastRolled) >= 0) {
    const rolledTo = earlier(last, source.lastRolled);
    parts.push(sql`select day, membership_id, ${columns} from member_activity_days
      where tenant_id = ${source.tenantId} and day >= ${from}::date and day <= ${rolledTo}::date`);
  }
  const liveFrom = source.lastRolled ? later(from, addDays(source.lastRolled, 1)) : from;
  if (daysBetween(liveFrom, last) >= 0) parts.push(memberActivitySql(source.tenantId, liveFrom, last));
  if (parts.length === 0) {
    const zeros = activityColumns.map((column) => sql`0 as ${sql.raw(column)}`);
    return sql`select null::date as day, null::uuid as membership_id, ${sql.join(zeros, sql`, `)} where false`;
  }
  return sql.join(parts, sql` union all `);
}
