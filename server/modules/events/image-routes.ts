import { createRoute, z } from '@hono/zod-openapi';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import {
  createRouter,
  jsonContent,
  privateImage,
  privateImageResponse,
  problems,
} from '../../platform/http/router.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../tenancy/tenant-context.js';
import { readEventImage, uploadEventImage } from './event-images.js';
import { authorizeEventStaff } from './policies.js';
import { EventImageSchema, EventParamSchema } from './schemas.js';

/** Event covers: HR upload them; members fetch those of events they may see. */
export const eventImageRoutes = createRouter<TenantEnv>();
eventImageRoutes.use('/t/:slug/events/images', loadTenant, async (c, next) => {
  authorizeEventStaff(c.var.actor);
  await next();
});
eventImageRoutes.use('/t/:slug/community/events/images/*', loadTenant);
const tags = ['events'];

eventImageRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/events/images',
    tags,
    summary:
      'Upload a cover picture for an event (HR; JPEG, PNG or WebP up to 8 MB; within 1600 px, metadata removed)',
    request: {
      params: TenantParamSchema,
      body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    },
    responses: { 201: jsonContent(EventImageSchema), ...problems(401, 403, 404, 413, 422, 429) },
  }),
  async (c) => {
    await enforceRateLimit(
      c.var.deps.database.db,
      `event-image:${c.var.tenant.id}:${c.var.actor.membershipId}`,
      { limit: 60, windowSeconds: 10 * 60 },
    );
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await withTenant(c, (ctx) => uploadEventImage(ctx, bytes)), 201);
  },
);

eventImageRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/events/images/{id}',
    tags,
    summary: "An event's cover, for members who may see the event (HR: any)",
    request: { params: EventParamSchema },
    responses: { 200: privateImageResponse, ...problems(401, 404) },
  }),
  async (c) => privateImage(c, await withTenant(c, (ctx) => readEventImage(ctx, c.req.valid('param').id))),
);
