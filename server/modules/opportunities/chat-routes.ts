import { createRoute } from '@hono/zod-openapi';
import { forbidden } from '../../platform/errors.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { createCommunityRouter } from '../community/community-router.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../tenancy/tenant-context.js';
import {
  bookSlot,
  cancelBooking,
  cancelSlot,
  canHostChats,
  listHostedSlots,
  listMyChats,
  listOpenSlots,
  publishSlot,
} from './career-chats.js';
import { presentHostedSlot, presentMyChat, presentOpenSlot } from './chat-presenters.js';
import {
  BookChatSchema,
  CancelledChatSchema,
  ChatParamSchema,
  HostedChatSlotListSchema,
  HostedChatSlotSchema,
  HostedQuerySchema,
  MyChatListSchema,
  MyChatSchema,
  NewChatSlotSchema,
  OpenChatSlotListSchema,
} from './chat-schemas.js';
import { authorizeOpportunityStaff } from './policies.js';

/** Casual career chats (カジュアル面談) for members and hosts: /t/{slug}/community/career-chats/… */
export const chatMemberRoutes = createCommunityRouter();
const tags = ['career chats'];
const base = '/t/{slug}/community/career-chats';

chatMemberRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/slots`,
    tags,
    summary: 'Future slots I may book, soonest first (who booked a slot is never shown)',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(OpenChatSlotListSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listOpenSlots(ctx));
    return c.json({ slots: rows.map(presentOpenSlot) }, 200);
  },
);

chatMemberRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/slots/{id}/booking`,
    tags,
    summary:
      'Book a slot (alumni): 201 and a confirmation mail with an .ics to both; 200 when already mine; ' +
      '409 chat_slot_taken when someone else has it; audited',
    request: { params: ChatParamSchema, ...jsonBody(BookChatSchema) },
    responses: {
      200: jsonContent(MyChatSchema),
      201: jsonContent(MyChatSchema),
      ...problems(401, 403, 404, 409, 422, 429),
    },
  }),
  async (c) => {
    // A person books a few chats, not hundreds a minute: a script trying every slot is slowed down.
    await enforceRateLimit(
      c.var.deps.database.db,
      `chat-booking:${c.var.tenant.id}:${c.var.actor.membershipId}`,
      {
        limit: 20,
        windowSeconds: 60,
      },
    );
    const body = await withTenant(c, async (ctx) => {
      const result = await bookSlot(ctx, c.req.valid('param').id, c.req.valid('json'));
      const [mine] = await listMyChats(ctx, { bookingId: result.booking.id });
      return { chat: presentMyChat(mine!), created: result.created };
    });
    return c.json(body.chat, body.created ? 201 : 200);
  },
);

chatMemberRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/mine`,
    tags,
    summary: 'My booked chats (and cancelled ones), upcoming first',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(MyChatListSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listMyChats(ctx));
    return c.json({ chats: rows.map(presentMyChat) }, 200);
  },
);

chatMemberRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/bookings/{id}/cancel`,
    tags,
    summary:
      'Cancel a chat (the member, the host or HR); the other side gets a mail with a CANCEL .ics; audited',
    request: { params: ChatParamSchema },
    responses: { 200: jsonContent(CancelledChatSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const { booking } = await withTenant(c, (ctx) => cancelBooking(ctx, c.req.valid('param').id));
    return c.json(
      { id: booking.id, status: 'cancelled' as const, cancelledAt: booking.cancelledAt!.toISOString() },
      200,
    );
  },
);

chatMemberRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/hosted`,
    tags,
    summary: 'My own slots with who booked them (HR staff and employees)',
    request: { params: TenantParamSchema, query: HostedQuerySchema },
    responses: { 200: jsonContent(HostedChatSlotListSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    if (!canHostChats(c.var.actor)) throw forbidden('chat_not_host');
    const { when } = c.req.valid('query');
    const rows = await withTenant(c, (ctx) => listHostedSlots(ctx, { all: false, when }));
    return c.json({ slots: rows.map(presentHostedSlot) }, 200);
  },
);

chatMemberRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/hosted`,
    tags,
    summary:
      'Publish a slot (HR staff and employees): not in the past, not overlapping another of my slots (409); audited',
    request: { params: TenantParamSchema, ...jsonBody(NewChatSlotSchema) },
    responses: { 201: jsonContent(HostedChatSlotSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const { slot, host } = await withTenant(c, (ctx) => publishSlot(ctx, c.req.valid('json')));
    return c.json(presentHostedSlot({ slot, host, booking: null, member: null }), 201);
  },
);

chatMemberRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/hosted/{id}/cancel`,
    tags,
    summary:
      'Take a slot back (its host or HR); a booking on it is cancelled with a mail to the member; audited',
    request: { params: ChatParamSchema },
    responses: { 200: jsonContent(HostedChatSlotSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const slot = await cancelSlot(ctx, c.req.valid('param').id);
      const [row] = await listHostedSlots(ctx, { all: true, when: 'any', slotId: slot.id });
      return presentHostedSlot(row!);
    });
    return c.json(body, 200);
  },
);

/** HR's view in the console: every host's slots with their bookings. */
export const chatStaffRoutes = createRouter<TenantEnv>();
chatStaffRoutes.use('/t/:slug/career-chats', loadTenant, async (c, next) => {
  authorizeOpportunityStaff(c.var.actor);
  await next();
});

chatStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/career-chats',
    tags,
    summary: 'Every slot of the network with who booked it, upcoming or past (HR)',
    request: { params: TenantParamSchema, query: HostedQuerySchema },
    responses: { 200: jsonContent(HostedChatSlotListSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const { when } = c.req.valid('query');
    const rows = await withTenant(c, (ctx) => listHostedSlots(ctx, { all: true, when }));
    return c.json({ slots: rows.map(presentHostedSlot) }, 200);
  },
);
