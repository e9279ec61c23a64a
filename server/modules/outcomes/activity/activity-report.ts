import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { type Periods, presentPeriod } from '../period.js';
import { activitySource } from './activity-days.js';
import { activityFigures, activityWeeks } from './activity-figures.js';
import { type ActivityReport, presentActivityFigures, presentActivityWeek } from './activity-schemas.js';

/** The activity section as the dashboard shows it (counts of people under 5 hidden): screen and CSV alike. */
export async function loadActivityReport(
  ctx: TenantServiceContext,
  periods: Periods,
): Promise<ActivityReport> {
  const source = await activitySource(ctx.tx, ctx.tenant.id);
  const current = await activityFigures(ctx.tx, source, periods.current);
  const previous = await activityFigures(ctx.tx, source, periods.previous);
  const weeks = await activityWeeks(ctx.tx, source, periods.current);
  return {
    period: presentPeriod(periods.current),
    previousPeriod: presentPeriod(periods.previous),
    current: presentActivityFigures(current),
    previous: presentActivityFigures(previous),
    weeks: weeks.map(presentActivityWeek),
  };
}
