import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { tenants } from '../../db/schema/index.js';
import { enterTenant } from '../../db/scope.js';
import { clientAddress } from '../../platform/auth/sessions.js';
import { notFound } from '../../platform/errors.js';
import type { AppEnv } from '../../platform/http/env.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { SlugSchema } from '../tenancy/schemas.js';
import type { MySurvey } from './answer-surveys.js';
import { MemberSurveySchema, presentMemberSurvey } from './presenters.js';
import { getLinkedSurvey, submitLinkedAnswers } from './survey-links.js';
import { AnswersInputSchema } from './survey-schemas.js';

/** Public: a survey mailed to someone (who may never have joined) is answered from its link, no sign-in. */
export const surveyLinkRoutes = createRouter();
const tags = ['surveys'];

const LinkParamSchema = z.object({
  slug: SlugSchema,
  token: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .openapi({ description: 'The token from the e-mailed link' }),
});

surveyLinkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/survey-links/{slug}/{token}',
    tags,
    summary: 'The survey an e-mailed link is for (no sign-in; unknown links get 404)',
    request: { params: LinkParamSchema },
    responses: { 200: jsonContent(MemberSurveySchema), ...problems(404, 422, 429) },
  }),
  async (c) => {
    const linked = await withLink(c as unknown as Context<AppEnv>, c.req.valid('param'), getLinkedSurvey);
    return c.json(presentMemberSurvey(linked, c.var.locale), 200);
  },
);

surveyLinkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/survey-links/{slug}/{token}/response',
    tags,
    summary: 'Send the answers through an e-mailed link (once; 409 if already answered or closed)',
    request: { params: LinkParamSchema, ...jsonBody(AnswersInputSchema) },
    responses: { 201: jsonContent(MemberSurveySchema), ...problems(404, 409, 415, 422, 429) },
  }),
  async (c) => {
    const { answers } = c.req.valid('json');
    const linked = await withLink(c as unknown as Context<AppEnv>, c.req.valid('param'), (ctx, token) =>
      submitLinkedAnswers(ctx, token, answers),
    );
    return c.json(presentMemberSurvey(linked, c.var.locale), 201);
  },
);

/** Runs `work` in the link's network (unknown networks are a 404 like unknown links), rate-limited per address. */
async function withLink(
  c: Context<AppEnv>,
  input: { slug: string; token: string },
  work: (ctx: Parameters<typeof getLinkedSurvey>[0], token: string) => Promise<MySurvey>,
): Promise<MySurvey> {
  await enforceRateLimit(c.var.deps.database.db, `survey-link:ip:${clientAddress(c)}`, {
    limit: 60,
    windowSeconds: 15 * 60,
  });
  const linked = await c.var.deps.database.db.transaction(async (tx) => {
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug));
    if (!tenant) return null;
    await enterTenant(tx, tenant.id);
    return work({ tx, tenant }, input.token);
  });
  if (!linked) throw notFound();
  return linked;
}
