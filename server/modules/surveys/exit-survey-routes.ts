import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { createRegistryRouter } from '../registry/registry-router.js';
import { RecordParamSchema } from '../registry/schemas.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../tenancy/tenant-context.js';
import { EXIT_LINK_DAYS, exitLinkStatus, issueExitLink } from './exit-survey-links.js';
import { ExitLinkStatusSchema, presentExitLinkStatus } from './exit-survey-presenters.js';
import {
  ExitSurveySettingsInputSchema,
  ExitSurveySettingsSchema,
  findExitSurvey,
  presentExitSurveySettings,
  saveExitSurvey,
} from './exit-survey-settings.js';
import { authorizeManageSurveys } from './policies.js';

/** /t/{slug}/surveys/exit: which survey is the exit survey (staff; mounted before /surveys/{id}). */
export const exitSurveySettingsRoutes = createRouter<TenantEnv>();
exitSurveySettingsRoutes.use('/t/:slug/surveys/exit', loadTenant, async (c, next) => {
  authorizeManageSurveys(c.var.actor);
  await next();
});
const tags = ['surveys'];

exitSurveySettingsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/surveys/exit',
    tags,
    summary: 'The exit survey HR sends leavers on their last working day (staff)',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(ExitSurveySettingsSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const survey = await withTenant(c, (ctx) => findExitSurvey(ctx.tx, ctx.tenant.id));
    return c.json(presentExitSurveySettings(survey), 200);
  },
);

exitSurveySettingsRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/surveys/exit',
    tags,
    summary: 'Choose the exit survey (an open, named survey with a would-return question) or none; audited',
    request: { params: TenantParamSchema, ...jsonBody(ExitSurveySettingsInputSchema) },
    responses: { 200: jsonContent(ExitSurveySettingsSchema), ...problems(401, 403, 404, 415, 422) },
  }),
  async (c) => {
    const survey = await withTenant(c, (ctx) => saveExitSurvey(ctx, c.req.valid('json')));
    return c.json(presentExitSurveySettings(survey), 200);
  },
);

/** /t/{slug}/registry/records/{id}/exit-survey-link: a leaver's exit-survey link (HR). */
export const exitLinkStaffRoutes = createRegistryRouter();

exitLinkStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/records/{id}/exit-survey-link',
    tags,
    summary: "The record's latest exit-survey link (state, expiry, whether mailed; never the token)",
    request: { params: RecordParamSchema },
    responses: { 200: jsonContent(ExitLinkStatusSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const status = await withTenant(c, (ctx) => exitLinkStatus(ctx, c.req.valid('param').id));
    return c.json(presentExitLinkStatus(status, null), 200);
  },
);

exitLinkStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/records/{id}/exit-survey-link',
    tags,
    summary: `Make a new exit-survey link (valid ${EXIT_LINK_DAYS} days, single use; the previous one is revoked), mailed to the record's address if asked; audited`,
    request: {
      params: RecordParamSchema,
      ...jsonBody(
        z.strictObject({
          send: z.boolean().openapi({ description: "Mail it to the record's first address" }),
        }),
      ),
    },
    responses: { 201: jsonContent(ExitLinkStatusSchema), ...problems(401, 403, 404, 409, 415, 422) },
  }),
  async (c) => {
    const issued = await withTenant(c, (ctx) =>
      issueExitLink(ctx, c.req.valid('param').id, c.req.valid('json')),
    );
    return c.json(presentExitLinkStatus(issued, issued.url), 201);
  },
);
