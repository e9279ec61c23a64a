import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { addDays } from './japan-days.js';
import { activityColumns } from './member-activity.js';
import { noDays, YEAR_BITS, yearMasks } from './year-masks.js';

/** The engagement score's window less today, which is counted live: the 89 days ending the last day rolled. */
export const RECENT_DAYS = 89;

const bits = (value: string) => sql`${value}::bit(${sql.raw(String(YEAR_BITS))})`;

/**
 * Rewrites the days [from, to] in member_presence from member_activity_days: their bits are cleared
 * first and set again from the rows now there, so a re-run gives the same bits and a day that lost its
 * activity loses its bit. Rows left with no day are removed.
 */
export async function rollUpPresence(tx: Queryable, tenantId: string, from: string, to: string) {
  for (const { year, mask } of yearMasks(from, to)) {
    await tx.execute(sql`update member_presence set active = active & ~${bits(mask)}, spoke = spoke & ~${bits(mask)}
      where tenant_id = ${tenantId} and year = ${year} and (active & ${bits(mask)}) <> ${bits(noDays)}`);
  }
  const dayBit = sql`set_bit(${bits(noDays)}, day - make_date(extract(year from day)::int, 1, 1), 1)`;
  await tx.execute(sql`insert into member_presence (tenant_id, year, membership_id, active, spoke)
    select ${tenantId}::uuid, extract(year from day)::int, membership_id, bit_or(${dayBit}),
      coalesce(bit_or(${dayBit}) filter (where posts + comments > 0), ${bits(noDays)})
    from member_activity_days where tenant_id = ${tenantId} and day >= ${from}::date and day <= ${to}::date
    group by 2, 3
    on conflict (tenant_id, year, membership_id) do update
      set active = member_presence.active | excluded.active, spoke = member_presence.spoke | excluded.spoke`);
  await tx.execute(
    sql`delete from member_presence where tenant_id = ${tenantId} and active = ${bits(noDays)}`,
  );
}

/**
 * Rewrites activity_daily's 'active_7d' (members active in the 7 days ending the day) for the days whose
 * window holds a day of [from, to]: [from, to + 6], as far as the rollup has counted.
 */
export async function rollUpWeeklyActive(tx: Queryable, tenantId: string, from: string, to: string) {
  const last = addDays(to, 6);
  await tx.execute(sql`delete from activity_daily where tenant_id = ${tenantId} and kind = 'active_7d'
    and day >= ${from}::date and day <= ${last}::date`);
  await tx.execute(sql`insert into activity_daily (tenant_id, day, kind, count, members)
    select ${tenantId}::uuid, g.d::date, 'active_7d', count(distinct a.membership_id)::int, count(distinct a.membership_id)::int
    from generate_series(${from}::date, least(${last}::date,
        (select max(day) from activity_rollups where tenant_id = ${tenantId})), interval '1 day') g(d)
      join member_activity_days a on a.tenant_id = ${tenantId} and a.day > g.d::date - 7 and a.day <= g.d::date
    group by g.d`);
}

/** Recounts every member's totals over the 89 days ending the last day rolled up. */
export async function refreshRecentActivity(tx: Queryable, tenantId: string) {
  const columns = sql.raw(activityColumns.join(', '));
  const sums = sql.raw(activityColumns.map((column) => `sum(a.${column})::int`).join(', '));
  await tx.execute(sql`delete from member_recent_activity where tenant_id = ${tenantId}`);
  await tx.execute(sql`insert into member_recent_activity (tenant_id, membership_id, through, ${columns})
    select ${tenantId}::uuid, a.membership_id, r.through, ${sums}
    from (select max(day) as through from activity_rollups where tenant_id = ${tenantId}) r
      join member_activity_days a on a.tenant_id = ${tenantId} and a.day <= r.through
        and a.day > r.through - ${RECENT_DAYS}::int
    group by a.membership_id, r.through`);
}
