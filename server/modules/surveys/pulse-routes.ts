import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../tenancy/tenant-context.js';
import { authorizeManageSurveys } from './policies.js';
import {
  listPulseStages,
  PulseSettingsInputSchema,
  PulseStageSchema,
  presentPulseStage,
  savePulseStages,
} from './pulse-stages.js';

/** /t/{slug}/surveys/pulses: HR's lifecycle pulse settings (mounted before /surveys/{id}). */
export const pulseRoutes = createRouter<TenantEnv>();
pulseRoutes.use('/t/:slug/surveys/pulses', loadTenant, async (c, next) => {
  authorizeManageSurveys(c.var.actor);
  await next();
});
const tags = ['surveys'];

pulseRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/surveys/pulses',
    tags,
    summary: 'Lifecycle pulses: the survey sent automatically N months after each leaving date (staff)',
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(z.object({ stages: z.array(PulseStageSchema) })),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listPulseStages(ctx));
    return c.json({ stages: rows.map(presentPulseStage) }, 200);
  },
);

pulseRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/surveys/pulses',
    tags,
    summary:
      'Set the pulse stages (months after leaving, an open survey each, on or off, catch-up window); audited',
    request: { params: TenantParamSchema, ...jsonBody(PulseSettingsInputSchema) },
    responses: {
      200: jsonContent(z.object({ stages: z.array(PulseStageSchema) })),
      ...problems(401, 403, 404, 415, 422),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => savePulseStages(ctx, c.req.valid('json')));
    return c.json({ stages: rows.map(presentPulseStage) }, 200);
  },
);
