import { type SQL, sql } from 'drizzle-orm';
import type { ActivitySource } from './activity-days.js';
import { addDays, daysBetween } from './japan-days.js';
import { memberActivitySql } from './member-activity.js';

/** The network's counts a day holds, as activity_daily's kinds. */
const totals = ['posts', 'comments', 'messages', 'reactions', 'reads'] as const;

/**
 * One row per Japan day in [from, to] with the network's posts, comments, messages, reactions and
 * article reads: from activity_daily up to the last day rolled, counted live after it (never past today).
 */
export function dailyTotalsSql(source: ActivitySource, from: string, to: string): SQL {
  const parts: SQL[] = [];
  const last = daysBetween(to, source.today) < 0 ? source.today : to;
  if (source.lastRolled && daysBetween(from, source.lastRolled) >= 0) {
    const rolledTo = daysBetween(last, source.lastRolled) < 0 ? source.lastRolled : last;
    const columns = totals.map(
      (kind) => sql`coalesce(sum(count) filter (where kind = ${kind}), 0)::int as ${sql.raw(kind)}`,
    );
    parts.push(sql`select day, ${sql.join(columns, sql`, `)} from activity_daily
      where tenant_id = ${source.tenantId} and day >= ${from}::date and day <= ${rolledTo}::date
        and kind in (${sql.join(
          totals.map((kind) => sql`${kind}`),
          sql`, `,
        )})
      group by day`);
  }
  const afterRolled = source.lastRolled ? addDays(source.lastRolled, 1) : from;
  const liveFrom = daysBetween(afterRolled, from) > 0 ? from : afterRolled;
  if (daysBetween(liveFrom, last) >= 0) {
    const columns = totals.map((kind) => sql`sum(${sql.raw(kind)})::int as ${sql.raw(kind)}`);
    parts.push(sql`select day, ${sql.join(columns, sql`, `)}
      from (${memberActivitySql(source.tenantId, liveFrom, last)}) d group by day`);
  }
  if (parts.length === 0)
    return sql`select null::date as day, ${sql.join(
      totals.map((kind) => sql`0 as ${sql.raw(kind)}`),
      sql`, `,
    )} where false`;
  return sql.join(parts, sql` union all `);
}
