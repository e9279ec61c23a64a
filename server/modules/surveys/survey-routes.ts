import { createRoute, z } from '@hono/zod-openapi';
import { invalid } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { spreadsheetDownload, spreadsheetResponse } from '../../platform/spreadsheet/spreadsheet-response.js';
import { MemberParamSchema, TenantParamSchema } from '../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../tenancy/tenant-context.js';
import { exportSurvey } from './export-survey.js';
import { loadSurvey } from './load-survey.js';
import {
  changeSurveyStatus,
  createSurvey,
  listSurveys,
  submittedCounts,
  updateSurvey,
} from './manage-surveys.js';
import { authorizeManageSurveys } from './policies.js';
import {
  presentResults,
  presentStaffSurvey,
  StaffSurveySchema,
  SurveyResultsSchema,
  SurveyTextAnswersSchema,
} from './presenters.js';
import { sendSurvey } from './send-survey.js';
import { surveyResults, surveyTexts, TEXTS_MAX, TEXTS_SHOWN } from './survey-results.js';
import { SurveyInputSchema, SurveyStatusInputSchema } from './survey-schemas.js';

/** /t/{slug}/surveys/…: the console's survey builder and results, for HR staff only. */
export const surveyRoutes = createRouter<TenantEnv>();
surveyRoutes.use('/t/:slug/surveys', loadTenant, async (c, next) => {
  authorizeManageSurveys(c.var.actor);
  await next();
});
surveyRoutes.use('/t/:slug/surveys/*', loadTenant, async (c, next) => {
  authorizeManageSurveys(c.var.actor);
  await next();
});
const tags = ['surveys'];

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/surveys',
    tags,
    summary: 'Every survey of the network, newest first, with its number of responses (staff)',
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(z.object({ surveys: z.array(StaffSurveySchema) })),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, listSurveys);
    return c.json({ surveys: rows.map((row) => presentStaffSurvey(row.survey, row.responses)) }, 200);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/surveys',
    tags,
    summary: 'Create a survey as a draft (staff)',
    request: { params: TenantParamSchema, ...jsonBody(SurveyInputSchema) },
    responses: { 201: jsonContent(StaffSurveySchema), ...problems(401, 403, 404, 415, 422) },
  }),
  async (c) => {
    const survey = await withTenant(c, (ctx) => createSurvey(ctx, c.req.valid('json')));
    return c.json(presentStaffSurvey(survey, 0), 201);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/surveys/{id}',
    tags,
    summary: 'A survey with its questions and settings (staff)',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(StaffSurveySchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const survey = await loadSurvey(ctx, c.req.valid('param').id);
      const counts = await submittedCounts(ctx, survey.id);
      return presentStaffSurvey(survey, counts.get(survey.id) ?? 0);
    });
    return c.json(body, 200);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/surveys/{id}',
    tags,
    summary: 'Replace a draft survey’s questions and settings (409 once it has opened)',
    request: { params: MemberParamSchema, ...jsonBody(SurveyInputSchema) },
    responses: { 200: jsonContent(StaffSurveySchema), ...problems(401, 403, 404, 409, 415, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const { id } = c.req.valid('param');
      await updateSurvey(ctx, id, c.req.valid('json'));
      return presentStaffSurvey(await loadSurvey(ctx, id), 0);
    });
    return c.json(body, 200);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/surveys/{id}/status',
    tags,
    summary: 'Open a draft survey to its audience, or close an open one',
    request: { params: MemberParamSchema, ...jsonBody(SurveyStatusInputSchema) },
    responses: { 200: jsonContent(StaffSurveySchema), ...problems(401, 403, 404, 409, 415, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const { id } = c.req.valid('param');
      await changeSurveyStatus(ctx, id, c.req.valid('json').status);
      const counts = await submittedCounts(ctx, id);
      return presentStaffSurvey(await loadSurvey(ctx, id), counts.get(id) ?? 0);
    });
    return c.json(body, 200);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/surveys/{id}/send',
    tags,
    summary:
      'Ask the audience to answer (in the app, by e-mail with contact consent, records by a single-use link); each person once; audited',
    request: { params: MemberParamSchema },
    responses: {
      200: jsonContent(z.object({ inApp: z.number().int(), email: z.number().int() }).openapi('SurveySent')),
      ...problems(401, 403, 404, 409),
    },
  }),
  async (c) => {
    const sent = await withTenant(c, (ctx) => sendSurvey(ctx, c.req.valid('param').id));
    return c.json(sent, 200);
  },
);

const ResultsQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  by: z.enum(['department', 'leftYear', 'segment']).optional(),
  /** How many written answers to list per question (more are read with …/results/texts). */
  texts: z.coerce.number().int().min(1).max(TEXTS_MAX).default(TEXTS_SHOWN),
});

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/surveys/{id}/results',
    tags,
    summary: 'Results per question, responses per day and an optional breakdown (staff)',
    description:
      'Choices as counts per option, scales and NPS as distributions (NPS score = % promoters − % detractors), ' +
      'texts listed newest first and filtered by `q`. An anonymous survey never shows a group of fewer than 5.',
    request: { params: MemberParamSchema, query: ResultsQuerySchema },
    responses: { 200: jsonContent(SurveyResultsSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const results = await withTenant(c, (ctx) =>
      surveyResults(ctx, c.req.valid('param').id, {
        q: query.q || null,
        by: query.by ?? null,
        texts: query.texts,
      }),
    );
    return c.json(presentResults(results), 200);
  },
);

const TextsQuerySchema = z.object({
  question: z.string().min(1).max(100),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/surveys/{id}/results/texts',
    tags,
    summary: "A page of one question's written answers, newest first, filtered by `q` (staff)",
    request: { params: MemberParamSchema, query: TextsQuerySchema },
    responses: { 200: jsonContent(SurveyTextAnswersSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const [offset] = (decodeCursor(query.cursor, 1) ?? [0]) as [number];
    if (!Number.isInteger(offset) || offset < 0) {
      throw invalid([{ path: 'cursor', code: 'field_invalid_format' }]);
    }
    const page = await withTenant(c, (ctx) =>
      surveyTexts(ctx, c.req.valid('param').id, {
        question: query.question,
        q: query.q || null,
        offset,
        limit: query.limit,
      }),
    );
    return c.json(
      {
        answers: page.answers,
        nextCursor: page.nextOffset === null ? null : encodeCursor([page.nextOffset]),
      },
      200,
    );
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/surveys/{id}/export',
    tags,
    summary: 'Download the responses as CSV (UTF-8 with BOM or CP932, formula-safe); audited',
    request: {
      params: MemberParamSchema,
      query: z.object({ encoding: z.enum(['utf8', 'cp932']).default('utf8') }),
    },
    responses: { 200: spreadsheetResponse, ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const { encoding } = c.req.valid('query');
    const { id } = c.req.valid('param');
    const file = await withTenant(c, (ctx) => exportSurvey(ctx, id, { encoding, locale: c.var.locale }));
    const day = new Date().toISOString().slice(0, 10);
    return spreadsheetDownload(file, {
      fileName: `survey-${day}${encoding === 'cp932' ? '-sjis' : ''}.csv`,
      accept: c.req.header('accept'),
      locale: c.var.locale,
    });
  },
);
