import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { surveys } from '../../db/schema/index.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { readSurvey } from '../surveys/load-survey.js';
import { submittedCounts } from '../surveys/manage-surveys.js';
import {
  loadTenant,
  type TenantEnv,
  type TenantServiceContext,
  withTenant,
} from '../tenancy/tenant-context.js';
import { createFollowUpSurvey, setFollowUpSurvey } from './follow-up-survey.js';
import { authorizeEventStaff } from './policies.js';
import { EventParamSchema } from './schemas.js';
import { findEvent } from './write-events.js';

/** /t/{slug}/events/{id}/survey: the post-event survey of one event, for HR staff only. */
export const eventSurveyRoutes = createRouter<TenantEnv>();
for (const path of ['/t/:slug/events/:id/survey', '/t/:slug/events/:id/survey/*']) {
  eventSurveyRoutes.use(path, loadTenant, async (c, next) => {
    authorizeEventStaff(c.var.actor);
    await next();
  });
}
const tags = ['events'];
const base = '/t/{slug}/events/{id}/survey';

const SurveyRef = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  responses: z.number().int(),
});
const EventSurveySchema = z
  .object({
    /** The survey the attendees get after the end, with its number of answers. */
    survey: SurveyRef.nullable(),
    /** When it went to the attendees; null until then. */
    sentAt: z.string().nullable(),
    /** Surveys that could be chosen: meant for this event's attendees and not closed. */
    candidates: z.array(SurveyRef),
  })
  .openapi('EventSurvey');
const ChooseSurveySchema = z.strictObject({ surveyId: z.uuid().nullable() }).openapi('EventSurveyChoice');

async function eventSurvey(ctx: TenantServiceContext, eventId: string, locale: 'ja' | 'en') {
  const event = await findEvent(ctx, eventId);
  const rows = await ctx.tx
    .select()
    .from(surveys)
    .where(
      and(
        eq(surveys.tenantId, ctx.tenant.id),
        sql`(${surveys.id} = ${event.surveyId} or (${surveys.audience} ->> 'attendedEventId' = ${eventId}
          and ${ne(surveys.status, 'closed')}))`,
      ),
    )
    .orderBy(desc(surveys.createdAt))
    .limit(50);
  const counts = await submittedCounts(ctx);
  const ref = (row: (typeof rows)[number]) => {
    const survey = readSurvey(row);
    const title = survey.texts.title;
    return {
      id: survey.id,
      title: locale === 'en' && title.en ? title.en : title.ja,
      status: survey.status,
      responses: counts.get(survey.id) ?? 0,
    };
  };
  const chosen = rows.find((row) => row.id === event.surveyId);
  return {
    survey: chosen ? ref(chosen) : null,
    sentAt: event.surveySentAt?.toISOString() ?? null,
    candidates: rows.filter((row) => row.status !== 'closed').map(ref),
  };
}

eventSurveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: base,
    tags,
    summary: 'The post-event survey of an event (HR): the one chosen, when it went out, and the choices',
    request: { params: EventParamSchema },
    responses: { 200: jsonContent(EventSurveySchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, (ctx) => eventSurvey(ctx, c.req.valid('param').id, c.var.locale));
    return c.json(body, 200);
  },
);

eventSurveyRoutes.openapi(
  createRoute({
    method: 'put',
    path: base,
    tags,
    summary:
      'Choose the survey the attendees get once the event has ended (it must be meant for them), or ' +
      'none; fixed once sent; audited',
    request: { params: EventParamSchema, ...jsonBody(ChooseSurveySchema) },
    responses: { 200: jsonContent(EventSurveySchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const body = await withTenant(c, async (ctx) => {
      await setFollowUpSurvey(ctx, id, c.req.valid('json').surveyId);
      return eventSurvey(ctx, id, c.var.locale);
    });
    return c.json(body, 200);
  },
);

eventSurveyRoutes.openapi(
  createRoute({
    method: 'post',
    path: base,
    tags,
    summary:
      'Create the post-event survey from the template (satisfaction 1–5, what next, free text) as a ' +
      'draft meant for the attendees, and choose it; audited',
    request: { params: EventParamSchema },
    responses: { 201: jsonContent(EventSurveySchema), ...problems(401, 403, 404, 409) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const body = await withTenant(c, async (ctx) => {
      await createFollowUpSurvey(ctx, id);
      return eventSurvey(ctx, id, c.var.locale);
    });
    return c.json(body, 201);
  },
);
