import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { spreadsheetDownload, spreadsheetResponse } from '../../platform/spreadsheet/spreadsheet-response.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../tenancy/tenant-context.js';
import {
  CostPerHireInputSchema,
  CostPerHireSchema,
  costPerHireOf,
  saveCostPerHire,
} from './cost-per-hire.js';
import { loadFunnel } from './funnel.js';
import { cohortOf, exportFunnel } from './funnel-export.js';
import { FunnelExportQuerySchema, FunnelQuerySchema, FunnelSchema } from './funnel-schemas.js';
import { outcomeFileName } from './outcome-csv.js';
import { exportOutcomes } from './outcome-export.js';
import { loadOutcomeFigures } from './outcome-figures.js';
import { OutcomeExportQuerySchema, OutcomeFiguresSchema } from './outcome-schemas.js';
import { OutcomePeriodQuerySchema, resolvePeriods } from './period.js';
import { auditOutcomesViewed, authorizeViewOutcomes } from './policies.js';
import { loadOutcomeReport, OutcomeReportSchema } from './report.js';

/**
 * /t/{slug}/outcomes/…: the 成果 dashboard's funnel, outcomes, money and report (owners and HR
 * admins). The activity section mounts its own router under /outcomes/activity.
 */
export const outcomesRoutes = createRouter<TenantEnv>();
for (const section of ['funnel', 'figures', 'report', 'cost-per-hire']) {
  for (const path of [`/t/:slug/outcomes/${section}`, `/t/:slug/outcomes/${section}/*`]) {
    outcomesRoutes.use(path, loadTenant, async (c, next) => {
      authorizeViewOutcomes(c.var.actor);
      await next();
    });
  }
}
const tags = ['outcomes'];

outcomesRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/outcomes/funnel',
    tags,
    summary:
      'Records → contact consent → invited → joined → active, for a cohort, at the end of the period and of the one before; invitation sources (staff); audited',
    request: { params: TenantParamSchema, query: FunnelQuerySchema },
    responses: { 200: jsonContent(FunnelSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const periods = resolvePeriods(query);
    const funnel = await withTenant(c, async (ctx) => {
      const result = await loadFunnel(ctx, query, periods);
      await auditOutcomesViewed(ctx, 'funnel', periods, cohortOf(query));
      return result;
    });
    return c.json(funnel, 200);
  },
);

outcomesRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/outcomes/funnel/export',
    tags,
    summary:
      'The funnel as CSV (UTF-8 with BOM or CP932, formula-safe, counts under 5 people hidden); audited',
    request: { params: TenantParamSchema, query: FunnelExportQuerySchema },
    responses: { 200: spreadsheetResponse, ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const { encoding, ...query } = c.req.valid('query');
    const periods = resolvePeriods(query);
    const file = await withTenant(c, (ctx) =>
      exportFunnel(ctx, query, periods, { encoding, locale: c.var.locale }),
    );
    return spreadsheetDownload(file, {
      fileName: outcomeFileName('outcomes-funnel', query.from, encoding),
      accept: c.req.header('accept'),
      locale: c.var.locale,
    });
  },
);

outcomesRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/outcomes/figures',
    tags,
    summary:
      'Comebacks, referrals and their hires, collaborations, events, surveys, proposals and the estimated hiring cost avoided, for the period and the one before; audited',
    request: { params: TenantParamSchema, query: OutcomePeriodQuerySchema },
    responses: { 200: jsonContent(OutcomeFiguresSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const periods = resolvePeriods(c.req.valid('query'));
    const figures = await withTenant(c, async (ctx) => {
      const result = await loadOutcomeFigures(ctx, periods, costPerHireOf(ctx.tenant.settings));
      await auditOutcomesViewed(ctx, 'outcomes', periods);
      return result;
    });
    return c.json(figures, 200);
  },
);

outcomesRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/outcomes/figures/export',
    tags,
    summary:
      'The outcome figures as CSV (UTF-8 with BOM or CP932, formula-safe, counts under 5 people hidden); audited',
    request: { params: TenantParamSchema, query: OutcomeExportQuerySchema },
    responses: { 200: spreadsheetResponse, ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const { encoding, ...query } = c.req.valid('query');
    const periods = resolvePeriods(query);
    const file = await withTenant(c, (ctx) =>
      exportOutcomes(ctx, periods, { encoding, locale: c.var.locale }),
    );
    return spreadsheetDownload(file, {
      fileName: outcomeFileName('outcomes', query.from, encoding),
      accept: c.req.header('accept'),
      locale: c.var.locale,
    });
  },
);

outcomesRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/outcomes/report',
    tags,
    summary:
      'The one-page report for management: members, those who joined, active members and the outcome figures, for the period and the one before; one audit entry per view',
    request: { params: TenantParamSchema, query: OutcomePeriodQuerySchema },
    responses: { 200: jsonContent(OutcomeReportSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const periods = resolvePeriods(c.req.valid('query'));
    const report = await withTenant(c, (ctx) => loadOutcomeReport(ctx, periods));
    return c.json(report, 200);
  },
);

outcomesRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/outcomes/cost-per-hire',
    tags,
    summary:
      "Set or clear the network's cost per hire (a fixed amount or an agency fee % of a salary); audited",
    request: { params: TenantParamSchema, ...jsonBody(CostPerHireInputSchema) },
    responses: {
      200: jsonContent(z.object({ costPerHire: CostPerHireSchema.nullable() })),
      ...problems(401, 403, 404, 415, 422),
    },
  }),
  async (c) => {
    const { costPerHire } = c.req.valid('json');
    const saved = await withTenant(c, (ctx) => saveCostPerHire(ctx, costPerHire));
    return c.json({ costPerHire: saved }, 200);
  },
);
