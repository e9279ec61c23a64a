import { createRoute, z } from '@hono/zod-openapi';
import { digestFrequencies, notificationChannels, notificationKinds } from '../../../db/schema/index.js';
import { OkSchema } from '../../../platform/auth/schemas.js';
import { jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { withTenant } from '../../tenancy/tenant-context.js';
import { createCommunityRouter } from '../community-router.js';
import { listNotifications, markNotificationsRead } from './notification-inbox.js';
import { readNotificationSettings, updateNotificationSettings } from './notification-settings.js';
import { removePushSubscription, savePushSubscription } from './push-subscriptions.js';

export const notificationRoutes = createCommunityRouter();
const tags = ['notifications'];

const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(notificationKinds),
    actor: z.string().nullable(),
    target: z.object({
      type: z.enum([
        'post',
        'conversation',
        'group',
        'article',
        'opportunity',
        'event',
        'proposal',
        'survey',
      ]),
      id: z.uuid(),
    }),
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

const ChannelsSchema = z.object(
  Object.fromEntries(notificationChannels.map((channel) => [channel, z.boolean()])) as Record<
    (typeof notificationChannels)[number],
    z.ZodBoolean
  >,
);
const NotificationSettingsSchema = z
  .object({
    emailNotifications: z.boolean(),
    digest: z.enum(digestFrequencies),
    // Every kind is answered, so the document lists each one as present (a record would read as optional).
    preferences: z.object(
      Object.fromEntries(notificationKinds.map((kind) => [kind, ChannelsSchema])) as Record<
        (typeof notificationKinds)[number],
        typeof ChannelsSchema
      >,
    ),
    push: z.object({ publicKey: z.string(), devices: z.number().int() }),
  })
  .openapi('NotificationSettings');
const NotificationSettingsUpdateSchema = z
  .strictObject({
    emailNotifications: z.boolean().optional(),
    digest: z.enum(digestFrequencies).optional(),
    preferences: z.partialRecord(z.enum(notificationKinds), ChannelsSchema.partial().strict()).optional(),
  })
  .openapi('NotificationSettingsUpdate');

notificationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/me/notification-settings',
    tags,
    summary: 'How I am notified: per kind and channel (app, e-mail, push), the digest, my push devices',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(NotificationSettingsSchema), ...problems(401, 404) },
  }),
  async (c) => c.json(await withTenant(c, readNotificationSettings), 200),
);

notificationRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/community/me/notification-settings',
    tags,
    summary: 'Change how I am notified (only the choices given change)',
    request: { params: TenantParamSchema, ...jsonBody(NotificationSettingsUpdateSchema) },
    responses: { 200: jsonContent(NotificationSettingsSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    return c.json(await withTenant(c, (ctx) => updateNotificationSettings(ctx, input)), 200);
  },
);

const PushSubscriptionSchema = z
  .strictObject({
    endpoint: z.url().max(2000),
    // PushSubscription.toJSON() also carries expirationTime; it is accepted and not needed.
    expirationTime: z.number().nullable().optional(),
    keys: z.strictObject({
      p256dh: z.string().regex(/^[\w-]{80,100}$/),
      auth: z.string().regex(/^[\w-]{16,32}$/),
    }),
  })
  .openapi('PushSubscription');

notificationRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/community/me/push-subscription',
    tags,
    summary: "Receive Web Push on this device (the browser's PushSubscription)",
    request: { params: TenantParamSchema, ...jsonBody(PushSubscriptionSchema) },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    await withTenant(c, (ctx) => savePushSubscription(ctx, input));
    return c.json({ ok: true as const }, 200);
  },
);

notificationRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/community/me/push-subscription',
    tags,
    summary: 'Stop Web Push on this device',
    request: { params: TenantParamSchema, ...jsonBody(z.strictObject({ endpoint: z.url().max(2000) })) },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const { endpoint } = c.req.valid('json');
    await withTenant(c, (ctx) => removePushSubscription(ctx, endpoint));
    return c.json({ ok: true as const }, 200);
  },
);
