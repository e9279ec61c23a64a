import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonContent, problems } from '../../../platform/http/router.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../../tenancy/tenant-context.js';
import { OutcomePeriodQuerySchema, presentPeriod, resolvePeriods } from '../period.js';
import { auditOutcomesViewed, authorizeViewOutcomes } from '../policies.js';
import { activitySource } from './activity-days.js';
import { activityFigures, activityWeeks } from './activity-figures.js';
import { ActivityReportSchema, presentActivityFigures, presentActivityWeek } from './activity-schemas.js';

/** /t/{slug}/outcomes/activity: the dashboard's activity section (owners and HR admins). */
export const outcomeActivityRoutes = createRouter<TenantEnv>();
outcomeActivityRoutes.use('/t/:slug/outcomes/activity', loadTenant, async (c, next) => {
  authorizeViewOutcomes(c.var.actor);
  await next();
});

outcomeActivityRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/outcomes/activity',
    tags: ['outcomes'],
    summary:
      'Weekly and monthly active members, readers who never post, posts, comments, messages, group and hashtag growth, digest and newsletter reach, with the previous period (staff; audited)',
    request: { params: TenantParamSchema, query: OutcomePeriodQuerySchema },
    responses: { 200: jsonContent(ActivityReportSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const periods = resolvePeriods(c.req.valid('query'));
    const report = await withTenant(c, async (ctx) => {
      const source = await activitySource(ctx.tx, ctx.tenant.id);
      const current = await activityFigures(ctx.tx, source, periods.current);
      const previous = await activityFigures(ctx.tx, source, periods.previous);
      const weeks = await activityWeeks(ctx.tx, source, periods.current);
      await auditOutcomesViewed(ctx, 'activity', periods);
      return { current, previous, weeks };
    });
    return c.json(
      {
        period: presentPeriod(periods.current),
        previousPeriod: presentPeriod(periods.previous),
        current: presentActivityFigures(report.current),
        previous: presentActivityFigures(report.previous),
        weeks: report.weeks.map(presentActivityWeek),
      },
      200,
    );
  },
);
