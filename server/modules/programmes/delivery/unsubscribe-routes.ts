import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { consentPurposes, tenants } from '../../../db/schema/index.js';
import { enterTenant } from '../../../db/scope.js';
import { clientAddress } from '../../../platform/auth/sessions.js';
import { notFound } from '../../../platform/errors.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { enforceRateLimit } from '../../../platform/http/rate-limit.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { SlugSchema } from '../../tenancy/schemas.js';
import { unsubscribeByToken } from './unsubscribe-by-token.js';

/** Public: the stop links in programme mails work without signing in; the token is the proof. */
export const programmeUnsubscribeRoutes = createRouter();

const StopSchema = z.object({
  slug: SlugSchema,
  token: z.string().regex(/^[0-9a-f]{64}$/),
});
const StoppedSchema = z.object({ ok: z.literal(true), purpose: z.enum(consentPurposes) }).openapi('Stopped');

programmeUnsubscribeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/programmes/unsubscribe',
    tags: ['programmes'],
    summary: "Stop one purpose's mail from the link in it (no sign-in); unknown links get 404",
    request: jsonBody(StopSchema.strict()),
    responses: { 200: jsonContent(StoppedSchema), ...problems(404, 415, 422, 429) },
  }),
  async (c) => {
    const stopped = await stop(c as unknown as Context<AppEnv>, c.req.valid('json'));
    return c.json({ ok: true as const, purpose: stopped.purpose }, 200);
  },
);

programmeUnsubscribeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/programmes/unsubscribe/one-click',
    tags: ['programmes'],
    summary:
      'RFC 8058 one-click unsubscribe posted by mail apps from the List-Unsubscribe header (the token is the proof)',
    request: { query: StopSchema },
    responses: { 200: jsonContent(StoppedSchema), ...problems(404, 422, 429) },
  }),
  async (c) => {
    const stopped = await stop(c as unknown as Context<AppEnv>, c.req.valid('query'));
    return c.json({ ok: true as const, purpose: stopped.purpose }, 200);
  },
);

async function stop(c: Context<AppEnv>, input: { slug: string; token: string }) {
  await enforceRateLimit(c.var.deps.database.db, `unsubscribe:ip:${clientAddress(c)}`, {
    limit: 30,
    windowSeconds: 15 * 60,
  });
  const stopped = await c.var.deps.database.db.transaction(async (tx) => {
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug));
    if (!tenant) return null;
    await enterTenant(tx, tenant.id);
    return unsubscribeByToken(tx, tenant.id, input.token);
  });
  if (!stopped) throw notFound();
  return stopped;
}
