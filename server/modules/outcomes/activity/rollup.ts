import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import { tenants } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import type { Deps } from '../../../platform/http/env.js';
import { addDays, daysBetween, japanDay } from './japan-days.js';
import { activityColumns, memberActivitySql } from './member-activity.js';
import { refreshRecentActivity, rollUpPresence, rollUpWeeklyActive } from './presence-rollup.js';

/** Days counted per transaction when catching up, so a long backlog commits as it goes. */
const CHUNK_DAYS = 31;

/** The last Japan day the rollup has counted for the network, or null before its first run. */
export async function lastRolledDay(tx: Queryable, tenantId: string): Promise<string | null> {
  const [row] = await queryRows<{ day: string | null }>(
    tx,
    sql`select max(day)::text as day from activity_rollups where tenant_id = ${tenantId}`,
  );
  return row?.day ?? null;
}

/**
 * Counts the days [from, to] again from the raw tables, replacing what was there: a re-run gives the
 * same rows, never twice the counts. Then brings what is read from the days up to date: each member's
 * presence bits, the 7-day active counts and (unless the caller will, after more days) the members'
 * recent totals.
 */
export async function rollUpDays(
  tx: Queryable,
  tenantId: string,
  from: string,
  to: string,
  options: { recentTotals?: boolean } = {},
): Promise<void> {
  const inRange = sql`tenant_id = ${tenantId} and day >= ${from}::date and day <= ${to}::date`;
  await tx.execute(sql`delete from member_activity_days where ${inRange}`);
  await tx.execute(sql`delete from activity_daily where ${inRange}`);
  const columns = sql.raw(activityColumns.join(', '));
  await tx.execute(sql`insert into member_activity_days (tenant_id, day, membership_id, ${columns})
    select ${tenantId}::uuid, day, membership_id, ${columns} from (${memberActivitySql(tenantId, from, to)}) a`);
  const perKind = activityColumns.map((column) => sql`(${column}::text, ${sql.raw(column)})`);
  await tx.execute(sql`insert into activity_daily (tenant_id, day, kind, count, members)
    select ${tenantId}::uuid, day, v.kind, sum(v.n)::int, count(*) filter (where v.n > 0)::int
      from member_activity_days cross join lateral (values ${sql.join(perKind, sql`, `)}) v(kind, n)
      where ${inRange} group by day, v.kind having sum(v.n) > 0
    union all
    select ${tenantId}::uuid, day, 'active', count(*)::int, count(*)::int from member_activity_days
      where ${inRange} group by day
    union all
    select ${tenantId}::uuid, day, 'digest_sent', count(*)::int, count(distinct membership_id)::int
      from activity_events where ${inRange} and kind = 'digest_sent' group by day`);
  await tx.execute(sql`insert into activity_rollups (tenant_id, day)
    select ${tenantId}, d::date from generate_series(${from}::date, ${to}::date, interval '1 day') d
    on conflict (tenant_id, day) do update set rolled_at = now()`);
  await rollUpPresence(tx, tenantId, from, to);
  await rollUpWeeklyActive(tx, tenantId, from, to);
  if (options.recentTotals !== false) await refreshRecentActivity(tx, tenantId);
}

/**
 * Brings one network's rollups up to yesterday (Japan): from the day after the last one counted, or
 * from the day the network was created, so nights the job missed are caught up. Returns the days counted.
 */
export async function catchUpNetwork(
  deps: Pick<Deps, 'database'>,
  tenant: { id: string; createdAt: Date },
  now: Date,
  signal?: AbortSignal,
): Promise<number> {
  const db = deps.database.db;
  const yesterday = addDays(japanDay(now), -1);
  const last = await inTenant(db, tenant.id, (tx) => lastRolledDay(tx, tenant.id));
  let from = last ? addDays(last, 1) : japanDay(tenant.createdAt);
  let counted = 0;
  while (daysBetween(from, yesterday) >= 0 && !signal?.aborted) {
    const to = daysBetween(from, yesterday) >= CHUNK_DAYS ? addDays(from, CHUNK_DAYS - 1) : yesterday;
    const lastChunk = daysBetween(to, yesterday) === 0;
    await inTenant(db, tenant.id, (tx) => rollUpDays(tx, tenant.id, from, to, { recentTotals: lastChunk }));
    counted += daysBetween(from, to) + 1;
    from = addDays(to, 1);
  }
  return counted;
}

/** The rollup run over every network. */
export async function runActivityRollup(
  deps: Pick<Deps, 'database'>,
  now = new Date(),
  signal?: AbortSignal,
) {
  let days = 0;
  const networks = await deps.database.db
    .select({ id: tenants.id, createdAt: tenants.createdAt })
    .from(tenants);
  for (const tenant of networks) {
    if (signal?.aborted) break;
    days += await catchUpNetwork(deps, tenant, now, signal);
  }
  return days;
}

/** Runs the rollup as a durable job; each run counts only the days not yet counted. */
export function registerActivityJobs(deps: Deps): void {
  deps.jobs.handle('outcomes.activity_rollup', async (_data, signal) => {
    const days = await runActivityRollup(deps, new Date(), signal);
    if (days > 0) deps.logger.info({ days }, 'activity rolled up');
  });
}
