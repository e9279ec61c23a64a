import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw.js';
import type { LeaveReason } from '../../db/schema/index.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { ACTIVE_DAYS, countActiveMembers } from './active-members.js';
import { type ActivitySource, activitySource } from './activity/activity-days.js';
import {
  type CohortDimension,
  type Funnel,
  type FunnelQuery,
  type FunnelStep,
  funnelSteps,
  joinSources,
} from './funnel-schemas.js';
import { type Periods, presentPeriod } from './period.js';
import { countPeople, type PeopleCount, shareOf } from './privacy.js';

type StepCounts = Record<FunnelStep, number>;

/** The records of the cohort asked for (records aliased `r`); indexed by tenant and leaving date. */
function cohortCondition(query: FunnelQuery): SQL {
  const parts: SQL[] = [sql`true`];
  if (query.leftYear !== undefined)
    parts.push(
      sql`r.left_on >= ${`${query.leftYear}-01-01`}::date and r.left_on < ${`${query.leftYear + 1}-01-01`}::date`,
    );
  if (query.department !== undefined) parts.push(sql`r.last_department = ${query.department}`);
  if (query.leaveReason !== undefined) parts.push(sql`r.leave_reason = ${query.leaveReason}`);
  return sql.join(parts, sql` and `);
}

const cohortKeys: Record<CohortDimension, SQL> = {
  leftYear: sql`coalesce(extract(year from r.left_on)::int::text, '')`,
  department: sql`coalesce(r.last_department, '')`,
  leaveReason: sql`coalesce(r.leave_reason, '')`,
};

/** The moment a funnel is counted at: the period's end, or now while the period is still running. */
const asOfFor = (end: Date, now: Date) => (end.getTime() > now.getTime() ? now : end);

/**
 * How far the records of a cohort got, counted at two moments: how many exist, have agreed to be
 * contacted (会社情報の案内希望), were invited, joined (a membership linked to the record) and were
 * active in the 30 days before. Each step is counted on its own, so someone who joined through a
 * join request without an invitation counts as joined but not as invited.
 */
async function countSteps(
  ctx: TenantServiceContext,
  input: { cohort: SQL; key: SQL | null; asOf: { current: Date; previous: Date }; source: ActivitySource },
): Promise<Map<string | null, { current: StepCounts; previous: StepCounts }>> {
  const grouped = wholeAndGroups(input.key);
  const columns = (at: Date, suffix: string) => sql`
    count(*) filter (where r.created_at < ${at})::int as ${sql.raw(`records_${suffix}`)},
    count(*) filter (where r.created_at < ${at} and r.contact_consent = 'granted'
      and (r.consent_at is null or r.consent_at < ${at}))::int as ${sql.raw(`consent_${suffix}`)},
    count(*) filter (where r.created_at < ${at} and fi.first_at < ${at})::int as ${sql.raw(`invited_${suffix}`)},
    count(*) filter (where m.created_at < ${at})::int as ${sql.raw(`joined_${suffix}`)}`;
  const rows = await queryRows<Record<string, number> & { key: string | null }>(
    ctx.tx,
    sql`select ${grouped.key} as key, ${columns(input.asOf.current, 'c')}, ${columns(input.asOf.previous, 'p')}
      from alumni_records r
      left join memberships m on m.tenant_id = r.tenant_id and m.id = r.membership_id
      -- Invited by a moment when the record's first invitation came before it: one pass over the
      -- invitations for all records, rather than a look-up per record and moment.
      left join (select i.record_id, min(i.created_at) as first_at from invitations i
        where i.tenant_id = ${ctx.tenant.id} group by i.record_id) fi on fi.record_id = r.id
      where r.tenant_id = ${ctx.tenant.id} and ${input.cohort}
      ${grouped.groupBy}`,
  );
  const activeNow = await countActiveMembers(ctx, input.source, {
    asOf: input.asOf.current,
    cohort: input.cohort,
    key: grouped,
  });
  const activeBefore = await countActiveMembers(ctx, input.source, {
    asOf: input.asOf.previous,
    cohort: input.cohort,
    key: grouped,
  });
  const pick = (row: Record<string, number>, suffix: string, active: number): StepCounts => ({
    records: row[`records_${suffix}`] ?? 0,
    consent: row[`consent_${suffix}`] ?? 0,
    invited: row[`invited_${suffix}`] ?? 0,
    joined: row[`joined_${suffix}`] ?? 0,
    active,
  });
  return new Map(
    rows.map((row) => [
      row.key,
      {
        current: pick(row, 'c', activeNow.get(row.key) ?? 0),
        previous: pick(row, 'p', activeBefore.get(row.key) ?? 0),
      },
    ]),
  );
}

/**
 * The whole cohort (key null) and, given a key, each of its groups, in one pass: grouping sets
 * ((), (key)) rather than a second read of the records for the groups.
 */
export function wholeAndGroups(key: SQL | null): { key: SQL; groupBy: SQL } {
  if (!key) return { key: sql`null::text`, groupBy: sql`` };
  return {
    key: sql`case when grouping(${key}) = 1 then null else ${key} end`,
    groupBy: sql`group by grouping sets ((), (${key}))`,
  };
}

const hideAll = (counts: StepCounts) =>
  Object.fromEntries(funnelSteps.map((step) => [step, countPeople(counts[step])])) as Record<
    FunnelStep,
    PeopleCount
  >;

const empty: StepCounts = { records: 0, consent: 0, invited: 0, joined: 0, active: 0 };

/** Invitations sent and joins through them in a period, by where the invitation came from. */
async function countSources(ctx: TenantServiceContext, cohort: SQL, periods: Periods) {
  const columns = (from: Date, to: Date, suffix: string) => sql`
    count(*) filter (where i.created_at >= ${from} and i.created_at < ${to})::int as ${sql.raw(`invited_${suffix}`)},
    count(*) filter (where i.joined_at >= ${from} and i.joined_at < ${to})::int as ${sql.raw(`joined_${suffix}`)}`;
  const { current: c, previous: p } = periods;
  const rows = await queryRows<Record<string, number> & { source: string }>(
    ctx.tx,
    sql`select i.source, ${columns(c.from, c.to, 'c')}, ${columns(p.from, p.to, 'p')}
      from invitations i join alumni_records r on r.tenant_id = i.tenant_id and r.id = i.record_id
      where i.tenant_id = ${ctx.tenant.id} and i.created_at < ${c.to} and ${cohort}
      group by 1`,
  );
  const bySource = new Map(rows.map((row) => [row.source, row]));
  return joinSources.map((source) => {
    const row = bySource.get(source) ?? {};
    const people = (name: string) => countPeople((row as Record<string, number>)[name] ?? 0);
    return {
      source,
      invited: { current: people('invited_c'), previous: people('invited_p') },
      joined: { current: people('joined_c'), previous: people('joined_p') },
    };
  });
}

/** Join requests and members' suggestions of former colleagues received in each period (whole network). */
async function countRequests(ctx: TenantServiceContext, periods: Periods) {
  const { current: c, previous: p } = periods;
  const [row] = await queryRows<Record<string, number>>(
    ctx.tx,
    sql`select
      (select count(*)::int from join_requests where tenant_id = ${ctx.tenant.id}
        and created_at >= ${c.from} and created_at < ${c.to}) as requests_c,
      (select count(*)::int from join_requests where tenant_id = ${ctx.tenant.id}
        and created_at >= ${p.from} and created_at < ${p.to}) as requests_p,
      (select count(*)::int from referrals where tenant_id = ${ctx.tenant.id}
        and created_at >= ${c.from} and created_at < ${c.to}) as referrals_c,
      (select count(*)::int from referrals where tenant_id = ${ctx.tenant.id}
        and created_at >= ${p.from} and created_at < ${p.to}) as referrals_p`,
  );
  return {
    joinRequests: { current: countPeople(row?.requests_c ?? 0), previous: countPeople(row?.requests_p ?? 0) },
    memberReferrals: {
      current: countPeople(row?.referrals_c ?? 0),
      previous: countPeople(row?.referrals_p ?? 0),
    },
  };
}

/** The values the cohort filters offer: leaving years, last departments and leave reasons in use. */
async function cohortOptions(ctx: TenantServiceContext) {
  // One pass over the records for all three lists (grouping sets), not one per list.
  const rows = await queryRows<{
    year: number | null;
    department: string | null;
    reason: LeaveReason | null;
    n: number;
    set: number;
  }>(
    ctx.tx,
    sql`select extract(year from left_on)::int as year, last_department as department, leave_reason as reason,
        count(*)::int as n,
        grouping(extract(year from left_on)::int, last_department, leave_reason)::int as set
      from alumni_records where tenant_id = ${ctx.tenant.id}
      group by grouping sets ((extract(year from left_on)::int), (last_department), (leave_reason))
      order by n desc, department`,
  );
  // grouping() sets a bit for each column not grouped: 3 = by year only, 5 = department, 6 = reason.
  const of = (set: number) => rows.filter((row) => row.set === set);
  return {
    leftYears: of(3)
      .flatMap((row) => (row.year === null ? [] : [row.year]))
      .sort((a, b) => b - a),
    departments: of(5)
      // Most used first, as the statement orders them.
      .flatMap((row) => (row.department === null ? [] : [row.department]))
      .slice(0, 200),
    leaveReasons: of(6)
      .flatMap((row) => (row.reason === null ? [] : [row.reason]))
      .sort(),
  };
}

export async function loadFunnel(
  ctx: TenantServiceContext,
  query: FunnelQuery,
  periods: Periods,
  now = new Date(),
): Promise<Funnel> {
  const cohort = cohortCondition(query);
  const asOf = { current: asOfFor(periods.current.to, now), previous: asOfFor(periods.previous.to, now) };
  const source = await activitySource(ctx.tx, ctx.tenant.id, now);
  const counted = await countSteps(ctx, {
    cohort,
    key: query.by ? cohortKeys[query.by] : null,
    asOf,
    source,
  });
  const whole = counted.get(null) ?? { current: empty, previous: empty };
  const current = hideAll(whole.current);
  const previous = hideAll(whole.previous);
  const steps = funnelSteps.map((step, index) => {
    const before = funnelSteps[index - 1];
    return {
      step,
      current: current[step],
      previous: previous[step],
      conversion: {
        current: before ? shareOf(current[step], current[before]) : null,
        previous: before ? shareOf(previous[step], previous[before]) : null,
      },
    };
  });
  let breakdown: Funnel['breakdown'] = null;
  if (query.by) {
    const groups = [...counted.entries()].flatMap(([key, counts]) =>
      key === null ? [] : [[key, counts] as const],
    );
    breakdown = {
      by: query.by,
      rows: groups
        .sort(([a], [b]) =>
          a === ''
            ? 1
            : b === ''
              ? -1
              : query.by === 'leftYear'
                ? b.localeCompare(a)
                : a.localeCompare(b, 'ja'),
        )
        .map(([key, counts]) => ({
          cohort: key === '' ? null : key,
          current: hideAll(counts.current),
          previous: hideAll(counts.previous),
        })),
    };
  }
  return {
    period: { current: presentPeriod(periods.current), previous: presentPeriod(periods.previous) },
    asOf: { current: asOf.current.toISOString(), previous: asOf.previous.toISOString() },
    activeDays: ACTIVE_DAYS,
    steps,
    breakdown,
    sources: await countSources(ctx, cohort, periods),
    requests: await countRequests(ctx, periods),
    cohorts: await cohortOptions(ctx),
  };
}
