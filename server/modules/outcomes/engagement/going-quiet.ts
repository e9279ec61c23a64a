import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import type { ActivitySource } from '../activity/activity-days.js';
import { addDays } from '../activity/japan-days.js';
import { presenceSql } from '../activity/presence.js';

/**
 * Going quiet: active on some day in the 60 days before the last 30, and on none of the last 30 (today
 * included). Members who were never active, or joined within the last 30 days, are not "going quiet":
 * there is no habit to lose yet.
 */
export const QUIET_DAYS = 30;
export const EARLIER_DAYS = 60;

/** The Japan days of the earlier window and of the quiet one, as of `today`. */
export function goingQuietWindows(today: string) {
  return {
    earlier: { from: addDays(today, -(QUIET_DAYS + EARLIER_DAYS - 1)), to: addDays(today, -QUIET_DAYS) },
    quiet: { from: addDays(today, -(QUIET_DAYS - 1)), to: today },
  };
}

/** The membership ids of the network's members going quiet today, as one SELECT (membership_id). */
export function goingQuietSql(source: ActivitySource): SQL {
  const { earlier, quiet } = goingQuietWindows(source.today);
  return sql`select membership_id from (${presenceSql(source, { earlier, quiet })}) p
    where p.earlier and not p.quiet`;
}

/**
 * Whether the member was active in the earlier window: what a member-facing list asks of a programme
 * meant for the going-quiet. It leaves out the "not since" half on purpose: a member the invitation
 * brought back (its whole point) must still find what they were invited to.
 */
export async function activeInEarlierWindow(
  tx: Queryable,
  tenantId: string,
  membershipId: string,
  today: string,
): Promise<boolean> {
  const { earlier } = goingQuietWindows(today);
  const rows = await queryRows(
    tx,
    sql`select 1 from member_activity_days where tenant_id = ${tenantId} and membership_id = ${membershipId}
      and day >= ${earlier.from}::date and day <= ${earlier.to}::date limit 1`,
  );
  return rows.length > 0;
}
