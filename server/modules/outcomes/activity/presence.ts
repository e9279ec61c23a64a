import { type SQL, sql } from 'drizzle-orm';
import { type ActivitySource, activityDaysSql } from './activity-days.js';

/**
 * The members active on at least one Japan day in [from, to], each once, as one SELECT (membership_id).
 */
export function activeMembersSql(source: ActivitySource, from: string, to: string): SQL {
  return sql`select distinct membership_id from (${activityDaysSql(source, from, to)}) a`;
}
