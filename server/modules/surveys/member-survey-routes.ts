import { createRoute, z } from '@hono/zod-openapi';
import { OkSchema } from '../../platform/auth/schemas.js';
import { jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { createCommunityRouter } from '../community/community-router.js';
import { MemberParamSchema, TenantParamSchema } from '../tenancy/schemas.js';
import { withTenant } from '../tenancy/tenant-context.js';
import { getMySurvey, listMySurveys, saveMyDraft, submitMyAnswers } from './answer-surveys.js';
import { MemberSurveySchema, presentMemberSurvey } from './presenters.js';
import { AnswersInputSchema } from './survey-schemas.js';

/** /t/{slug}/community/surveys/…: members answer the surveys meant for them. */
export const memberSurveyRoutes = createCommunityRouter();
const tags = ['surveys'];

memberSurveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/surveys',
    tags,
    summary: 'Open surveys meant for me, with whether I have started or answered each',
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(z.object({ surveys: z.array(MemberSurveySchema) })),
      ...problems(401, 404),
    },
  }),
  async (c) => {
    const mine = await withTenant(c, listMySurveys);
    return c.json({ surveys: mine.map((survey) => presentMemberSurvey(survey, c.var.locale)) }, 200);
  },
);

memberSurveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/surveys/{id}',
    tags,
    summary: 'A survey meant for me, in my language, with my saved draft (404 if not meant for me)',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(MemberSurveySchema), ...problems(401, 404) },
  }),
  async (c) => {
    const mine = await withTenant(c, (ctx) => getMySurvey(ctx, c.req.valid('param').id));
    return c.json(presentMemberSurvey(mine, c.var.locale), 200);
  },
);

memberSurveyRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/community/surveys/{id}/draft',
    tags,
    summary: 'Save my unfinished answers to a named survey, to finish later',
    request: { params: MemberParamSchema, ...jsonBody(AnswersInputSchema) },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 404, 409, 415, 422) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => saveMyDraft(ctx, c.req.valid('param').id, c.req.valid('json').answers));
    return c.json({ ok: true as const }, 200);
  },
);

memberSurveyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/surveys/{id}/response',
    tags,
    summary: 'Send my answers (once; 409 if already answered or closed)',
    request: { params: MemberParamSchema, ...jsonBody(AnswersInputSchema) },
    responses: { 201: jsonContent(MemberSurveySchema), ...problems(401, 404, 409, 415, 422) },
  }),
  async (c) => {
    const mine = await withTenant(c, async (ctx) => {
      const { id } = c.req.valid('param');
      await submitMyAnswers(ctx, id, c.req.valid('json').answers);
      return getMySurvey(ctx, id);
    });
    return c.json(presentMemberSurvey(mine, c.var.locale), 201);
  },
);
