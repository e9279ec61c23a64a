import { createRoute } from '@hono/zod-openapi';
import { recordAudit } from '../../../platform/audit.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../../tenancy/tenant-context.js';
import { activitySource } from '../activity/activity-days.js';
import { addDays } from '../activity/japan-days.js';
import { resolvePeriods } from '../period.js';
import { auditOutcomesViewed, authorizeViewOutcomes } from '../policies.js';
import { countPeople } from '../privacy.js';
import {
  EngagementQuerySchema,
  EngagementReportSchema,
  WeightsInputSchema,
  WeightsReportSchema,
} from './engagement-schemas.js';
import {
  defaultWeights,
  loadWeights,
  memberEngagement,
  SCORE_DAYS,
  saveWeights,
} from './engagement-score.js';

/**
 * /t/{slug}/outcomes/engagement: each member's engagement score and its ingredients, and the weights.
 * HR's console only: no member-facing response carries a score, and nothing ranks members to members.
 */
export const outcomeEngagementRoutes = createRouter<TenantEnv>();
outcomeEngagementRoutes.use('/t/:slug/outcomes/engagement/*', loadTenant, async (c, next) => {
  authorizeViewOutcomes(c.var.actor);
  await next();
});
outcomeEngagementRoutes.use('/t/:slug/outcomes/engagement', loadTenant, async (c, next) => {
  authorizeViewOutcomes(c.var.actor);
  await next();
});
const tags = ['outcomes'];

outcomeEngagementRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/outcomes/engagement',
    tags,
    summary:
      'Members with their engagement score over the last 90 days and its ingredients, highest first, the weights, and how many are going quiet (staff; audited)',
    request: { params: TenantParamSchema, query: EngagementQuerySchema },
    responses: { 200: jsonContent(EngagementReportSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const page = c.req.valid('query');
    const report = await withTenant(c, async (ctx) => {
      const source = await activitySource(ctx.tx, ctx.tenant.id);
      const weights = await loadWeights(ctx.tx, ctx.tenant.id);
      const found = await memberEngagement(ctx.tx, source, weights, page);
      // Names beside scores are personal data: the view is logged with the window it covered.
      const window = { from: addDays(source.today, -(SCORE_DAYS - 1)), to: addDays(source.today, 1) };
      await auditOutcomesViewed(ctx, 'engagement', resolvePeriods(window), { offset: page.offset });
      return { weights, ...found };
    });
    return c.json(
      {
        windowDays: SCORE_DAYS,
        weights: report.weights,
        defaultWeights,
        goingQuiet: countPeople(report.goingQuiet),
        total: report.total,
        members: report.members,
      },
      200,
    );
  },
);

outcomeEngagementRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/outcomes/engagement/weights',
    tags,
    summary: "Set the network's weights for the engagement score's ingredients (0–100 each; staff; audited)",
    request: { params: TenantParamSchema, ...jsonBody(WeightsInputSchema) },
    responses: { 200: jsonContent(WeightsReportSchema), ...problems(401, 403, 404, 415, 422) },
  }),
  async (c) => {
    const { weights } = c.req.valid('json');
    await withTenant(c, async (ctx) => {
      const before = await loadWeights(ctx.tx, ctx.tenant.id);
      await saveWeights(ctx.tx, { tenantId: ctx.tenant.id, weights, updatedBy: ctx.actor.membershipId });
      await recordAudit(ctx.tx, {
        tenantId: ctx.tenant.id,
        actorMembershipId: ctx.actor.membershipId,
        action: 'outcomes.engagement_weights_changed',
        targetType: 'tenant',
        targetId: ctx.tenant.id,
        data: { before, after: weights },
        ipAddress: ctx.ipAddress,
      });
    });
    return c.json({ weights, defaultWeights }, 200);
  },
);
