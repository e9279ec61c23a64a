import { createRoute, z } from '@hono/zod-openapi';
import { notificationKinds } from '../../../db/schema/index.js';
import { OkSchema } from '../../../platform/auth/schemas.js';
import { jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { withTenant } from '../../tenancy/tenant-context.js';
import { createCommunityRouter } from '../community-router.js';
import { listNotifications, markNotificationsRead } from './notify.js';

export const notificationRoutes = createCommunityRouter();
const tags = ['notifications'];

const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(notificationKinds),
    actor: z.string().nullable(),
    target: z.object({ type: z.enum(['post', 'conversation', 'group']), id: z.uuid() }),
    data: z.record(z.string(), z.string()),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Notification');

notificationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/notifications',
    tags,
    summary: 'My notifications, newest first, and how many are unread',
    request: {
      params: TenantParamSchema,
      query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
    },
    responses: {
      200: jsonContent(z.object({ notifications: z.array(NotificationSchema), unread: z.number().int() })),
      ...problems(401, 404, 422),
    },
  }),
  async (c) => {
    const result = await withTenant(c, (ctx) => listNotifications(ctx, c.req.valid('query').limit));
    return c.json(
      {
        notifications: result.rows.map(({ notification: n, actor }) => ({
          id: n.id,
          kind: n.kind,
          actor,
          target: { type: n.targetType, id: n.targetId },
          data: n.data,
          read: n.readAt !== null,
          createdAt: n.createdAt.toISOString(),
        })),
        unread: result.unread,
      },
      200,
    );
  },
);

notificationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/notifications/read',
    tags,
    summary: 'Mark notifications read (the given ones, or all)',
    request: {
      params: TenantParamSchema,
      ...jsonBody(z.strictObject({ ids: z.array(z.uuid()).max(100).optional() })),
    },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => markNotificationsRead(ctx, c.req.valid('json').ids));
    return c.json({ ok: true as const }, 200);
  },
);
