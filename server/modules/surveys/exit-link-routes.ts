import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { tenants } from '../../db/schema/index.js';
import { enterTenant } from '../../db/scope.js';
import { clientAddress } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import type { AppEnv } from '../../platform/http/env.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { SlugSchema } from '../tenancy/schemas.js';
import { type ExitSurveyView, getExitSurvey, submitExitAnswers } from './exit-survey-links.js';
import { ExitSurveyPageSchema, presentExitSurvey } from './exit-survey-presenters.js';
import { AnswersSchema } from './survey-schemas.js';

/** Public: the exit survey a leaver opens from HR's link, no account needed. */
export const exitLinkRoutes = createRouter();
const tags = ['surveys'];

const LinkParamSchema = z.object({
  slug: SlugSchema,
  token: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .openapi({ description: 'The token from the exit-survey link' }),
});

const ExitAnswersInputSchema = z
  .strictObject({
    answers: AnswersSchema,
    /** The contact-consent choice (false: not given) and the wording version that was shown. */
    consent: z.strictObject({ granted: z.boolean(), version: z.string().max(50) }),
  })
  .openapi('ExitAnswersInput');

exitLinkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/exit-survey/{slug}/{token}',
    tags,
    summary:
      'The exit survey behind a link, with the consent sentence (404 unknown, 409 used, 410 revoked or expired)',
    request: { params: LinkParamSchema },
    responses: { 200: jsonContent(ExitSurveyPageSchema), ...problems(404, 409, 410, 422, 429) },
  }),
  async (c) => {
    const locale = c.var.locale;
    const view = await withExitLink(c as unknown as Context<AppEnv>, c.req.valid('param'), (ctx, token) =>
      getExitSurvey(ctx, token, locale),
    );
    return c.json(presentExitSurvey(view, locale), 200);
  },
);

exitLinkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/exit-survey/{slug}/{token}/response',
    tags,
    summary: 'Answer the exit survey with the consent choice, once (the link is then used up)',
    request: { params: LinkParamSchema, ...jsonBody(ExitAnswersInputSchema) },
    responses: { 201: jsonContent(ExitSurveyPageSchema), ...problems(404, 409, 410, 415, 422, 429) },
  }),
  async (c) => {
    const locale = c.var.locale;
    const input = c.req.valid('json');
    const view = await withExitLink(c as unknown as Context<AppEnv>, c.req.valid('param'), (ctx, token) =>
      submitExitAnswers(ctx, token, input, locale),
    );
    return c.json(presentExitSurvey(view, locale), 201);
  },
);

/** Runs `work` in the link's network (an unknown network reads as an unknown link), rate-limited per address. */
async function withExitLink(
  c: Context<AppEnv>,
  input: { slug: string; token: string },
  work: (ctx: Parameters<typeof getExitSurvey>[0], token: string) => Promise<ExitSurveyView>,
): Promise<ExitSurveyView> {
  await enforceRateLimit(c.var.deps.database.db, `exit-survey:ip:${clientAddress(c)}`, {
    limit: 60,
    windowSeconds: 15 * 60,
  });
  return c.var.deps.database.db.transaction(async (tx) => {
    const [tenant] = await tx
      .select({ id: tenants.id, nameJa: tenants.nameJa, nameEn: tenants.nameEn })
      .from(tenants)
      .where(eq(tenants.slug, input.slug));
    if (!tenant) throw new AppError(404, 'exit_link_unknown');
    await enterTenant(tx, tenant.id);
    return work({ tx, tenant }, input.token);
  });
}
