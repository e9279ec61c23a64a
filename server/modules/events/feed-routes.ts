import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { tenants } from '../../db/schema/index.js';
import { enterTenant } from '../../db/scope.js';
import { clientAddress } from '../../platform/auth/sessions.js';
import { notFound } from '../../platform/errors.js';
import type { AppEnv } from '../../platform/http/env.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { createRouter, jsonContent, problems } from '../../platform/http/router.js';
import { createCommunityRouter } from '../community/community-router.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { withTenant } from '../tenancy/tenant-context.js';
import { createFeed, feedCalendar, feedUrls, findFeed, revokeFeed } from './calendar-feed.js';
import { CalendarFeedSchema, FeedFileParamSchema } from './schemas.js';

/** The member's own calendar feed: see whether it is on, make a new secret address, or revoke it. */
export const eventFeedRoutes = createCommunityRouter();
const tags = ['events'];
const path = '/t/{slug}/community/event-calendar-feed';

eventFeedRoutes.openapi(
  createRoute({
    method: 'get',
    path,
    tags,
    summary: 'Whether my calendar feed is on (the secret address is shown only when it is made)',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(CalendarFeedSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const feed = await withTenant(c, (ctx) => findFeed(ctx));
    return c.json(
      { active: feed !== null, createdAt: feed?.createdAt.toISOString() ?? null, url: null, webcalUrl: null },
      200,
    );
  },
);

eventFeedRoutes.openapi(
  createRoute({
    method: 'post',
    path,
    tags,
    summary:
      'Make a new secret calendar feed address (webcal) with every event I registered for; the previous address stops working',
    request: { params: TenantParamSchema },
    responses: { 201: jsonContent(CalendarFeedSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const feed = await withTenant(c, (ctx) => createFeed(ctx));
    const urls = feedUrls(c.var.deps.config.publicUrl, c.var.tenant.slug, feed.token);
    return c.json({ active: true, createdAt: feed.createdAt.toISOString(), ...urls }, 201);
  },
);

eventFeedRoutes.openapi(
  createRoute({
    method: 'delete',
    path,
    tags,
    summary: 'Revoke my calendar feed: calendars subscribed to it get nothing more',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(CalendarFeedSchema), ...problems(401, 404) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => revokeFeed(ctx));
    return c.json({ active: false, createdAt: null, url: null, webcalUrl: null }, 200);
  },
);

/** Public: calendar apps fetch the feed without a session; the secret in the address is the proof. */
export const eventFeedPublicRoutes = createRouter();

eventFeedPublicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/calendar/{slug}/{file}',
    tags,
    summary:
      'A member’s calendar feed (RFC 5545) by its secret address; unknown or revoked addresses get 404',
    request: { params: FeedFileParamSchema },
    responses: {
      200: { description: 'text/calendar', content: { 'text/calendar': { schema: { type: 'string' } } } },
      ...problems(404, 422, 429),
    },
  }),
  async (c) => {
    const ctx = c as unknown as Context<AppEnv>;
    // Calendar apps poll every few minutes at most; guessing addresses is slowed down per client.
    await enforceRateLimit(ctx.var.deps.database.db, `event-feed:ip:${clientAddress(ctx)}`, {
      limit: 120,
      windowSeconds: 60,
    });
    const { slug, file } = c.req.valid('param');
    const token = file.slice(0, -'.ics'.length);
    const text = await ctx.var.deps.database.db.transaction(async (tx) => {
      const [tenant] = await tx.select().from(tenants).where(eq(tenants.slug, slug));
      if (!tenant) return null;
      await enterTenant(tx, tenant.id);
      return feedCalendar(tx, tenant, token, {
        host: new URL(ctx.var.deps.config.publicUrl).host,
        locale: ctx.var.locale,
      });
    });
    if (text === null) throw notFound();
    return new Response(text, {
      status: 200,
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'cache-control': 'private, no-store',
      },
    });
  },
);
