import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { activitySource } from './activity/activity-days.js';
import { activityFigures } from './activity/activity-figures.js';
import { costPerHireOf } from './cost-per-hire.js';
import { loadOutcomeFigures } from './outcome-figures.js';
import { OutcomeFiguresSchema } from './outcome-schemas.js';
import { PeriodSchema, type Periods, presentPeriod } from './period.js';
import { auditOutcomesViewed } from './policies.js';
import { countPeople, MIN_GROUP_SIZE, type PeopleCount, PeopleCountSchema } from './privacy.js';

const Compared = <T extends z.ZodType>(schema: T) => z.object({ current: schema, previous: schema });
const People = Compared(PeopleCountSchema);

export const OutcomeReportSchema = z
  .object({
    period: Compared(PeriodSchema),
    members: People.openapi({
      description:
        "Alumni with a membership at each period's end (now for a period still running), as the funnel's joined",
    }),
    joined: People.openapi({
      description:
        'Alumni who joined during each period; hidden unless 5 or more and the members at both ends are shown',
    }),
    activeMembers: People,
    monthlyActive: People.openapi({ description: 'Active in the 30 days that end the period' }),
    figures: OutcomeFiguresSchema,
  })
  .openapi('OutcomeReport');
export type OutcomeReport = z.infer<typeof OutcomeReportSchema>;

/** The moment a count is taken at: the moment asked for, or now if that is still to come. */
const asOf = (at: Date, now: Date) => (at.getTime() > now.getTime() ? now : at);

/**
 * Alumni whose record is linked to a membership created before each moment: the funnel's 参加 step
 * for the whole registry, so the report's members equal the dashboard's.
 */
async function membersAt(ctx: TenantServiceContext, moments: Date[]): Promise<number[]> {
  const columns = moments.map(
    (at, index) => sql`count(*) filter (where m.created_at < ${at})::int as ${sql.raw(`"m${index}"`)}`,
  );
  const [row] = await queryRows<Record<string, number>>(
    ctx.tx,
    sql`select ${sql.join(columns, sql`, `)} from alumni_records r
      join memberships m on m.tenant_id = r.tenant_id and m.id = r.membership_id
      where r.tenant_id = ${ctx.tenant.id}`,
  );
  return moments.map((_, index) => row?.[`m${index}`] ?? 0);
}

/**
 * The alumni who joined between two moments, as the difference of the members counted at each (the
 * same memberships counted twice, so exactly those created in between). Shown only when both counts are
 * shown and the difference is 5 or more, so it never uncovers a hidden count.
 */
export function joinedBetween(before: number, after: number): PeopleCount {
  const shown = before >= MIN_GROUP_SIZE && after >= MIN_GROUP_SIZE && after - before >= MIN_GROUP_SIZE;
  return shown ? { value: after - before, hidden: false } : { value: null, hidden: true };
}

/**
 * The one-page report for management: members and those who joined, active members, and the outcome
 * figures, for the period and the one before. One view of the report is one audit entry.
 */
export async function loadOutcomeReport(
  ctx: TenantServiceContext,
  periods: Periods,
  now = new Date(),
): Promise<OutcomeReport> {
  const { current, previous } = periods;
  // The previous period starts where the one before it ends: its members there give its joins.
  const [atPreviousStart = 0, atPreviousEnd = 0, atCurrentEnd = 0] = await membersAt(
    ctx,
    [previous.from, previous.to, current.to].map((at) => asOf(at, now)),
  );
  const source = await activitySource(ctx.tx, ctx.tenant.id, now);
  const activityNow = await activityFigures(ctx.tx, source, current);
  const activityBefore = await activityFigures(ctx.tx, source, previous);
  const figures = await loadOutcomeFigures(ctx, periods, costPerHireOf(ctx.tenant.settings));
  await auditOutcomesViewed(ctx, 'report', periods);
  return {
    period: { current: presentPeriod(current), previous: presentPeriod(previous) },
    members: { current: countPeople(atCurrentEnd), previous: countPeople(atPreviousEnd) },
    joined: {
      current: joinedBetween(atPreviousEnd, atCurrentEnd),
      previous: joinedBetween(atPreviousStart, atPreviousEnd),
    },
    activeMembers: {
      current: countPeople(activityNow.activeMembers),
      previous: countPeople(activityBefore.activeMembers),
    },
    monthlyActive: {
      current: countPeople(activityNow.monthlyActive),
      previous: countPeople(activityBefore.monthlyActive),
    },
    figures,
  };
}
