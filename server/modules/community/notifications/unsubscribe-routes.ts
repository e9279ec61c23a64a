import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { tenants } from '../../../db/schema/index.js';
import { enterTenant } from '../../../db/scope.js';
import { OkSchema } from '../../../platform/auth/schemas.js';
import { clientAddress } from '../../../platform/auth/sessions.js';
import { notFound } from '../../../platform/errors.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { enforceRateLimit } from '../../../platform/http/rate-limit.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { SlugSchema } from '../../tenancy/schemas.js';
import { type MailList, mailLists, unsubscribeByKey } from './unsubscribe.js';

/** Public: the unsubscribe link in notification e-mails works without signing in. */
export const unsubscribeRoutes = createRouter();
const UnsubscribeSchema = z.object({
  slug: SlugSchema,
  member: z.uuid(),
  key: z.uuid(),
  // Links from before the digest existed carry no list: they always meant notification e-mails.
  list: z.enum(mailLists).default('notifications'),
});

unsubscribeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/unsubscribe',
    tags: ['notifications'],
    summary:
      'Stop notification e-mails or the digest from the link in one (no sign-in); unknown links get 404',
    request: jsonBody(UnsubscribeSchema.strict()),
    responses: { 200: jsonContent(OkSchema), ...problems(404, 422, 429) },
  }),
  async (c) => {
    await stopNotificationMail(c as unknown as Context<AppEnv>, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  },
);

unsubscribeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/unsubscribe/one-click',
    tags: ['notifications'],
    summary:
      "RFC 8058 one-click unsubscribe, posted by mail apps from the List-Unsubscribe header (no CSRF token: the link's key is the proof)",
    request: { query: UnsubscribeSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(404, 422, 429) },
  }),
  async (c) => {
    await stopNotificationMail(c as unknown as Context<AppEnv>, c.req.valid('query'));
    return c.json({ ok: true as const }, 200);
  },
);

async function stopNotificationMail(
  c: Context<AppEnv>,
  input: { slug: string; member: string; key: string; list: MailList },
) {
  await enforceRateLimit(c.var.deps.database.db, `unsubscribe:ip:${clientAddress(c)}`, {
    limit: 30,
    windowSeconds: 15 * 60,
  });
  const done = await c.var.deps.database.db.transaction(async (tx) => {
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug));
    if (!tenant) return false;
    await enterTenant(tx, tenant.id);
    return unsubscribeByKey(tx, tenant.id, { membershipId: input.member, key: input.key, list: input.list });
  });
  if (!done) throw notFound();
}
