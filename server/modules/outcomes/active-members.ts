import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { ActivitySource } from './activity/activity-days.js';
import { addDays, japanDay } from './activity/japan-days.js';
import { activeMembersSql } from './activity/presence.js';

export const ACTIVE_DAYS = 30;

/**
 * The Japan days of the 30 that end just before `asOf`: a period's last 30 days when `asOf` is its end
 * (a Japan midnight), or the last 30 with today when `asOf` is now.
 */
export function activeWindow(asOf: Date) {
  const to = japanDay(new Date(asOf.getTime() - 1));
  return { from: addDays(to, -(ACTIVE_DAYS - 1)), to };
}

/**
 * Members linked to a record of the cohort who were active (did anything the activity rollup counts)
 * in the 30 days up to `asOf`, per cohort key: read from the daily rollup, with the days it has not
 * counted yet (today) counted live.
 *
 * `cohort` filters and `key` groups the records (`r`, see wholeAndGroups): the whole cohort counts under
 * null and each group under its key.
 */
export async function countActiveMembers(
  ctx: TenantServiceContext,
  source: ActivitySource,
  input: { asOf: Date; cohort: SQL; key: { key: SQL; groupBy: SQL } },
): Promise<Map<string | null, number>> {
  const window = activeWindow(input.asOf);
  const rows = await queryRows<{ key: string | null; active: number }>(
    ctx.tx,
    sql`with active as (${activeMembersSql(source, window.from, window.to)})
      select ${input.key.key} as key, count(*)::int as active
      from alumni_records r
      join memberships m on m.tenant_id = r.tenant_id and m.id = r.membership_id
      join active on active.membership_id = m.id
      where r.tenant_id = ${ctx.tenant.id} and ${input.cohort}
        and m.status = 'active' and m.created_at < ${input.asOf}
      ${input.key.groupBy}`,
  );
  return new Map(rows.map((row) => [row.key, row.active]));
}
