import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { CostPerHire } from './cost-per-hire.js';
import { perHireYen } from './cost-per-hire.js';
import { type Period, type Periods, presentPeriod } from './period.js';
import { countPeople, type PeopleCount } from './privacy.js';

type Pair<T> = { current: T; previous: T };

/**
 * One statement answering the same figures for both periods: `figures` is a select list written
 * against a period's bounds ($from/$to as timestamptz, and the Japan days for date columns).
 */
async function bothPeriods(
  ctx: TenantServiceContext,
  periods: Periods,
  figures: (period: Period) => SQL,
): Promise<Pair<Record<string, number | null>>> {
  const run = async (period: Period) =>
    (await queryRows<Record<string, number | null>>(ctx.tx, sql`select ${figures(period)}`))[0] ?? {};
  return { current: await run(periods.current), previous: await run(periods.previous) };
}

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const people = (pair: Pair<Record<string, number | null>>, name: string): Pair<PeopleCount> => ({
  current: countPeople(num(pair.current[name])),
  previous: countPeople(num(pair.previous[name])),
});
const things = (pair: Pair<Record<string, number | null>>, name: string): Pair<number> => ({
  current: num(pair.current[name]),
  previous: num(pair.previous[name]),
});
/** A figure about people (a median, an average) shown only when the group it describes is. */
const guarded = (
  pair: Pair<Record<string, number | null>>,
  name: string,
  group: Pair<PeopleCount>,
  digits = 1,
): Pair<number | null> => {
  const at = (key: 'current' | 'previous') => {
    const value = pair[key][name];
    if (group[key].hidden || value === null || value === undefined) return null;
    const scale = 10 ** digits;
    return Math.round(Number(value) * scale) / scale;
  };
  return { current: at('current'), previous: at('previous') };
};

/**
 * What the network produced in each period: comebacks (records marked rehired with a return date in
 * the period, and the median days from leaving to return), candidates members referred and those hired,
 * collaborations contracted, event attendance, survey answers and scores, and proposals adopted.
 */
export async function loadOutcomeFigures(
  ctx: TenantServiceContext,
  periods: Periods,
  cost: CostPerHire | null,
) {
  const tenant = ctx.tenant.id;
  const rehires = await bothPeriods(
    ctx,
    periods,
    (p) => sql`count(*)::int as rehires,
      percentile_cont(0.5) within group (order by (rehired_on - left_on)) as median_days
      from alumni_records where tenant_id = ${tenant} and employment_status = 'rehired'
        and rehired_on >= ${p.fromDate}::date and rehired_on < ${p.toDate}::date`,
  );
  const opportunities = await bothPeriods(
    ctx,
    periods,
    (p) => sql`
      (select count(*)::int from opportunity_referrals where tenant_id = ${tenant}
        and created_at >= ${p.from} and created_at < ${p.to}) as referred,
      (select count(distinct i.id)::int from opportunity_interests i
        join opportunity_referrals r on r.tenant_id = i.tenant_id and r.opportunity_id = i.opportunity_id
          and r.referred_member_id = i.membership_id
        where i.tenant_id = ${tenant} and i.stage = 'hired'
          and i.stage_changed_at >= ${p.from} and i.stage_changed_at < ${p.to}) as referred_hired,
      (select count(*)::int from opportunity_interests i
        join opportunities o on o.tenant_id = i.tenant_id and o.id = i.opportunity_id
        where i.tenant_id = ${tenant} and o.kind = 'collaboration' and i.stage = 'hired'
          and i.stage_changed_at >= ${p.from} and i.stage_changed_at < ${p.to}) as collaborations`,
  );
  const events = await bothPeriods(
    ctx,
    periods,
    (p) => sql`
      (select count(*)::int from events where tenant_id = ${tenant} and status = 'published'
        and starts_at >= ${p.from} and starts_at < ${p.to}) as held,
      (select count(*)::int from event_registrations where tenant_id = ${tenant}
        and attended_at >= ${p.from} and attended_at < ${p.to}) as attendances,
      (select count(distinct member_id)::int from event_registrations where tenant_id = ${tenant}
        and attended_at >= ${p.from} and attended_at < ${p.to}) as attendees`,
  );
  const surveys = await bothPeriods(
    ctx,
    periods,
    (p) => sql`
      (select count(*)::int from survey_responses where tenant_id = ${tenant} and status = 'submitted'
        and submitted_on >= ${p.fromDate}::date and submitted_on < ${p.toDate}::date) as responses,
      (select count(*)::int from survey_invitations where tenant_id = ${tenant}
        and created_at >= ${p.from} and created_at < ${p.to}) as links_sent,
      (select count(*)::int from survey_invitations where tenant_id = ${tenant} and answered
        and created_at >= ${p.from} and created_at < ${p.to}) as links_answered,
      (select avg((r.answers ->> (q ->> 'id'))::numeric) from survey_responses r
        join surveys s on s.tenant_id = r.tenant_id and s.id = r.survey_id
        cross join lateral jsonb_array_elements(s.questions) q
        where r.tenant_id = ${tenant} and r.status = 'submitted' and q ->> 'type' = 'scale'
          and r.answers ? (q ->> 'id') and jsonb_typeof(r.answers -> (q ->> 'id')) = 'number'
          and r.submitted_on >= ${p.fromDate}::date and r.submitted_on < ${p.toDate}::date) as scale_average,
      (select 100.0 * (count(*) filter (where v >= 9) - count(*) filter (where v <= 6)) / nullif(count(*), 0)
        from (select (r.answers ->> (q ->> 'id'))::numeric as v from survey_responses r
          join surveys s on s.tenant_id = r.tenant_id and s.id = r.survey_id
          cross join lateral jsonb_array_elements(s.questions) q
          where r.tenant_id = ${tenant} and r.status = 'submitted' and q ->> 'type' = 'nps'
            and jsonb_typeof(r.answers -> (q ->> 'id')) = 'number'
            and r.submitted_on >= ${p.fromDate}::date and r.submitted_on < ${p.toDate}::date) answers) as nps`,
  );
  const proposals = await bothPeriods(
    ctx,
    periods,
    (p) => sql`count(*)::int as received, count(*) filter (where status = 'adopted')::int as adopted
      from proposals where tenant_id = ${tenant} and created_at >= ${p.from} and created_at < ${p.to}`,
  );

  const comebacks = people(rehires, 'rehires');
  const responses = people(surveys, 'responses');
  const linksSent = people(surveys, 'links_sent');
  const linkRate = (key: 'current' | 'previous') => {
    const sent = num(surveys[key].links_sent);
    if (linksSent[key].hidden || sent === 0) return null;
    return Math.round((num(surveys[key].links_answered) / sent) * 1000) / 1000;
  };
  const yen = perHireYen(cost);
  const saved = (key: 'current' | 'previous') =>
    yen === null || comebacks[key].value === null ? null : comebacks[key].value * yen;
  return {
    period: { current: presentPeriod(periods.current), previous: presentPeriod(periods.previous) },
    rehires: { count: comebacks, medianDaysToReturn: guarded(rehires, 'median_days', comebacks, 0) },
    referrals: {
      referred: people(opportunities, 'referred'),
      hired: people(opportunities, 'referred_hired'),
    },
    collaborations: people(opportunities, 'collaborations'),
    events: {
      held: things(events, 'held'),
      attendances: people(events, 'attendances'),
      attendees: people(events, 'attendees'),
    },
    surveys: {
      responses,
      linksSent,
      linkResponseRate: { current: linkRate('current'), previous: linkRate('previous') },
      scaleAverage: guarded(surveys, 'scale_average', responses, 2),
      nps: guarded(surveys, 'nps', responses, 0),
    },
    proposals: { received: things(proposals, 'received'), adopted: things(proposals, 'adopted') },
    money: {
      costPerHire: cost,
      perHireYen: yen,
      savedYen: { current: saved('current'), previous: saved('previous') },
    },
  };
}
export type OutcomeFigures = Awaited<ReturnType<typeof loadOutcomeFigures>>;
