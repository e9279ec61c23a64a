import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonContent, problems } from '../../../platform/http/router.js';
import {
  spreadsheetDownload,
  spreadsheetResponse,
} from '../../../platform/spreadsheet/spreadsheet-response.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../../tenancy/tenant-context.js';
import { outcomeFileName } from '../outcome-csv.js';
import { OutcomeExportQuerySchema } from '../outcome-schemas.js';
import { OutcomePeriodQuerySchema, resolvePeriods } from '../period.js';
import { auditOutcomesViewed, authorizeViewOutcomes } from '../policies.js';
import { exportActivity } from './activity-export.js';
import { loadActivityReport } from './activity-report.js';
import { ActivityReportSchema } from './activity-schemas.js';

/** /t/{slug}/outcomes/activity: the dashboard's activity section and its CSV (owners and HR admins). */
export const outcomeActivityRoutes = createRouter<TenantEnv>();
for (const path of ['/t/:slug/outcomes/activity', '/t/:slug/outcomes/activity/*'])
  outcomeActivityRoutes.use(path, loadTenant, async (c, next) => {
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
      const result = await loadActivityReport(ctx, periods);
      await auditOutcomesViewed(ctx, 'activity', periods);
      return result;
    });
    return c.json(report, 200);
  },
);

outcomeActivityRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/outcomes/activity/export',
    tags: ['outcomes'],
    summary:
      'The activity section as CSV: each measure for the period and the one before, then week by week (UTF-8 with BOM or CP932, formula-safe, counts under 5 people hidden); audited',
    request: { params: TenantParamSchema, query: OutcomeExportQuerySchema },
    responses: { 200: spreadsheetResponse, ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const { encoding, ...query } = c.req.valid('query');
    const periods = resolvePeriods(query);
    const file = await withTenant(c, (ctx) =>
      exportActivity(ctx, periods, { encoding, locale: c.var.locale }),
    );
    return spreadsheetDownload(file, {
      fileName: outcomeFileName('outcomes-activity', query.from, encoding),
      accept: c.req.header('accept'),
      locale: c.var.locale,
    });
  },
);
